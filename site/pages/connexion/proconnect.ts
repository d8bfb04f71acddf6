export const prerender = false

import type { APIRoute } from 'astro'

import { configuration } from '../../../socle/configuration'
import { debuterConnexion, ErreurProConnect } from '../../../socle/proconnect'
import { adresseRetour, destinationSure, poserEtat } from '../../lib/proconnect'

/**
 * « S'identifier avec ProConnect » : redirige vers le fournisseur avec state,
 * nonce et PKCE neufs, gardés dans un cookie HttpOnly chiffré de dix minutes.
 * Sans ProConnect configuré, la route n'existe pas.
 */
export const GET: APIRoute = async ({ url, cookies }) => {
  const config = configuration()
  if (!config.proconnect) return new Response('Page introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  try {
    const { url: autorisation, etat } = await debuterConnexion(config.proconnect, adresseRetour(config, url))
    poserEtat(cookies, config, { ...etat, destination: destinationSure(url.searchParams.get('retour')) })
    return new Response(null, { status: 303, headers: { Location: autorisation.href, 'Cache-Control': 'no-store' } })
  } catch (erreur) {
    if (erreur instanceof ErreurProConnect) return new Response(null, { status: 303, headers: { Location: '/connexion?proconnect=indisponible', 'Cache-Control': 'no-store' } })
    throw erreur
  }
}
