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

/**
 * L'identifiant numérique (celui des bases SQLite et PostgreSQL) d'une valeur
 * venue d'ailleurs (formulaire, document peuplé, JSON) : `null` pour tout ce
 * qui n'en est pas un, au lieu d'un NaN qui passerait les comparaisons.
 */
export function idNumerique(r: unknown): number | null {
  const v = r && typeof r === 'object' ? (r as { id?: unknown }).id : r
  return typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null
}
