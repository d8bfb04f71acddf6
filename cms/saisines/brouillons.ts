import type { Payload, PayloadRequest } from 'payload'

import { brouillonRepris, enregistrerBrouillon, type Brouillon, type ChampsBrouillon } from '../../domaine/saisines'
import { chiffrerChamp, dechiffrerChamp } from './chiffrement'

/**
 * Les brouillons de saisine en base (un par auteur, chiffré). La règle
 * (propriété, expiration, plafonds) est dans domaine/saisines/brouillon.ts.
 */

const COLLECTION = 'brouillons-saisines'
const jetonDe = (auteur: number) => `auteur-${auteur}`

async function enregistrement(payload: Payload, auteur: number) {
  const { docs } = await payload.find({ collection: COLLECTION, where: { auteur: { equals: auteur } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  return docs[0]
}

export async function lireBrouillon(payload: Payload, auteur: number, maintenant = new Date()): Promise<Brouillon | undefined> {
  const doc = await enregistrement(payload, auteur)
  if (!doc) return undefined
  let champs: ChampsBrouillon
  try {
    champs = JSON.parse(dechiffrerChamp(COLLECTION, jetonDe(auteur), 'champs', doc.champs) ?? '{}') as ChampsBrouillon
  } catch {
    // Un brouillon illisible (clé retirée) ne bloque pas la saisie : on repart d'un formulaire vide.
    return undefined
  }
  return brouillonRepris({ auteur, champs, creeLe: doc.creeLe, modifieLe: doc.modifieLe }, auteur, maintenant)
}

export async function garderBrouillon(payload: Payload, auteur: number, champs: ChampsBrouillon, maintenant = new Date()): Promise<void> {
  const doc = await enregistrement(payload, auteur)
  const precedent = doc ? { auteur, champs: {}, creeLe: doc.creeLe, modifieLe: doc.modifieLe } : undefined
  const b = enregistrerBrouillon(precedent, auteur, champs, maintenant)
  const data = { auteur, champs: chiffrerChamp(COLLECTION, jetonDe(auteur), 'champs', JSON.stringify(b.champs)) ?? '', creeLe: b.creeLe, modifieLe: b.modifieLe }
  if (doc) await payload.update({ collection: COLLECTION, id: doc.id, data, overrideAccess: true, depth: 0 })
  else
    try {
      await payload.create({ collection: COLLECTION, data, overrideAccess: true, depth: 0 })
    } catch (e) {
      // Deux envois simultanés du même auteur (double clic, deux onglets) : un brouillon par auteur
      // (index unique), le premier l'a créé, le second le met à jour. SQLite sérialise ces écritures ;
      // PostgreSQL les laisse se croiser (trouvé par tests/e2e/entrees-mauvaises-postgres.test.ts).
      const cree = await enregistrement(payload, auteur)
      if (!cree) throw e
      await payload.update({ collection: COLLECTION, id: cree.id, data, overrideAccess: true, depth: 0 })
    }
}

/**
 * Après chaque dépôt, dans sa transaction quand il y en a une : une seule
 * requête DELETE par l'adaptateur de base. La collection n'a ni hook ni
 * version ni fichier, et l'API locale relirait puis supprimerait ligne à ligne
 * (et nettoierait les préférences de l'admin) pour un brouillon qui, le plus
 * souvent, n'existe pas.
 */
export async function supprimerBrouillon(payload: Payload, auteur: number, req?: PayloadRequest): Promise<void> {
  await payload.db.deleteMany({ collection: COLLECTION, where: { auteur: { equals: auteur } }, req })
}
