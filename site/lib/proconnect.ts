import type { AstroCookies } from 'astro'

import type { Configuration } from '../../socle/configuration'
import { ouvrirEtat, scellerEtat, type EtatConnexion } from '../../socle/proconnect'

/**
 * Ce que les routes ProConnect du portail partagent : noms et réglages des
 * cookies, adresse de retour déclarée à ProConnect, messages affichés sur
 * /connexion (paramètre `proconnect=…`, jamais de donnée personnelle dans l'URL).
 */

/** Cookie d'état, le temps de l'aller-retour chez ProConnect ; limité aux routes ProConnect. */
export const COOKIE_ETAT = 'passerelle_proconnect_etat'
export const CHEMIN_ETAT = '/connexion/proconnect'

/** Cookie qui garde l'ID token (chiffré) pour la déconnexion chez ProConnect (`id_token_hint`). */
export const COOKIE_DECONNEXION = 'passerelle_proconnect'
/** La session ProConnect dure 12 heures (documentation ProConnect, implementation_technique.md). */
const DUREE_DECONNEXION_SECONDES = 12 * 60 * 60

export type EtatPortail = EtatConnexion & { destination?: string }

/** L'adresse de retour, exactement celle déclarée à ProConnect : l'URL publique quand elle est connue (derrière le proxy). */
export const adresseRetour = (config: Pick<Configuration, 'urlPublique'>, url: URL) =>
  new URL('/connexion/proconnect/retour', config.urlPublique ?? url.origin).href

/** Une destination après connexion, seulement un chemin du portail (jamais un autre site : pas de redirection ouverte). */
export function destinationSure(valeur: string | null | undefined): string | undefined {
  if (!valeur || !valeur.startsWith('/') || valeur.startsWith('//') || valeur.includes('\\')) return undefined
  return valeur
}

const reglages = (config: Pick<Configuration, 'cookiesSecurises'>) => ({ httpOnly: true, secure: config.cookiesSecurises, sameSite: 'lax' as const })

export function poserEtat(cookies: AstroCookies, config: Pick<Configuration, 'cookiesSecurises' | 'secret'>, etat: EtatPortail) {
  // SameSite=Lax et non Strict : le retour est une navigation venue du site de ProConnect.
  cookies.set(COOKIE_ETAT, scellerEtat(etat, config.secret), { ...reglages(config), path: CHEMIN_ETAT, maxAge: Math.max(1, Math.round((etat.expire - Date.now()) / 1000)) })
}

/** Lit et efface l'état : il ne sert qu'une fois. */
export function retirerEtat(cookies: AstroCookies, config: Pick<Configuration, 'secret'>): EtatPortail | undefined {
  const etat = ouvrirEtat<EtatPortail>(cookies.get(COOKIE_ETAT)?.value, config.secret)
  cookies.delete(COOKIE_ETAT, { path: CHEMIN_ETAT })
  return etat
}

export function poserJetonDeconnexion(cookies: AstroCookies, config: Pick<Configuration, 'cookiesSecurises' | 'secret'>, idToken: string) {
  const expire = Date.now() + DUREE_DECONNEXION_SECONDES * 1000
  cookies.set(COOKIE_DECONNEXION, scellerEtat({ idToken, expire }, config.secret), { ...reglages(config), path: '/', maxAge: DUREE_DECONNEXION_SECONDES })
}

/** Pour /deconnexion : l'ID token à présenter à ProConnect (`urlDeconnexion` de socle/proconnect.ts), s'il y en a un. */
export function retirerJetonDeconnexion(cookies: AstroCookies, config: Pick<Configuration, 'secret'>): string | undefined {
  const valeur = ouvrirEtat<{ idToken: string; expire: number }>(cookies.get(COOKIE_DECONNEXION)?.value, config.secret)
  cookies.delete(COOKIE_DECONNEXION, { path: '/' })
  return valeur?.idToken
}

/** Messages de /connexion après un retour de ProConnect (`/connexion?proconnect=<clé>`). */
export const MESSAGES_PROCONNECT = {
  // Même message que le compte manque ou soit suspendu : la réponse ne dit pas lequel.
  'sans-compte': 'Aucun compte Passerelle n’est ouvert pour cette adresse : demandez une invitation à votre intervenant social ou à l’opérateur.',
  annule: 'La connexion avec ProConnect a été annulée ou refusée par votre administration. Vous pouvez réessayer, ou vous connecter avec votre mot de passe.',
  expire: 'La connexion avec ProConnect a pris trop de temps ou a été interrompue : recommencez en cliquant sur « S’identifier avec ProConnect ».',
  echec: 'La réponse de ProConnect n’a pas pu être vérifiée : recommencez. Si le problème persiste, connectez-vous avec votre mot de passe.',
  indisponible: 'ProConnect ne répond pas pour le moment : réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.',
} as const

export type MessageProConnect = keyof typeof MESSAGES_PROCONNECT

export const messageProConnect = (cle: string | null): string | undefined =>
  cle && Object.hasOwn(MESSAGES_PROCONNECT, cle) ? MESSAGES_PROCONNECT[cle as MessageProConnect] : undefined
