import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { email } from 'payload/shared'

import { configuration } from '../../../../socle/configuration'
import { consommerCodeInstallation } from '../../../../socle/codeInstallation'

const MESSAGES = {
  incorrect: "Code d'installation : ce code ne correspond pas à celui affiché dans la console du serveur au démarrage.",
  aucun:
    "Code d'installation : aucun code n'est en cours (il a déjà servi) ; redémarrez le serveur pour en afficher un nouveau dans la console.",
  ferme: "Code d'installation : un compte existe déjà ; l'installation est close (les comptes suivants arrivent par invitation).",
} as const

/**
 * Le tout premier compte (page /installation) devient l'opérateur,
 * à condition de donner le code d'installation affiché dans la console : celui
 * qui atteint /admin le premier n'est pas forcément celui qui a installé le
 * portail. Le code est consommé ici, de façon atomique : de deux premiers
 * enregistrements simultanés, un seul passe.
 */
export const premierCompteOperateur: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: collection.slug, overrideAccess: true, req })
  const installation = data.codeInstallation !== undefined
  if (totalDocs > 0 && !installation) return data
  if (totalDocs > 0) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'codeInstallation', message: MESSAGES.ferme }], req }, req.t)

  // L'adresse est vérifiée avant de consommer le code : une faute de frappe ne doit pas le gâcher.
  const adresseValide = email(data.email, { collectionSlug: collection.slug, req, required: true, siblingData: data } as never)
  if (adresseValide !== true) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'email', message: String(adresseValide) }], req }, req.t)
  }
  const verdict = consommerCodeInstallation(configuration().dossierDonnees, data.codeInstallation)
  if (verdict !== 'accepte') {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'codeInstallation', message: MESSAGES[verdict] }], req }, req.t)
  }
  return { ...data, role: 'operateur' }
}
