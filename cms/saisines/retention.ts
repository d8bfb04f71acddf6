import type { Payload } from 'payload'

import { cible } from '../../domaine/journal/evenements'
import { aEffacer, clotureeAvant, limiteConservation, DUREE_BROUILLON_JOURS, STATUTS_CLOS, type ResultatRetention } from '../../domaine/saisines'
import { journaliser } from '../journalAudit'
import type { Saisine } from '../payload-types'
import { purgerEnAttente } from './enAttente'

/**
 * La conservation, appliquée (règle : domaine/saisines/retention.ts). Pour
 * chaque saisine clôturée depuis la durée de conservation : identités, clés
 * pseudonymes et textes effacés, sur la saisine et son suivi ; les champs
 * statistiques restent. Brouillons et saisies en attente échus supprimés.
 * Chaque saisine est traitée seule (une interruption laisse les autres
 * intactes et la relance reprend où elle en était) et journalisée.
 */
export async function appliquerConservation(
  payload: Payload,
  { mois, simulation = false, maintenant = new Date() }: { mois: number; simulation?: boolean; maintenant?: Date },
): Promise<ResultatRetention> {
  const avant = clotureeAvant(maintenant, mois)
  const { docs } = await payload.find({
    collection: 'saisines',
    where: { and: [{ statut: { in: [...STATUTS_CLOS] } }, { clotureeLe: { less_than: avant.toISOString() } }, { donneesEffaceesLe: { exists: false } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { statut: true, clotureeLe: true, donneesEffaceesLe: true, personnes: true },
  })
  const echues = (docs as Saisine[]).filter((s) => aEffacer(s, maintenant, mois))
  const brouillonsLimite = new Date(maintenant.getTime() - DUREE_BROUILLON_JOURS * 86_400_000).toISOString()
  const brouillons = await payload.count({ collection: 'brouillons-saisines', where: { modifieLe: { less_than_equal: brouillonsLimite } }, overrideAccess: true })
  if (!simulation) {
    for (const s of echues) await effacerDonneesPersonnelles(payload, s, maintenant)
    await payload.delete({ collection: 'brouillons-saisines', where: { modifieLe: { less_than_equal: brouillonsLimite } }, overrideAccess: true })
    await purgerEnAttente(payload, maintenant)
  }
  return { limite: limiteConservation(maintenant, mois), saisines: echues.length, brouillons: brouillons.totalDocs, simulation }
}

async function effacerDonneesPersonnelles(payload: Payload, s: Saisine, maintenant: Date) {
  const parSaisine = { saisine: { equals: s.id } }
  const commun = { overrideAccess: true, depth: 0 } as const
  await payload.update({ collection: 'actes', where: parSaisine, data: { texte: null }, ...commun })
  await payload.update({ collection: 'orientations', where: parSaisine, data: { commentaire: null }, ...commun })
  await payload.update({ collection: 'signalements-judiciaires', where: parSaisine, data: { texte: null, precision: null }, ...commun })
  // La saisine en dernier : tant qu'elle n'est pas marquée effacée, une relance refait tout.
  await payload.update({
    collection: 'saisines',
    id: s.id,
    data: {
      ditALaPersonne: null,
      texteLibre: null,
      personnes: (s.personnes ?? []).map((p) => ({ ...p, identite: null, clePersonne: null })),
      // L'empreinte d'une ligne de la synthèse du GGD est calculée sur l'identité : effacée avec elle.
      empreinteSynthese: null,
      donneesEffaceesLe: maintenant.toISOString(),
    },
    ...commun,
  })
  await journaliser(payload, { action: 'donnees-saisine-effacees', acteur: null, cible: cible('saisines', s.id) })
}
