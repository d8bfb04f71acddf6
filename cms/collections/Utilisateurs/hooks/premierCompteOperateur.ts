import type { CollectionBeforeChangeHook } from 'payload'

/** Le tout premier compte (écran de premier accès de /admin) est celui de l'opérateur. */
export const premierCompteOperateur: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'utilisateurs', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, role: 'operateur' }
  return data
}
