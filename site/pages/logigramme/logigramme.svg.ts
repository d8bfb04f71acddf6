import type { APIRoute } from 'astro'

import { lireLogigrammePublie } from '../../../cms/globals/Logigramme/lecture'
import { schemaSvg } from '../../../domaine/logigramme/svg'
import { payload } from '../../lib/cms'

/** Le schéma seul, en fichier SVG autonome : à ouvrir et agrandir sur un petit écran. */
export const GET: APIRoute = async () => {
  const publie = await lireLogigrammePublie(await payload())
  const svg = publie
    ? schemaSvg(publie.graphe, { autonome: true, prefixe: 'logigramme' })
    : '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Logigramme non renseigné" width="400" height="40"><text x="10" y="25">Logigramme non renseigné</text></svg>'
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
