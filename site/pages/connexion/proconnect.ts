export const prerender = false

import type { APIRoute } from 'astro'

import { configuration } from '../../../socle/configuration'
import { debuterConnexion, ErreurProConnect } from '../../../socle/proconnect'
import { adresseRetour, cookieEtat, destinationSure } from '../../lib/proconnect'

/**
 * « S'identifier avec ProConnect » : redirige vers le fournisseur avec state,
 * nonce et PKCE neufs, gardés dans un cookie HttpOnly chiffré de dix minutes.
 * Sans ProConnect configuré, la route n'existe pas.
 */
export const GET: APIRoute = async ({ url }) => {
  const config = configuration()
  if (!config.proconnect) return new Response('Page introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  try {
    const { url: autorisation, etat } = await debuterConnexion(config.proconnect, adresseRetour(config, url))
    return new Response(null, {
      status: 303,
      headers: {
        Location: autorisation.href,
        'Cache-Control': 'no-store',
        'Set-Cookie': cookieEtat(config, { ...etat, destination: destinationSure(url.searchParams.get('retour')) }),
      },
    })
  } catch (erreur) {
    if (erreur instanceof ErreurProConnect) return new Response(null, { status: 303, headers: { Location: '/connexion?proconnect=indisponible', 'Cache-Control': 'no-store' } })
    throw erreur
  }
}
