import opening_hours from 'opening_hours'

import type { DocumentService } from './port.ts'

/**
 * « Joignable maintenant » : pour une requête urgente (« cette nuit », « tout
 * de suite », « ce soir »), les services que l'on peut joindre à l'heure de
 * la recherche passent devant : ouverts maintenant d'après leurs horaires
 * (syntaxe OpenStreetMap, heure de Paris), ou joignables 24 h/24 (« 24/7 »,
 * numéros nationaux sans horaires, 115).
 *
 * Les horaires d'un annuaire se répètent (quelques dizaines de chaînes
 * différentes pour des milliers de services) : chacune est analysée une fois,
 * et son état n'est recalculé qu'une fois par quart d'heure. Le coût d'une
 * requête urgente reste d'une lecture de table par service classé.
 *
 * L'heure de Paris est calculée ici comme dans site/lib/horaires.ts (la
 * recherche ne dépend pas du site) : à réunir dans domaine/temps/.
 */

const FUSEAU = 'Europe/Paris'
// Jours fériés (« PH off ») : la bibliothèque les déduit du pays et de la région.
const LIEU = { lat: 46.2, lon: 5.22, address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } }
const QUART_D_HEURE = 15 * 60_000

const formatParis = new Intl.DateTimeFormat('en-GB', {
  timeZone: FUSEAU,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** Date « locale » dont les champs valent l'heure murale de Paris : opening_hours lit les champs locaux. */
function heureDeParis(instant: Date): Date {
  const p = Object.fromEntries(formatParis.formatToParts(instant).map((x) => [x.type, Number(x.value)])) as Record<string, number>
  return new Date(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!)
}

type Analyse = { oh: opening_hours | null; quart: number; ouvert: boolean }

export class Joignabilite {
  private readonly analyses = new Map<string, Analyse>()
  private static readonly MAX = 5_000

  /** Le service peut-il être joint à cet instant ? */
  maintenant(doc: Pick<DocumentService, 'horaires_accueil' | 'numero_court' | 'type_partenaire'>, instant: Date): boolean {
    const horaires = doc.horaires_accueil?.trim()
    if (!horaires) return !!doc.numero_court || doc.type_partenaire === 'numero-national'
    if (horaires === '24/7') return true
    let a = this.analyses.get(horaires)
    if (!a) {
      if (this.analyses.size >= Joignabilite.MAX) this.analyses.clear()
      let oh: opening_hours | null = null
      try {
        oh = new opening_hours(horaires, LIEU as never, { locale: 'fr' } as never)
      } catch {
        oh = null
      }
      a = { oh, quart: -1, ouvert: false }
      this.analyses.set(horaires, a)
    }
    if (!a.oh) return false
    const quart = Math.floor(instant.getTime() / QUART_D_HEURE)
    if (a.quart !== quart) {
      a.quart = quart
      a.ouvert = a.oh.getState(heureDeParis(instant))
    }
    return a.ouvert
  }
}
