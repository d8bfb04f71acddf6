/**
 * PROVISOIRE : remplacé à la fusion par la version de la branche main (socle
 * de sessions, écrit en parallèle). Mêmes noms et formes, pour que les pages
 * du second facteur et de « mon compte » compilent. Sur cette branche, personne
 * n'est connecté : ces pages renvoient vers /connexion.
 */
import type { AstroGlobal } from 'astro'

import type { Utilisateur } from '../../cms/payload-types'

export type SessionOuverte = { id: number | string; secondFacteur: boolean }
export type Connexion = { utilisateur: Utilisateur; session: SessionOuverte }

export async function lireSession(_astro: AstroGlobal): Promise<Connexion | null> {
  return null
}

/** La connexion, ou la redirection vers /connexion (à renvoyer telle quelle par la page). */
export async function exigerConnexion(astro: AstroGlobal, _options: { secondFacteur?: false } = {}): Promise<Connexion | Response> {
  const connexion = await lireSession(astro)
  if (connexion) return connexion
  return astro.redirect(`/connexion?retour=${encodeURIComponent(astro.url.pathname)}`, 303)
}

export function jetonCsrf(_astro: AstroGlobal): string {
  return ''
}

export async function verifierCsrf(_astro: AstroGlobal, _donnees: FormData): Promise<boolean> {
  return false
}
