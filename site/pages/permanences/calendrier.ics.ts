import type { APIRoute } from 'astro'

import { calendrierIcs } from '../../../domaine/permanences'
import { permanencesPubliees } from '../../lib/permanences'

/** Flux ICS de toutes les permanences du département, régénéré à chaque publication. */
export const GET: APIRoute = async () => {
  const { occurrences, lieux } = await permanencesPubliees()
  const ics = calendrierIcs(occurrences, {
    nom: 'Permanences des intervenants sociaux – Ain',
    description: 'Permanences des intervenants sociaux en commissariat et gendarmerie de l’Ain (exceptions et jours fériés appliqués).',
    lieux,
  })
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
