import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { verifierMotDePasse } from '../../../../domaine/acces/mots-de-passe'

/**
 * Applique la règle des mots de passe partout où Payload en pose un : création
 * (dont l'écran de premier accès), changement dans le compte, réinitialisation.
 */
export const motDePasseConforme: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const motDePasse = ('data' in args ? (args.data as { password?: unknown } | undefined) : undefined)?.password
  const pose = operation === 'create' || ((operation === 'update' || operation === 'resetPassword') && motDePasse !== undefined && motDePasse !== '')
  if (!pose) return args
  const verdict = verifierMotDePasse(motDePasse)
  if (!verdict.ok) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: verdict.message }], req }, req.t)
  return args
}
