import type { APIRoute } from 'astro'

import { lireLogigrammePublie } from '../../../cms/globals/Logigramme/lecture'
import { genererPdfIndisponible, genererPdfLogigramme } from '../../../domaine/logigramme/pdf'
import { payload } from '../../lib/cms'

/**
 * Logigramme A4 à imprimer, produit à chaque publication du portail depuis le
 * global « logigramme » : il porte sa date de génération.
 */
export const GET: APIRoute = async ({ site }) => {
  const publie = await lireLogigrammePublie(await payload())
  const date = new Date()
  const pdf = publie
    ? await genererPdfLogigramme(publie.graphe, { date, adresse: site ? new URL('/logigramme', site).href : undefined })
    : await genererPdfIndisponible(date)
  return new Response(pdf, { headers: { 'Content-Type': 'application/pdf' } })
}
