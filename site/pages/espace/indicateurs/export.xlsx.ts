import type { APIRoute } from 'astro'

import { nomFichierRapport, rapportXlsx } from '../../../../domaine/indicateurs/exports'
import { enTetesFichier, rapportDemande } from '../../../lib/indicateurs'

export const prerender = false

/** Les indicateurs de la période en XLSX : une feuille par indicateur, « Définitions » et « Période ». */
export const GET: APIRoute = async (Astro) => {
  const r = await rapportDemande(Astro)
  if (r instanceof Response) return r
  const octets = await rapportXlsx(r.rapport)
  return new Response(new Uint8Array(octets), {
    headers: enTetesFichier('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', nomFichierRapport(r.rapport, 'xlsx')),
  })
}
