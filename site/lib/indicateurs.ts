import type { APIContext } from 'astro'

import { rapportIndicateurs } from '../../cms/indicateurs/rapport'
import { acteurDuCompte } from '../../domaine/acces/espace'
import { vueIndicateurs } from '../../domaine/acces/politique'
import { lireDemande, type Rapport, type Vue } from '../../domaine/indicateurs'
import { jourLocal } from '../../domaine/temps'
import { configuration } from '../../socle/configuration'
import { payload } from './cms'
import { type Connecte, exigerConnexion } from './session'

/**
 * Ce que partagent la page /espace/indicateurs et ses exports : la session,
 * la vue décidée par la politique (entière, ou au secret statistique pour le
 * financeur), la demande lue en GET. Un export refuse ce que la page refuse,
 * avec le même message.
 */

export const REFUS_INDICATEURS = 'Accès refusé : les indicateurs d’activité sont réservés à l’opérateur, à la coordination du dispositif et aux financeurs.'

const texte = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/** Pour un export : le rapport demandé, ou la réponse d'erreur (connexion, 403, 400). */
export async function rapportDemande(Astro: APIContext): Promise<{ ouverte: Connecte; vue: Vue; rapport: Rapport } | Response> {
  const ouverte = await exigerConnexion(Astro)
  if (ouverte instanceof Response) return ouverte
  const vue = vueIndicateurs(acteurDuCompte(ouverte.utilisateur))
  if (!vue) return texte(403, REFUS_INDICATEURS)
  const lecture = lireDemande(Astro.url.searchParams, vue, jourLocal(new Date()))
  if (!lecture.ok) return texte(400, `Export impossible, paramètres invalides :\n${Object.values(lecture.erreurs).join('\n')}`)
  const rapport = await rapportIndicateurs(await payload(), lecture.demande, vue, configuration().indicateurs.seuilSecret)
  return { ouverte, vue, rapport }
}

/** En-têtes d'un fichier téléchargé, jamais gardé en cache. */
export const enTetesFichier = (type: string, nom: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${nom}"`,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
})

export { texte as reponseTexte }
