/**
 * Une référence à un enregistrement telle que le CMS la rend : son
 * identifiant, ou l'enregistrement lui-même quand la relation est lue en
 * profondeur. Le domaine ne connaît pas le CMS, seulement cette forme ; une
 * seule lecture pour tout le projet.
 */
export type Reference = number | string | { id: number | string } | null | undefined

/** L'identifiant d'une référence, peuplée ou non ; `null` s'il n'y en a pas. */
export function idDe(r: NonNullable<Reference>): number | string
export function idDe(r: Reference): number | string | null
export function idDe(r: Reference): number | string | null {
  if (r === null || r === undefined) return null
  return typeof r === 'object' ? r.id : r
}

/** Le plus grand identifiant d'une table : `integer` de PostgreSQL (au-delà, la base refuse la requête). */
export const ID_MAX = 2_147_483_647

/**
 * L'identifiant numérique (celui des bases SQLite et PostgreSQL) d'une valeur
 * venue d'ailleurs (formulaire, document peuplé, JSON, adresse) : `null` pour
 * tout ce qui n'en est pas un, au lieu d'un NaN qui passerait les
 * comparaisons ou d'un nombre que PostgreSQL refuserait (erreur 500).
 */
export function idNumerique(r: unknown): number | null {
  const v = r && typeof r === 'object' ? (r as { id?: unknown }).id : r
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : NaN
  return Number.isInteger(n) && n >= 0 && n <= ID_MAX ? n : null
}
