import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { codeInstallationCorrespond, empreinteCodeInstallation, genererCodeInstallation } from '../domaine/acces/code-installation'

/**
 * Le code d'installation en cours, dans le dossier des données (comme le secret
 * de développement) : seule son empreinte est écrite. Un fichier plutôt que la
 * base : le consommer est un renommage, atomique, donc deux premiers
 * enregistrements simultanés ne peuvent pas l'utiliser tous les deux.
 */
const fichier = (dossierDonnees: string) => path.join(dossierDonnees, 'code-installation.txt')

/** Tire un nouveau code (l'ancien ne vaut plus rien) et le rend en clair, pour la console seulement. */
export function emettreCodeInstallation(dossierDonnees: string): string {
  const code = genererCodeInstallation()
  mkdirSync(dossierDonnees, { recursive: true })
  const provisoire = `${fichier(dossierDonnees)}.${randomUUID()}`
  writeFileSync(provisoire, empreinteCodeInstallation(code), { mode: 0o600 })
  renameSync(provisoire, fichier(dossierDonnees))
  return code
}

export type Consommation = 'accepte' | 'incorrect' | 'aucun'

/** Vérifie le code saisi et, s'il est bon, le détruit : un seul appel peut obtenir « accepte » pour un code donné. */
export function consommerCodeInstallation(dossierDonnees: string, saisie: unknown): Consommation {
  let empreinte: string
  try {
    empreinte = readFileSync(fichier(dossierDonnees), 'utf8')
  } catch {
    return 'aucun'
  }
  if (!codeInstallationCorrespond(saisie, empreinte)) return 'incorrect'
  const reserve = `${fichier(dossierDonnees)}.utilise-${randomUUID()}`
  try {
    renameSync(fichier(dossierDonnees), reserve)
  } catch {
    // Un autre enregistrement l'a pris entre la lecture et le renommage.
    return 'aucun'
  }
  // Le fichier renommé pourrait porter un nouveau code émis entre-temps : il n'a pas été vérifié,
  // mais il est détruit quand même (un redémarrage en émet un autre), jamais accepté à tort.
  const reprise = readFileSync(reserve, 'utf8')
  rmSync(reserve, { force: true })
  return reprise === empreinte ? 'accepte' : 'aucun'
}

export function supprimerCodeInstallation(dossierDonnees: string) {
  rmSync(fichier(dossierDonnees), { force: true })
}
