/**
 * Fraîcheur d'une fiche : « mis à jour il y a 19 mois », signalée au-delà de
 * 12 mois. La date du jour est un paramètre (les tests la fixent à la date de
 * référence des données, 2026-11-26) : rien ne dépend de l'horloge en douce.
 */

export const SEUIL_FICHE_ANCIENNE_MOIS = 12

export type Fraicheur = {
  /** Mois entiers écoulés depuis la mise à jour. */
  mois: number
  /** Plus de 12 mois : la fiche est à revoir. */
  ancienne: boolean
  libelle: string
}

/** Mois entiers entre deux dates ISO (AAAA-MM-JJ), comme un calendrier : du 26/05 au 25/06 = 0 mois. */
export function moisEntre(debut: string, fin: string): number {
  const [a1, m1, j1] = debut.split('-').map(Number) as [number, number, number]
  const [a2, m2, j2] = fin.split('-').map(Number) as [number, number, number]
  const mois = (a2 - a1) * 12 + (m2 - m1) - (j2 < j1 ? 1 : 0)
  return Math.max(0, mois)
}

const dateIso = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

export function fraicheur(dateMaj: string, aujourdhui: Date = new Date()): Fraicheur {
  const mois = moisEntre(dateMaj, dateIso(aujourdhui))
  const libelle =
    mois === 0 ? 'mis à jour ce mois-ci' : mois < 12 || mois % 12 !== 0 ? `mis à jour il y a ${mois} mois` : `mis à jour il y a ${mois / 12} an${mois > 12 ? 's' : ''}`
  return { mois, ancienne: mois > SEUIL_FICHE_ANCIENNE_MOIS, libelle }
}
