import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * Un compte qui a agi (il figure comme acteur au journal) n'est jamais
 * supprimé : on le suspend. Le journal, puis les saisines, le désignent ; le
 * supprimer rendrait ces traces muettes. Un compte jamais utilisé (créé par
 * erreur) peut l'être.
 */
export const supprimeSeulementInutilise: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'journal', where: { acteur: { equals: Number(id) } }, overrideAccess: true, req })
  if (totalDocs > 0)
    throw new APIError('Ce compte a déjà servi : il ne peut pas être supprimé (le journal et les dossiers le désignent). Suspendez-le.', 403, undefined, true)
}
