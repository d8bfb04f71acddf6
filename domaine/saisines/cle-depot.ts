import { randomBytes } from 'node:crypto'

/**
 * La clé d'un formulaire de dépôt : tirée quand la page s'affiche, renvoyée
 * avec le formulaire, gardée avec la saisine. Un même formulaire envoyé deux
 * fois (réponse perdue, serveur arrêté entre l'écriture et la réponse : l'agent
 * ne sait pas si sa saisine est partie et la renvoie) ne crée qu'une saisine.
 * Gardée dans le brouillon, elle survit à une erreur de saisie ou à une session
 * expirée ; effacé au dépôt, le brouillon ne la redonne pas au formulaire
 * suivant, qui en reçoit une neuve.
 */
export const CHAMP_CLE_DEPOT = 'cleDepot'

const FORME_CLE_DEPOT = /^[0-9a-f]{32}$/

export const nouvelleCleDepot = () => randomBytes(16).toString('hex')

export type LectureCleDepot = { ok: true; cle: string | null } | { ok: false; message: string }

/** La clé reçue : absente (autres chemins de dépôt), bien formée, ou refusée avec un message qui nomme le champ. */
export function lireCleDepot(valeur: string | undefined): LectureCleDepot {
  if (valeur === undefined || valeur === '') return { ok: true, cle: null }
  if (!FORME_CLE_DEPOT.test(valeur)) return { ok: false, message: 'Clé du formulaire : invalide ; rechargez la page, puis déposez la saisine.' }
  return { ok: true, cle: valeur }
}
