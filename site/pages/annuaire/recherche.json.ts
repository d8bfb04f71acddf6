import type { APIRoute } from 'astro'

import { lireParametres, rechercher } from '../../lib/recherche'

export const prerender = false

/**
 * Recherche en JSON (q, commune, thematique, public, type, accueil, frais,
 * page) : paramètres validés par zod, 400 en français sur une entrée invalide.
 */
export const GET: APIRoute = async ({ url }) => {
  const lus = lireParametres(url)
  if (!lus.ok) return Response.json({ erreurs: lus.erreurs }, { status: 400 })
  const resultat = await rechercher(lus.valeur.requete)
  if (!resultat.ok) return Response.json({ erreurs: resultat.erreurs }, { status: resultat.indisponible ? 503 : 400 })
  return Response.json(resultat.reponse, { headers: { 'Cache-Control': 'no-store' } })
}
