import type { Configuration } from '../../socle/configuration'
import { randomBytes } from 'node:crypto'

import { retourSur } from '../../domaine/acces/sessions'
import { ErreurProConnect, ouvrirEtat, scellerEtat, urlDeconnexion, type EtatConnexion } from '../../socle/proconnect'

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

/** Une destination après connexion, seulement un chemin du portail (règle unique : domaine/acces/sessions.ts). */
export const destinationSure = (valeur: string | null | undefined): string | undefined => retourSur(valeur, '') || undefined

/** Un cookie HttpOnly, SameSite=Lax (le retour est une navigation venue du site de ProConnect), Secure en production. */
function cookie(nom: string, valeur: string, { chemin, secondes, secure }: { chemin: string; secondes: number; secure: boolean }): string {
  return `${nom}=${valeur}; Path=${chemin}; Max-Age=${secondes}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** La valeur d'un cookie de la requête (les nôtres sont en base64url : rien à décoder). */
export function lireCookie(request: Request, nom: string): string | undefined {
  for (const morceau of (request.headers.get('cookie') ?? '').split(';')) {
    const i = morceau.indexOf('=')
    if (i > 0 && morceau.slice(0, i).trim() === nom) return morceau.slice(i + 1).trim()
  }
  return undefined
}

/** Set-Cookie de l'état, le temps de l'aller-retour chez ProConnect. */
export const cookieEtat = (config: Pick<Configuration, 'cookiesSecurises' | 'secret'>, etat: EtatPortail) =>
  cookie(COOKIE_ETAT, scellerEtat(etat, config.secret), {
    chemin: CHEMIN_ETAT,
    secondes: Math.max(1, Math.round((etat.expire - Date.now()) / 1000)),
    secure: config.cookiesSecurises,
  })

/** L'état de la requête (il ne sert qu'une fois : `effacerEtat` l'accompagne toujours). */
export const lireEtat = (request: Request, config: Pick<Configuration, 'secret'>) => ouvrirEtat<EtatPortail>(lireCookie(request, COOKIE_ETAT), config.secret)
export const effacerEtat = (config: Pick<Configuration, 'cookiesSecurises'>) => cookie(COOKIE_ETAT, '', { chemin: CHEMIN_ETAT, secondes: 0, secure: config.cookiesSecurises })

export const cookieDeconnexion = (config: Pick<Configuration, 'cookiesSecurises' | 'secret'>, idToken: string) =>
  cookie(COOKIE_DECONNEXION, scellerEtat({ idToken, expire: Date.now() + DUREE_DECONNEXION_SECONDES * 1000 }, config.secret), {
    chemin: '/',
    secondes: DUREE_DECONNEXION_SECONDES,
    secure: config.cookiesSecurises,
  })

/** Pour /deconnexion : l'ID token à présenter à ProConnect (`urlDeconnexion` de socle/proconnect.ts), s'il y en a un. */
export const lireJetonDeconnexion = (request: Request, config: Pick<Configuration, 'secret'>) =>
  ouvrirEtat<{ idToken: string; expire: number }>(lireCookie(request, COOKIE_DECONNEXION), config.secret)?.idToken
export const effacerJetonDeconnexion = (config: Pick<Configuration, 'cookiesSecurises'>) => cookie(COOKIE_DECONNEXION, '', { chemin: '/', secondes: 0, secure: config.cookiesSecurises })

// ---------------------------------------------------------------------------
// Déconnexion chez ProConnect (exigée par ProConnect : la session du fournisseur
// et celle de l'administration d'origine se ferment aussi)

/** Cookie du state de déconnexion, vérifié au retour de ProConnect. */
const COOKIE_SORTIE = 'passerelle_proconnect_sortie'
export const CHEMIN_FIN_DECONNEXION = '/deconnexion/proconnect'

/** L'adresse où ProConnect renvoie après la déconnexion, à déclarer à ProConnect (post_logout_redirect_uri). */
export const adresseFinDeconnexion = (config: Pick<Configuration, 'urlPublique'>, url: URL) => new URL(CHEMIN_FIN_DECONNEXION, config.urlPublique ?? url.origin).href

/**
 * Pour /deconnexion, APRÈS la révocation de la session du portail : si la
 * session venait de ProConnect, la redirection (303) vers sa page de
 * déconnexion, avec les cookies à poser. `undefined` sinon, ou si ProConnect ne
 * répond pas (la déconnexion du portail reste faite).
 */
export async function sortieProConnect(
  request: Request,
  config: Pick<Configuration, 'proconnect' | 'urlPublique' | 'cookiesSecurises' | 'secret'>,
): Promise<{ location: string; cookies: string[] } | undefined> {
  const idToken = lireJetonDeconnexion(request, config)
  if (!config.proconnect || !idToken) return undefined
  const state = randomBytes(32).toString('base64url')
  try {
    const sortie = await urlDeconnexion(config.proconnect, { idToken, urlApres: adresseFinDeconnexion(config, new URL(request.url)), state })
    if (!sortie) return undefined
    const expire = Date.now() + 10 * 60 * 1000
    return {
      location: sortie.url.href,
      cookies: [
        effacerJetonDeconnexion(config),
        cookie(COOKIE_SORTIE, scellerEtat({ state, expire }, config.secret), { chemin: CHEMIN_FIN_DECONNEXION, secondes: 600, secure: config.cookiesSecurises }),
      ],
    }
  } catch (erreur) {
    if (erreur instanceof ErreurProConnect) return undefined
    throw erreur
  }
}

/** Au retour de ProConnect après la déconnexion : le state est-il celui de cette déconnexion ? Et le cookie à effacer. */
export function finDeSortie(request: Request, config: Pick<Configuration, 'secret' | 'cookiesSecurises'>): { valide: boolean; cookie: string } {
  const attendu = ouvrirEtat<{ state: string; expire: number }>(lireCookie(request, COOKIE_SORTIE), config.secret)?.state
  const recu = new URL(request.url).searchParams.get('state')
  return { valide: Boolean(attendu) && attendu === recu, cookie: cookie(COOKIE_SORTIE, '', { chemin: CHEMIN_FIN_DECONNEXION, secondes: 0, secure: config.cookiesSecurises }) }
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

/** Message d'information (et non d'erreur) : la déconnexion chez ProConnect est confirmée. */
export const DECONNEXION_CONFIRMEE = 'deconnecte'
export const MESSAGE_DECONNEXION = 'Vous êtes déconnecté de Passerelle et de ProConnect.'

export const messageProConnect = (cle: string | null): string | undefined =>
  cle && Object.hasOwn(MESSAGES_PROCONNECT, cle) ? MESSAGES_PROCONNECT[cle as MessageProConnect] : undefined
