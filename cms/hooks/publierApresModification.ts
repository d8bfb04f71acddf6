import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { demanderPublication } from '../../socle/publication/demande'

/**
 * Toute modification d'un contenu affiché sur le portail statique demande une
 * publication (reconstruction différée du site). Le seed passe
 * `context.sansPublication` pour ne pas en déclencher des centaines.
 */
export const publierApresModification: CollectionAfterChangeHook = ({ collection, context, doc }) => {
  if (!context.sansPublication) demanderPublication(`modification dans « ${collection.labels.plural} »`)
  return doc
}

export const publierApresSuppression: CollectionAfterDeleteHook = ({ collection, context, doc }) => {
  if (!context.sansPublication) demanderPublication(`suppression dans « ${collection.labels.plural} »`)
  return doc
}

export const hooksDePublication = {
  afterChange: [publierApresModification],
  afterDelete: [publierApresSuppression],
}
