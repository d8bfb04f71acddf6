import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { LimiteurConnexion, messageAttente } from '../../../../domaine/acces/limitation-connexion'
import { ENTETE_ADRESSE_CLIENT } from '../../../../socle/adresseClient'

/**
 * Connexion limitée par couple (compte, adresse) et par adresse, au lieu du
 * verrouillage de compte de Payload (que n'importe qui pouvait déclencher sur
 * l'opérateur, et dont le message révélait que le compte existe).
 * Un seul limiteur par processus, même si le module est chargé deux fois
 * (admin Next et serveur ont chacun leur copie du code).
 */
const CLE = Symbol.for('passerelle.limiteurConnexion')
const global = globalThis as typeof globalThis & { [CLE]?: LimiteurConnexion }
export const limiteurConnexion = () => (global[CLE] ??= new LimiteurConnexion())

// Sans l'en-tête posé par le serveur HTTP, c'est l'API locale (scripts, tests) : une seule « adresse ».
const adresse = (req: PayloadRequest) => req.headers?.get(ENTETE_ADRESSE_CLIENT) ?? 'locale'
const compte = (data: unknown) => {
  const { email } = (data ?? {}) as { email?: unknown }
  return typeof email === 'string' ? email : ''
}

export const limiterConnexion: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const verdict = limiteurConnexion().essayer(compte('data' in args ? args.data : undefined), adresse(req))
  if (!verdict.autorise) throw new APIError(messageAttente(verdict.attendreMs), 429, undefined, true)
  return args
}

export const connexionReussie: CollectionAfterLoginHook = ({ req, user }) => {
  limiteurConnexion().reussite(String(user.email), adresse(req))
}
