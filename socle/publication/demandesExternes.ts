import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs'
import path from 'node:path'

/**
 * Demandes venues d'un autre processus (import de l'annuaire en ligne de
 * commande, amorçage) : elles déposent un fichier dans
 * `<données>/publication/demandes/`, le serveur le lit, le supprime et
 * republie (et réindexe). Un fichier plutôt qu'un appel HTTP : la commande
 * n'a besoin ni de l'adresse du serveur ni d'un compte.
 */
export const dossierDemandes = (dossierDonnees: string) => path.join(dossierDonnees, 'publication', 'demandes')

export function deposerDemande(dossierDonnees: string, raison: string): void {
  const dossier = dossierDemandes(dossierDonnees)
  mkdirSync(dossier, { recursive: true })
  const quand = new Date().toISOString()
  const nom = `${quand.replace(/[:.]/g, '-')}-${process.pid}.json`
  // Écrit puis renommé : le serveur ne lit jamais un fichier à moitié écrit.
  const temporaire = path.join(dossier, `.${nom}.tmp`)
  writeFileSync(temporaire, JSON.stringify({ raison, quand }))
  renameSync(temporaire, path.join(dossier, nom))
}

/** Surveille le dossier et appelle `traiter` pour chaque demande (y compris celles déposées serveur arrêté). */
export function surveillerDemandes(dossierDonnees: string, traiter: (raison: string) => void): FSWatcher {
  const dossier = dossierDemandes(dossierDonnees)
  mkdirSync(dossier, { recursive: true })
  const lire = () => {
    for (const nom of readdirSync(dossier).filter((n) => n.endsWith('.json')).sort()) {
      const fichier = path.join(dossier, nom)
      let raison = 'modification externe'
      try {
        const contenu = JSON.parse(readFileSync(fichier, 'utf8')) as { raison?: unknown }
        if (typeof contenu.raison === 'string') raison = contenu.raison.slice(0, 200)
      } catch {
        // Demande illisible : on republie quand même, c'est sans risque.
      }
      rmSync(fichier, { force: true })
      traiter(raison)
    }
  }
  lire()
  const veilleur = watch(dossier, () => lire())
  veilleur.unref()
  return veilleur
}
