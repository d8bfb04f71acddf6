import { createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { champsDuFormulaire, type ChampsBrouillon } from '../../domaine/saisines'
import { creerChiffreur } from '../../socle/chiffrement'

/**
 * Saisies arrivées avec une session expirée (collection SaisiesEnAttente) :
 * chiffrées avec une clé que seul le navigateur détient (le jeton du cookie),
 * reprises dans le brouillon du compte après reconnexion.
 */

export const DUREE_ATTENTE_MS = 15 * 60_000
const CONTEXTE = 'saisies-en-attente:champs'
const empreinte = (jeton: string) => createHash('sha256').update(jeton).digest('hex')
const chiffreur = (jeton: string) => creerChiffreur(Buffer.from(jeton, 'base64url'))

/** Garde la saisie ; rend le jeton à poser dans le cookie du navigateur (jamais dans une URL). */
export async function mettreEnAttente(payload: Payload, champs: ChampsBrouillon, maintenant = new Date()): Promise<string> {
  const jeton = randomBytes(32).toString('base64url')
  await payload.create({
    collection: 'saisies-en-attente',
    data: {
      empreinte: empreinte(jeton),
      champs: chiffreur(jeton).chiffrer(JSON.stringify(champsDuFormulaire(Object.entries(champs))), CONTEXTE),
      expireLe: new Date(maintenant.getTime() + DUREE_ATTENTE_MS).toISOString(),
    },
    overrideAccess: true,
    depth: 0,
  })
  return jeton
}

/** Reprend (et efface) la saisie de ce jeton ; rien s'il est inconnu, expiré ou illisible. */
export async function reprendreEnAttente(payload: Payload, jeton: string | undefined, maintenant = new Date()): Promise<ChampsBrouillon | undefined> {
  if (!jeton || !/^[A-Za-z0-9_-]{43}$/.test(jeton)) return undefined
  const { docs } = await payload.find({ collection: 'saisies-en-attente', where: { empreinte: { equals: empreinte(jeton) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  const doc = docs[0]
  if (!doc) return undefined
  await payload.delete({ collection: 'saisies-en-attente', id: doc.id, overrideAccess: true })
  if (Date.parse(doc.expireLe) <= maintenant.getTime()) return undefined
  try {
    return champsDuFormulaire(Object.entries(JSON.parse(chiffreur(jeton).dechiffrer(doc.champs, CONTEXTE)) as Record<string, unknown>))
  } catch {
    return undefined
  }
}

/** Efface les saisies en attente échues (tâche quotidienne de conservation). */
export async function purgerEnAttente(payload: Payload, maintenant = new Date()): Promise<number> {
  const { docs } = await payload.delete({ collection: 'saisies-en-attente', where: { expireLe: { less_than_equal: maintenant.toISOString() } }, overrideAccess: true })
  return docs.length
}
