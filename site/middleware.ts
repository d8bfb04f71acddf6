import type { MiddlewareHandler } from 'astro'

import { ligneErreur } from '../socle/journauxCaviardes'
import { refusFormulaireIllisible } from './lib/formulaireLisible'

/**
 * Une erreur pendant le rendu d'une page à la demande : le journal ne reçoit que
 * son type et la route (Astro y écrirait la pile et le message, qui reprennent
 * souvent la saisie), et le visiteur une page 500 sans détail. Avant tout, un
 * envoi qui n'est pas un formulaire lisible est refusé (415 ou 400).
 */
export const onRequest: MiddlewareHandler = async (context, suite) => {
  try {
    return (await refusFormulaireIllisible(context.request)) ?? (await suite())
  } catch (erreur) {
    console.error(ligneErreur(context.request.method, context.url.pathname, erreur))
    return new Response('Erreur interne du serveur : l’équipe du portail est prévenue par le journal. Réessayez dans quelques minutes.', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}
