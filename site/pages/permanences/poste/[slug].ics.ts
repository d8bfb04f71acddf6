import type { APIRoute, GetStaticPaths } from 'astro'

import { calendrierIcs } from '../../../../domaine/permanences'
import { postes } from '../../../lib/cms'
import { permanencesPubliees } from '../../../lib/permanences'

/** Un flux ICS par poste d'intervenant social. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await postes()).map((p) => ({ params: { slug: p.slug }, props: { id: p.id, intitule: p.intitule } }))

export const GET: APIRoute = async ({ props }) => {
  const { occurrences, lieux } = await permanencesPubliees()
  const ics = calendrierIcs(
    occurrences.filter((o) => o.poste === props.id),
    { nom: `Permanences – ${props.intitule}`, description: `Permanences : ${props.intitule}.`, lieux },
  )
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
