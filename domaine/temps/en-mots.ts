/**
 * Dates et heures dites en français courant, à l'heure de Paris :
 * « mardi 1er décembre », « 14 h 30 », « 14 h – 17 h », « mardi 1er décembre, 14 h ».
 *
 * Jours et mois sont écrits à la main plutôt que confiés à `Intl` en « fr-FR » :
 * le rendu ne dépend alors ni des données ICU de la machine ni de leurs
 * évolutions (abréviations, espaces insécables), et les tests comparent des
 * chaînes exactes.
 */
import { type DateLocale, heureLocale, jourDeSemaine, jourLocal, lireDateLocale } from './paris'

/** Noms des jours dans l'ordre de `Date#getUTCDay()` (0 = dimanche). */
export const NOMS_JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const

export const NOMS_MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const

const RE_DATE_LOCALE = /^\d{4}-\d{2}-\d{2}$/

/** « mardi 1er décembre » pour une date civile (« … 2027 » si `avecAnnee`). */
export function dateCivileEnMots(date: DateLocale, avecAnnee = false): string {
  const { annee, mois, jour } = lireDateLocale(date)
  const texte = `${NOMS_JOURS[jourDeSemaine(date)]} ${jour === 1 ? '1er' : jour} ${NOMS_MOIS[mois - 1]}`
  return avecAnnee ? `${texte} ${annee}` : texte
}

/** « mardi 1er décembre » pour un instant (lu à Paris) ou une date civile. */
export function dateEnMots(date: Date | DateLocale, options: { avecAnnee?: boolean } = {}): string {
  if (!(date instanceof Date) && !RE_DATE_LOCALE.test(date)) throw new Error(`Date invalide : « ${date} » (AAAA-MM-JJ attendu)`)
  return dateCivileEnMots(date instanceof Date ? jourLocal(date) : date, options.avecAnnee)
}

/** « 3 décembre 2026 » : la date d'un document (« Liste éditée le … »), sans le jour de la semaine. */
export function dateDocument(instant: Date): string {
  const { annee, mois, jour } = lireDateLocale(jourLocal(instant))
  return `${jour === 1 ? '1er' : jour} ${NOMS_MOIS[mois - 1]} ${annee}`
}

/** « 14 h », « 14 h 30 », « 9 h » pour une heure murale « HH:MM » ou un instant (lu à Paris). */
export function heureEnMots(heure: string | Date): string {
  const [h, m] = (heure instanceof Date ? heureLocale(heure) : heure).split(':').map(Number) as [number, number]
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`
}

/** « 14 h – 17 h » (tiret demi-cadratin entre espaces, comme sur les plaquettes). */
export function plageEnMots(debut: string, fin: string): string {
  return `${heureEnMots(debut)} – ${heureEnMots(fin)}`
}

/** « mardi 1er décembre, 14 h » pour un instant. */
export const instantEnMots = (instant: Date, options: { avecAnnee?: boolean } = {}) => `${dateEnMots(instant, options)}, ${heureEnMots(instant)}`
