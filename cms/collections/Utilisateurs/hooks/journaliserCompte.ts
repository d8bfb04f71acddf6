import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterErrorHook, CollectionAfterLoginHook, CollectionAfterLogoutHook } from 'payload'

import { changementsDeCompte, cible } from '../../../../domaine/journal/evenements'
import { journaliser } from '../../../journalAudit'

/** Ce qui arrive aux comptes va au journal d'audit : identifiants seulement, jamais d'adresse électronique ni de mot de passe. */
export const journaliserConnexion: CollectionAfterLoginHook = async ({ req, user }) => {
  await journaliser(req.payload, { action: 'connexion', acteur: user.id, cible: cible('utilisateurs', user.id) }, req)
}

export const journaliserDeconnexion: CollectionAfterLogoutHook = async ({ req }) => {
  if (req.user) await journaliser(req.payload, { action: 'deconnexion', acteur: req.user.id, cible: cible('utilisateurs', req.user.id) }, req)
}

export const journaliserChangement: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  for (const action of changementsDeCompte(operation === 'create' ? undefined : previousDoc, doc))
    await journaliser(req.payload, { action, acteur: req.user?.id ?? null, cible: cible('utilisateurs', doc.id) }, req)
  return doc
}

export const journaliserSuppression: CollectionAfterDeleteHook = async ({ id, req }) => {
  await journaliser(req.payload, { action: 'compte-supprime', acteur: req.user?.id ?? null, cible: cible('utilisateurs', id) }, req)
}

/** Une connexion refusée par l'API (mauvais identifiants, compte verrouillé) : on ne garde ni l'adresse saisie ni le compte visé. */
export const journaliserConnexionRefusee: CollectionAfterErrorHook = async ({ error, req }) => {
  if (req && ['AuthenticationError', 'LockedAuth', 'UnverifiedEmail'].includes(error.name))
    await journaliser(req.payload, { action: 'connexion-refusee' }, req).catch(() => undefined)
}
