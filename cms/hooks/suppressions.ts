import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug } from 'payload'

/**
 * Une relation obligatoire (permanence → poste, service → structure) interdit
 * de supprimer sa cible tant qu'elle est utilisée. Sans ce contrôle, la base
 * répondrait par une erreur de contrainte illisible pour l'opérateur.
 */
export const refuserSiUtilise =
  (collection: CollectionSlug, champ: string, message: (n: number) => string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({ collection, where: { [champ]: { equals: id } }, req, overrideAccess: true })
    if (totalDocs > 0) throw new APIError(message(totalDocs), 409, undefined, true)
  }

/** Supprimer une structure supprime ses services et les signalements qui la visent : ils n'ont pas de sens seuls. */
export const supprimerAvec =
  (dependances: { collection: CollectionSlug; champ: string }[]): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    for (const { collection, champ } of dependances)
      await req.payload.delete({ collection, where: { [champ]: { equals: id } }, req, overrideAccess: true, context: { sansPublication: true } })
  }
