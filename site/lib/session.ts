import { createHmac, timingSafeEqual } from 'node:crypto'

import type { AstroGlobal } from 'astro'

import { nomCookieSession } from '../../cms/auth/cookie'
import { validerJeton, type SessionValide } from '../../cms/auth/sessions'
import { retourSur } from '../../domaine/acces/sessions'
import { configuration } from '../../socle/configuration'
import { payload } from './cms'

/**
 * La session dans les pages à la demande du portail : chaque page de l'espace
 * connecté la lit sur le serveur (aucune autorisation par l'URL seule), puis
 * décide avec la politique (domaine/acces/politique.ts).
 */
export type Connecte = SessionValide

type Contexte = Pick<AstroGlobal, 'cookies' | 'redirect' | 'url' | 'request' | 'locals'>

/** La session de la requête, lue une fois (gardée dans `Astro.locals` pour le jeton CSRF). */
export async function lireSession(Astro: Contexte): Promise<Connecte | null> {
  if (Astro.locals.connecte !== undefined) return Astro.locals.connecte
  const s = await validerJeton(await payload(), Astro.cookies.get(nomCookieSession())?.value)
  Astro.locals.connecte = s
  return s
}

/** Le chemin courant, à retrouver après la connexion (jamais une autre origine). */
export const cheminCourant = (Astro: Pick<AstroGlobal, 'url'>) => retourSur(Astro.url.pathname + Astro.url.search)

/**
 * La session, ou la redirection vers la connexion (ou vers la vérification du
 * second facteur quand il reste à faire). Usage :
 * `const s = await exigerConnexion(Astro); if (s instanceof Response) return s`.
 */
export async function exigerConnexion(Astro: Contexte, o: { secondFacteur?: boolean } = {}): Promise<Connecte | Response> {
  const s = await lireSession(Astro)
  const retour = encodeURIComponent(cheminCourant(Astro))
  if (!s) return Astro.redirect(`/connexion?retour=${retour}`, 303)
  if ((o.secondFacteur ?? true) && !s.complete) return Astro.redirect(`/connexion/second-facteur?retour=${retour}`, 303)
  return s
}

/**
 * Jeton CSRF d'un formulaire : HMAC de l'empreinte de la session avec le
 * secret du serveur. Lié à la session, il ne se devine pas depuis une autre
 * origine ; le contrôle d'origine du serveur (serveur/proxy.ts) s'y ajoute.
 */
const calculer = (empreinte: string) => createHmac('sha256', configuration().secret).update(`csrf:${empreinte}`).digest('base64url')

type PorteSession = Pick<Connecte, 'empreinte'> | Pick<AstroGlobal, 'locals'>
const empreinteDe = (x: PorteSession) => ('empreinte' in x ? x.empreinte : x.locals.connecte?.empreinte)

/** Le jeton à mettre dans `<input type="hidden" name="csrf">` ; accepte la session ou `Astro` (après `lireSession`). */
export function jetonCsrf(x: PorteSession): string {
  const empreinte = empreinteDe(x)
  if (!empreinte) throw new Error('jetonCsrf : aucune session lue pour cette requête (appelez exigerConnexion d’abord).')
  return calculer(empreinte)
}

export function verifierCsrf(x: PorteSession, donnees: FormData): boolean {
  const empreinte = empreinteDe(x)
  if (!empreinte) return false
  const recu = Buffer.from(String(donnees.get('csrf') ?? ''))
  const attendu = Buffer.from(calculer(empreinte))
  return recu.length === attendu.length && timingSafeEqual(recu, attendu)
}
