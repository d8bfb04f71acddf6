/**
 * Un historique d'états, daté et attribué : le cycle de vie d'une saisine
 * (statuts.ts) et celui d'une orientation (suivi.ts) s'écrivent de la même
 * façon. L'état courant est le dernier « vers » ; on n'efface ni ne réécrit
 * jamais un passage, on en ajoute un. L'auteur est un identifiant de compte,
 * jamais un nom.
 */
export type Passage<E extends string> = { de: E | null; vers: E; le: string; par: string | number }

export const etatCourant = <E extends string>(historique: readonly Passage<E>[], initial: E): E => historique.at(-1)?.vers ?? initial

export type Cycle<E extends string> = {
  initial: E
  /** La table et le rôle sont vérifiés par l'appelant, qui sait qui agit. */
  permise: (de: E, vers: E) => boolean
  /** L'erreur levée pour un passage refusé (message français qui nomme le champ). */
  refus: (de: E, vers: E) => Error
}

/** Ajoute un passage permis ; lève l'erreur du cycle sinon. L'historique reçu n'est pas modifié. */
export function ajouterPassage<E extends string>(historique: readonly Passage<E>[], vers: E, cycle: Cycle<E>, par: string | number, le: Date): Passage<E>[] {
  const de = etatCourant(historique, cycle.initial)
  if (!cycle.permise(de, vers)) throw cycle.refus(de, vers)
  return [...historique, { de, vers, le: le.toISOString(), par }]
}
