import type { APIRoute } from 'astro'

import { nomFichierRapport } from '../../../../domaine/indicateurs/exports'
import { nettoyerNotes, rapportPdf } from '../../../../domaine/indicateurs/pdf'
import { enTetesFichier, rapportDemande, reponseTexte } from '../../../lib/indicateurs'
import { verifierCsrf } from '../../../lib/session'

export const prerender = false

/**
 * Le rapport PDF de la période (trimestriel, ou bilan mensuel de la
 * préfecture sur un mois). En GET, sans notes ; en POST depuis la page, avec
 * les notes qualitatives de la coordination : elles passent dans le fichier
 * et nulle part ailleurs (ni base, ni journal, ni adresse).
 */
type Demande = Exclude<Awaited<ReturnType<typeof rapportDemande>>, Response>

const produire = async (r: Demande, notesBrutes: unknown) => {
  let notes: string | null = null
  if (notesBrutes !== undefined) {
    const lecture = nettoyerNotes(notesBrutes)
    if (!lecture.ok) return reponseTexte(400, lecture.erreur)
    notes = lecture.notes
  }
  const octets = await rapportPdf(r.rapport, { generation: new Date(), notes })
  return new Response(octets, { headers: enTetesFichier('application/pdf', nomFichierRapport(r.rapport, 'pdf')) })
}

export const GET: APIRoute = async (Astro) => {
  const r = await rapportDemande(Astro)
  return r instanceof Response ? r : produire(r, undefined)
}

export const POST: APIRoute = async (Astro) => {
  const r = await rapportDemande(Astro)
  if (r instanceof Response) return r
  // Les notes qualitatives sont celles de la coordination (et de l'opérateur) : le financeur reçoit le rapport, il ne l'annote pas.
  if (r.vue !== 'complete') return reponseTexte(403, 'Accès refusé : les notes du rapport sont écrites par la coordination du dispositif.')
  const donnees = await Astro.request.formData().catch(() => null)
  if (!donnees || !verifierCsrf(r.ouverte, donnees)) return reponseTexte(403, 'Formulaire expiré : rechargez la page des indicateurs et recommencez.')
  return produire(r, donnees.get('notes') ?? undefined)
}
