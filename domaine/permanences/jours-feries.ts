/**
 * Jours fériés français, d'après `date-holidays` (bibliothèque entretenue, qui
 * calcule Pâques, l'Ascension et la Pentecôte).
 *
 * - France métropolitaine, sans subdivision : les deux jours propres à
 *   l'Alsace-Moselle (Vendredi saint, Saint-Étienne) ne s'appliquent pas à l'Ain.
 * - Type « public » seulement : les « observances » (dimanche de Pâques et de
 *   Pentecôte, fête des Mères…) ne ferment aucun service.
 * - Le lundi de Pentecôte est légalement férié (journée de solidarité dans
 *   certaines administrations) : il annule la permanence par défaut, l'opérateur
 *   la maintient au besoin avec « jours fériés maintenus » ou un ajout de date.
 *
 * On ne lit que la date civile (« AAAA-MM-JJ ») donnée par la bibliothèque,
 * jamais ses instants de début et de fin, pour ne dépendre d'aucun fuseau machine.
 */
import Holidays from 'date-holidays'

import { type DateLocale, jourLocal } from '../temps/paris'

export type JourFerie = { date: DateLocale; nom: string }

const calendrier = new Holidays('FR', { languages: ['fr'], types: ['public'] })
const parAnnee = new Map<number, Map<DateLocale, JourFerie>>()

function feriesDe(annee: number): Map<DateLocale, JourFerie> {
  let jours = parAnnee.get(annee)
  if (!jours) {
    jours = new Map()
    for (const h of calendrier.getHolidays(annee, 'fr')) {
      if (h.type !== 'public') continue
      const date = h.date.slice(0, 10)
      jours.set(date, { date, nom: h.name })
    }
    parAnnee.set(annee, jours)
  }
  return jours
}

/** Jours fériés publics d'une année, dans l'ordre. */
export function joursFeries(annee: number): JourFerie[] {
  return [...feriesDe(annee).values()].sort((a, b) => a.date.localeCompare(b.date))
}

/** Date civile « AAAA-MM-JJ », ou instant lu à l'heure de Paris. */
function enDateLocale(date: Date | DateLocale): DateLocale {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError('estFerie : date invalide')
    return jourLocal(date)
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`estFerie : date AAAA-MM-JJ attendue, reçu « ${date} »`)
  return date
}

/** Le jour férié qui tombe ce jour-là (à Paris), s'il y en a un. */
export function jourFerie(date: Date | DateLocale): JourFerie | undefined {
  const jour = enDateLocale(date)
  return feriesDe(Number(jour.slice(0, 4))).get(jour)
}

/** Ce jour (à Paris) est-il férié ? Un instant est ramené à sa date civile à Paris. */
export function estFerie(date: Date | DateLocale): boolean {
  return jourFerie(date) !== undefined
}
