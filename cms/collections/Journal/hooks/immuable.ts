import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'

/** Le journal s'écrit en ajout seul : une modification est refusée, même avec overrideAccess. */
export const refuserModification: CollectionBeforeChangeHook = ({ operation, data }) => {
  if (operation !== 'create') throw new APIError('Le journal d’audit ne se modifie pas.', 403)
  return data
}

export const refuserSuppression: CollectionBeforeDeleteHook = () => {
  throw new APIError('Le journal d’audit ne s’efface pas.', 403)
}
