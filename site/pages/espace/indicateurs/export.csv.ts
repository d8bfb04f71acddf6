import type { APIRoute } from 'astro'

import { nomFichierRapport, rapportCsv } from '../../../../domaine/indicateurs/exports'
import { enTetesFichier, rapportDemande } from '../../../lib/indicateurs'

export const prerender = false

/** Les indicateurs de la période en CSV (« ; », BOM), mêmes droits et mêmes paramètres que la page. */
export const GET: APIRoute = async (Astro) => {
  const r = await rapportDemande(Astro)
  if (r instanceof Response) return r
  return new Response(rapportCsv(r.rapport), { headers: enTetesFichier('text/csv; charset=utf-8', nomFichierRapport(r.rapport, 'csv')) })
}
