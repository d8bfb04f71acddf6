import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { documentsDepuisCms } from './documents'
import { moteurInstalle } from '../../search/partage'

/**
 * L'index suit le CMS : un service enregistré est cherchable dans la seconde,
 * un service supprimé disparaît. Un import ou un amorçage (context.import,
 * context.seed) n'indexe pas document par document : une transaction annulée
 * laisserait des fantômes ; le serveur réindexe tout à la fin (demande externe).
 */
const ignorer = (context: Record<string, unknown>) => Boolean(context.import || context.seed)

export const indexerService: CollectionAfterChangeHook = async ({ doc, context, req }) => {
  const moteur = moteurInstalle()
  if (!moteur || ignorer(context)) return doc
  await moteur.indexer(await documentsDepuisCms(req.payload, { services: [doc.id] }))
  return doc
}

export const retirerService: CollectionAfterDeleteHook = async ({ doc, context }) => {
  const moteur = moteurInstalle()
  if (!moteur || ignorer(context)) return doc
  await moteur.retirer([doc.id_source])
  return doc
}

/** Le nom, le type ou l'adresse d'une structure figurent dans les documents de tous ses services. */
export const reindexerStructure: CollectionAfterChangeHook = async ({ doc, context, req }) => {
  const moteur = moteurInstalle()
  if (!moteur || ignorer(context)) return doc
  await moteur.indexer(await documentsDepuisCms(req.payload, { structures: [doc.id] }))
  return doc
}
