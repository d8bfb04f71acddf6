import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { changementsDeCompte, cible } from '../../../../domaine/journal/evenements'
import { journaliser } from '../../../journalAudit'

/** Ce qui arrive aux comptes va au journal d'audit : identifiants seulement, jamais d'adresse électronique ni de mot de passe. */
export const journaliserChangement: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  for (const action of changementsDeCompte(operation === 'create' ? undefined : previousDoc, doc))
    await journaliser(req.payload, { action, acteur: req.user?.id ?? null, cible: cible('utilisateurs', doc.id) }, req)
  return doc
}

export const journaliserSuppression: CollectionAfterDeleteHook = async ({ id, req }) => {
  await journaliser(req.payload, { action: 'compte-supprime', acteur: req.user?.id ?? null, cible: cible('utilisateurs', id) }, req)
}
