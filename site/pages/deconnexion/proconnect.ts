export const prerender = false

import type { APIRoute } from 'astro'

import { configuration } from '../../../socle/configuration'
import { finDeSortie } from '../../lib/proconnect'

/**
 * Retour de ProConnect après la déconnexion (post_logout_redirect_uri) : la
 * session du portail est déjà révoquée par /deconnexion ; on vérifie le state
 * (documentation ProConnect, « Vérification du state ») puis on confirme la
 * déconnexion sur /connexion. Un state inconnu ne mène qu'à l'accueil.
 */
export const GET: APIRoute = async ({ request }) => {
  const config = configuration()
  if (!config.proconnect) return new Response('Page introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const { valide, cookie } = finDeSortie(request, config)
  return new Response(null, { status: 303, headers: { Location: valide ? '/connexion?proconnect=deconnecte' : '/', 'Cache-Control': 'no-store', 'Set-Cookie': cookie } })
}
