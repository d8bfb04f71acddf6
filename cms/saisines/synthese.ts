import type { Payload } from 'payload'

import { operationPermise, STATUT_A_TRIER } from '../../domaine/saisines'
import { lireSynthese, lireTableau, type RejetLigne } from '../../domaine/saisines/synthese-ggd'
import { configuration } from '../../socle/configuration'
import type { Site } from '../payload-types'
import type { ActeurEspace } from './acteur'
import { donneesSaisine, posteDeLUnite } from './depot'
import { ecrireSaisines } from './ecriture'
import { entreesActives } from './referentiels'
import { refus, type Resultat } from './resultat'

/**
 * L'import de la synthèse hebdomadaire du GGD 01 : chaque ligne valide devient
 * une saisine « à trier » du poste qui couvre son unité, par le même chemin
 * qu'une saisine enregistrée par l'intervenant (`donneesSaisine` : champs
 * statistiques en clair, identité et textes chiffrés, clé personne), avec
 * l'empreinte de sa ligne. Une ligne dont l'empreinte est déjà en base (ou
 * déjà vue plus haut dans le fichier) est comptée « déjà importée ».
 *
 * Tout ou rien : les saisines d'un fichier sont créées dans une transaction,
 * avec leurs lignes du journal d'audit ; une erreur en cours de route n'en
 * laisse aucune. Les lignes rejetées ne bloquent pas les autres : le rapport
 * les nomme, on corrige le fichier et on le renvoie, et les lignes déjà
 * créées sont alors reconnues par leur empreinte.
 */

export type RapportSynthese = {
  /** Lignes créées, et la saisine de chacune. */
  creees: { ligne: number; id: number }[]
  /** Lignes déjà importées (même empreinte en base ou plus haut dans le fichier). */
  dejaImportees: number[]
  /** Lignes d'une unité hors du secteur de l'intervenant : laissées à l'intervenant de ce secteur (ou à la coordination). */
  horsSecteur: number[]
  rejets: RejetLigne[]
  colonnesIgnorees: string[]
}

/** L'acteur peut-il importer une synthèse ? Une seule règle : `operationPermise` (pour son poste ; la coordination pour tous). */
export const peutImporterSynthese = (acteur: ActeurEspace | null): acteur is ActeurEspace =>
  Boolean(acteur) && operationPermise(acteur, 'importer-synthese', { poste: acteur!.poste })

export type OptionsImport = { maintenant?: Date; adresse?: string | null }

export async function importerSyntheseGgd(
  payload: Payload,
  acteur: ActeurEspace | null,
  octets: Uint8Array,
  options: OptionsImport = {},
): Promise<Resultat<{ rapport: RapportSynthese }>> {
  const maintenant = options.maintenant ?? new Date()
  if (!peutImporterSynthese(acteur)) return refus(403, 'Vous n’avez pas le droit d’importer la synthèse hebdomadaire du GGD.')

  const tableau = await lireTableau(octets)
  if (!tableau.ok) return refus(400, tableau.erreur)
  const [sites, problematiques, origines] = await Promise.all([
    payload.find({ collection: 'sites', where: { type: { in: ['brigade', 'compagnie', 'commissariat'] } }, pagination: false, depth: 0, overrideAccess: true, select: { nom: true, slug: true, type: true } }),
    entreesActives(payload, 'problematique'),
    entreesActives(payload, 'mode-saisine'),
  ])
  const lecture = lireSynthese(tableau.tableau, {
    maintenant,
    sites: (sites.docs as Site[]).map((s) => ({ id: s.id, nom: s.nom, slug: s.slug, type: s.type })),
    problematiques,
    origines: origines.map((o) => o.code),
    cleSecrete: configuration().clePseudonymisation,
  })
  if (!lecture.ok) return refus(400, lecture.erreur)

  const rapport: RapportSynthese = { creees: [], dejaImportees: [], horsSecteur: [], rejets: [...lecture.rejets], colonnesIgnorees: lecture.colonnesIgnorees }
  const empreintes = lecture.lignes.map((l) => l.empreinte)
  const enBase = new Set<string>()
  for (let i = 0; i < empreintes.length; i += 500) {
    const { docs } = await payload.find({
      collection: 'saisines',
      where: { empreinteSynthese: { in: empreintes.slice(i, i + 500) } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { empreinteSynthese: true },
    })
    for (const d of docs) if (d.empreinteSynthese) enBase.add(d.empreinteSynthese)
  }

  const postes = new Map<number, number | null>()
  const aCreer: { ligne: (typeof lecture.lignes)[number]; poste: number }[] = []
  for (const ligne of lecture.lignes) {
    if (enBase.has(ligne.empreinte)) {
      rapport.dejaImportees.push(ligne.ligne)
      continue
    }
    if (!postes.has(ligne.unite)) postes.set(ligne.unite, (await posteDeLUnite(payload, ligne.unite))?.id ?? null)
    const poste = postes.get(ligne.unite) ?? null
    if (poste === null) rapport.rejets.push({ ligne: ligne.ligne, colonne: 'Unité', motif: 'aucun poste d’intervenant social ne couvre cette unité (voir les postes et leurs sites)' })
    else if (!operationPermise(acteur, 'importer-synthese', { poste })) rapport.horsSecteur.push(ligne.ligne)
    else {
      enBase.add(ligne.empreinte)
      aCreer.push({ ligne, poste })
    }
  }
  rapport.rejets.sort((a, b) => a.ligne - b.ligne)

  if (aCreer.length) {
    try {
      // D'un bloc (cms/saisines/ecriture.ts) : tout le fichier ou rien, sans tenir le verrou d'écriture
      // de SQLite à travers des `await` pendant que le reste du serveur attend.
      const ids = await ecrireSaisines(payload, {
        saisines: aCreer.map(({ ligne, poste }) => ({ ...donneesSaisine(ligne.saisine, acteur, poste, maintenant, STATUT_A_TRIER), empreinteSynthese: ligne.empreinte })),
        action: 'saisine-importee',
        auteur: acteur.id,
        adresse: options.adresse ?? null,
        instant: new Date(),
        effacerBrouillon: false,
      })
      aCreer.forEach(({ ligne }, i) => rapport.creees.push({ ligne: ligne.ligne, id: ids[i]! }))
    } catch (e) {
      // Deux envois simultanés du même fichier : l'unicité de l'empreinte en base arrête le second, sans rien créer.
      if (await empreinteDejaPrise(payload, aCreer.map((a) => a.ligne.empreinte)))
        return refus(409, 'Ce fichier vient d’être importé par ailleurs : renvoyez-le, les lignes déjà créées seront comptées « déjà importées ».')
      throw e
    }
  }
  return { ok: true, rapport }
}

async function empreinteDejaPrise(payload: Payload, empreintes: string[]): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'saisines', where: { empreinteSynthese: { in: empreintes.slice(0, 500) } }, overrideAccess: true })
  return totalDocs > 0
}
