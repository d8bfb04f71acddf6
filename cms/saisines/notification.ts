import type { Payload } from 'payload'

import { courrielNouvelleSaisine } from '../../domaine/saisines'
import type { Expediteur } from '../../socle/courriel'

/**
 * Prévient les intervenants du poste qu'une saisine les attend : dans
 * l'espace (compteur des saisines reçues, lu en base) et par courriel, sans
 * aucune donnée personnelle (un lien, rien d'autre). Un envoi raté ne fait
 * pas échouer le dépôt : la saisine est enregistrée et visible dans l'espace.
 */
export async function notifierPoste(
  payload: Payload,
  { poste, saisine, urgence, auteur, urlPortail, expediteur }: { poste: number; saisine: number; urgence: boolean; auteur: number; urlPortail: string; expediteur?: Expediteur },
): Promise<number> {
  if (!expediteur) return 0
  const { docs } = await payload.find({
    collection: 'utilisateurs',
    where: { and: [{ role: { equals: 'intervenant' } }, { poste: { equals: poste } }, { suspendu: { not_equals: true } }, { id: { not_equals: auteur } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const courriel = courrielNouvelleSaisine({ urlPublique: urlPortail, id: saisine, urgence })
  let envoyes = 0
  for (const u of docs) {
    try {
      await expediteur.envoyer({ a: u.email, sujet: courriel.sujet, texte: courriel.texte })
      envoyes++
    } catch (e) {
      payload.logger.warn({ type: e instanceof Error ? e.name : typeof e }, 'Courriel de nouvelle saisine non envoyé')
    }
  }
  return envoyes
}
