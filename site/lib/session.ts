/**
 * PROVISOIRE : remplacé à la fusion par le socle de sessions de la session
 * principale (mêmes noms : lireSession, exigerConnexion, jetonCsrf,
 * verifierCsrf). Ici, la session est celle de Payload (cookie payload-token,
 * lu par payload.auth), et le jeton CSRF une signature HMAC de ce cookie avec
 * le secret du serveur : propre à la session, invérifiable sans le secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import type { AstroGlobal } from 'astro'

import type { Utilisateur } from '../../cms/payload-types'
import { configuration } from '../../socle/configuration'
import { payload } from './cms'

export type SessionOuverte = { utilisateur: Utilisateur; session: { id: string } }

const COOKIE = 'payload-token'

export async function lireSession(Astro: AstroGlobal): Promise<SessionOuverte | null> {
  const jeton = Astro.cookies.get(COOKIE)?.value
  if (!jeton) return null
  const { user } = await (await payload()).auth({ headers: Astro.request.headers })
  if (!user || user.collection !== 'utilisateurs' || user.suspendu) return null
  return { utilisateur: user as Utilisateur, session: { id: jeton } }
}

/** La session, ou la redirection vers /connexion (à renvoyer telle quelle par la page). */
export async function exigerConnexion(Astro: AstroGlobal): Promise<SessionOuverte | Response> {
  const session = await lireSession(Astro)
  if (session) return session
  return Astro.redirect(`/connexion?retour=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`, 303)
}

const signature = (jeton: string) => createHmac('sha256', configuration().secret).update(`csrf:${jeton}`).digest('base64url')

/** À mettre dans un <input type="hidden" name="csrf"> de chaque formulaire POST. */
export function jetonCsrf(Astro: AstroGlobal): string {
  const jeton = Astro.cookies.get(COOKIE)?.value
  return jeton ? signature(jeton) : ''
}

export function verifierCsrf(Astro: AstroGlobal, donnees: FormData): boolean {
  const jeton = Astro.cookies.get(COOKIE)?.value
  const recu = donnees.get('csrf')
  if (!jeton || typeof recu !== 'string' || recu === '') return false
  const attendu = Buffer.from(signature(jeton))
  const obtenu = Buffer.from(recu)
  return attendu.length === obtenu.length && timingSafeEqual(attendu, obtenu)
}
