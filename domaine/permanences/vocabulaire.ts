/**
 * Vocabulaire partagé des permanences : jours, rangs, moments de la journée.
 *
 * Isolé dans son propre module pour que le schéma, la récurrence et la mise en
 * mots s'appuient sur les mêmes listes sans s'importer mutuellement.
 */

/**
 * Jours proposés par les préréglages : les permanences des intervenants sociaux
 * ont lieu en semaine (le cahier des charges ne cite que des mardis et des jeudis).
 * Un rythme de week-end reste possible par une règle personnalisée.
 */
export const JOURS_OUVRES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'] as const
export type JourOuvre = (typeof JOURS_OUVRES)[number]

/** Indice `getUTCDay()` de chaque jour ouvré. */
export const INDICE_JOUR: Record<JourOuvre, number> = { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5 }

/**
 * Rang d'un jour dans le mois : 1 à 5, ou -1 pour « le dernier ».
 * Un 5e mardi n'existe pas tous les mois : ces mois-là, il n'y a pas de permanence (RFC 5545).
 */
export const RANGS = [1, 2, 3, 4, 5, -1] as const
export type Rang = (typeof RANGS)[number]

/** Créneaux nommés : ceux que le cahier des charges emploie (« les mardis après-midi », « les matins »). */
export const MOMENTS = {
  matin: { debut: '09:00', fin: '12:00' },
  'après-midi': { debut: '14:00', fin: '17:00' },
} as const
export type Moment = keyof typeof MOMENTS

/** « 1er », « 2e »…, « dernier » : ordinaux français (jour est masculin). */
export function rangEnMots(rang: Rang): string {
  if (rang === -1) return 'dernier'
  return rang === 1 ? '1er' : `${rang}e`
}
