import type { APIRoute, GetStaticPaths } from 'astro'

import { calendrierIcs } from '../../../../domaine/permanences'
import { sites } from '../../../lib/cms'
import { permanencesPubliees } from '../../../lib/permanences'

/** Un flux ICS par lieu de permanence. */
export const getStaticPaths: GetStaticPaths = async () => {
  const { occurrences } = await permanencesPubliees()
  const avecPermanence = new Set(occurrences.map((o) => o.site))
  return (await sites()).filter((s) => avecPermanence.has(s.id)).map((s) => ({ params: { slug: s.slug }, props: { id: s.id, nom: s.nom } }))
}

export const GET: APIRoute = async ({ props }) => {
  const { occurrences, lieux } = await permanencesPubliees()
  const ics = calendrierIcs(
    occurrences.filter((o) => o.site === props.id),
    { nom: `Permanences – ${props.nom}`, description: `Permanences de l’intervenant social : ${props.nom}.`, lieux },
  )
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
