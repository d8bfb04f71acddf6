import type opening_hours from 'opening_hours'

import { analyserHoraires, ouvertA } from '../domaine/annuaire/horaires.ts'
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
 * Les horaires et l'heure de Paris sont lus par domaine/annuaire/horaires.ts, comme sur les fiches.
 */

const QUART_D_HEURE = 15 * 60_000

type Analyse = { oh: opening_hours | undefined; quart: number; ouvert: boolean }

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
      a = { oh: analyserHoraires(horaires), quart: -1, ouvert: false }
      this.analyses.set(horaires, a)
    }
    if (!a.oh) return false
    const quart = Math.floor(instant.getTime() / QUART_D_HEURE)
    if (a.quart !== quart) {
      a.quart = quart
      a.ouvert = ouvertA(a.oh, instant)
    }
    return a.ouvert
  }
}
