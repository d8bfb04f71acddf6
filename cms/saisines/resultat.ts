/** Le résultat d'une opération sur une saisine : fait, ou refusé avec un statut HTTP et des messages par champ. */
export type Refus = { ok: false; statut: 400 | 403 | 404 | 409; erreurs: Record<string, string> }
export type Resultat<T = object> = ({ ok: true } & T) | Refus

export const refus = (statut: Refus['statut'], formulaire: string, erreurs: Record<string, string> = {}): Refus => ({
  ok: false,
  statut,
  erreurs: { formulaire, ...erreurs },
})

/**
 * Même réponse pour « n'existe pas » et « pas le droit de la voir » : une
 * saisine d'un autre secteur ou d'une autre unité n'existe pas pour l'acteur,
 * et l'identifiant ne doit pas permettre d'en deviner l'existence.
 */
export const INTROUVABLE = refus(404, 'Cette saisine n’existe pas ou ne vous est pas accessible.')
