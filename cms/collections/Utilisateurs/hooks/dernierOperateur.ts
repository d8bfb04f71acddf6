import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'

/**
 * Le portail garde toujours au moins un opérateur : sans lui, plus personne
 * n'administre les comptes, et l'écran de premier accès ne doit jamais rouvrir.
 * Le compte se fait dans la transaction de l'opération : une suppression en
 * masse qui emporterait tous les opérateurs s'arrête au dernier.
 */
const autresOperateurs = async (req: PayloadRequest, slug: string, id: number | string) =>
  (
    await req.payload.count({
      collection: slug as 'utilisateurs',
      where: { and: [{ role: { equals: 'operateur' } }, { id: { not_equals: id } }] },
      overrideAccess: true,
      req,
    })
  ).totalDocs

export const dernierOperateurNonRetrograde: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.role !== 'operateur' || data.role === undefined || data.role === 'operateur') return data
  if ((await autresOperateurs(req, collection.slug, originalDoc.id)) === 0) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'role', message: "Rôle : c'est le dernier compte opérateur ; donnez d'abord ce rôle à un autre compte." }],
        req,
      },
      req.t,
    )
  }
  return data
}

export const dernierOperateurNonSupprime: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const compte = await req.payload.findByID({ collection: collection.slug as 'utilisateurs', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (compte?.role !== 'operateur') return
  if ((await autresOperateurs(req, collection.slug, id)) === 0) {
    throw new APIError("Ce compte est le dernier opérateur : il ne peut pas être supprimé. Donnez d'abord ce rôle à un autre compte.", 403, undefined, true)
  }
}
