/**
 * Préréglages de l'opérateur → règle RRULE (bibliothèque `rrule`) → dates.
 *
 * Choix central : `rrule` ne produit ici que des JOURS. La règle est calculée
 * en « UTC flottant » (minuit UTC = la date civile, sans fuseau : c'est la
 * convention de rrule quand on ne lui donne pas de TZID), puis chaque jour
 * reçoit l'heure murale du créneau, convertie en instant par `fuseau.ts`. Ainsi
 * « 14 h – 17 h » reste 14 h – 17 h à Paris de part et d'autre d'un changement
 * d'heure, quel que soit le fuseau de la machine. (Le TZID de rrule, lui,
 * s'appuie sur le fuseau local de la machine et a des défauts connus aux
 * changements d'heure.)
 */
import type { Creneau, Permanence, Recurrence } from './schema'
import { depuisUtcFlottant, versUtcFlottant, type DateLocale } from '../temps/paris'
import { type Options, RRule, type Weekday } from './rrule-interop'
import { plageEnMots } from '../temps/en-mots'
import { type JourOuvre, type Rang, rangEnMots } from './vocabulaire'

const JOURS_RRULE: Record<JourOuvre, Weekday> = {
  lundi: RRule.MO,
  mardi: RRule.TU,
  mercredi: RRule.WE,
  jeudi: RRule.TH,
  vendredi: RRule.FR,
}

/** Éléments RRULE admis dans une règle personnalisée. */
const CLES_ADMISES = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYWEEKNO', 'BYYEARDAY', 'WKST'])
const FREQUENCES_ADMISES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'])

type Verification = { ok: true; regle: string } | { ok: false; erreur: string }

/**
 * Vérifie une règle personnalisée et la renvoie sous forme normalisée (sans « RRULE: »).
 *
 * Le lecteur de rrule est permissif (« FREQ=FOO » donne une règle vide,
 * « BYDAY=XX » un jour nul) : on contrôle d'abord la structure, puis on laisse
 * rrule lire la règle et en tirer des dates, ce qui attrape le reste.
 */
export function verifierRegleRrule(saisie: string): Verification {
  const texte = saisie.trim().replace(/^RRULE:/i, '')
  if (!texte) return { ok: false, erreur: 'règle vide (ex. « FREQ=WEEKLY;INTERVAL=2;BYDAY=TU »)' }
  if (/[\r\n]/.test(texte) || /(^|;)\s*(DTSTART|EXDATE|RDATE)\b/i.test(texte))
    return {
      ok: false,
      erreur: 'seule la règle est attendue (ex. « FREQ=WEEKLY;BYDAY=TU ») : la date de début se règle dans « date de début », les exclusions dans les exceptions',
    }
  const vues = new Set<string>()
  for (const morceau of texte.split(';').filter((m) => m.trim() !== '')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(morceau)
    if (!m) return { ok: false, erreur: `élément illisible « ${morceau} » (forme attendue : CLÉ=VALEUR)` }
    const cle = m[1]!.toUpperCase()
    if (['BYHOUR', 'BYMINUTE', 'BYSECOND'].includes(cle))
      return { ok: false, erreur: `${cle} n'est pas admis : l'horaire se règle dans le créneau` }
    if (!CLES_ADMISES.has(cle)) return { ok: false, erreur: `élément « ${cle} » inconnu ou non admis` }
    if (vues.has(cle)) return { ok: false, erreur: `élément « ${cle} » répété` }
    vues.add(cle)
    if (cle === 'FREQ' && !FREQUENCES_ADMISES.has(m[2]!.toUpperCase()))
      return { ok: false, erreur: `fréquence « ${m[2]} » non admise (DAILY, WEEKLY, MONTHLY ou YEARLY)` }
  }
  if (!vues.has('FREQ')) return { ok: false, erreur: 'FREQ manquant (ex. « FREQ=WEEKLY;BYDAY=TU »)' }

  let options: Partial<Options>
  try {
    options = RRule.parseString(texte.toUpperCase())
  } catch (e) {
    return { ok: false, erreur: `règle illisible : ${(e as Error).message}` }
  }
  for (const cle of ['interval', 'count'] as const) {
    const v = options[cle]
    if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= 1))
      return { ok: false, erreur: `${cle.toUpperCase()} doit être un entier positif` }
  }
  const jours = options.byweekday
  if (Array.isArray(jours) && jours.some((j) => j === null || j === undefined))
    return { ok: false, erreur: 'BYDAY : jour inconnu (MO, TU, WE, TH, FR, SA, SU, éventuellement précédés du rang : 2TU, -1FR)' }
  if (options.until && Number.isNaN(options.until.getTime())) return { ok: false, erreur: 'UNTIL : date illisible (AAAAMMJJ)' }

  try {
    const essai = new RRule({ ...options, dtstart: versUtcFlottant('2026-01-01') })
    const dates = essai.between(versUtcFlottant('2026-01-01'), versUtcFlottant('2036-01-01'), true, (_d, i) => i < 3)
    if (dates.length === 0 && !options.until && !options.count)
      return { ok: false, erreur: 'cette règle ne produit aucune date (sur dix ans)' }
  } catch (e) {
    return { ok: false, erreur: `règle inutilisable : ${(e as Error).message}` }
  }
  return { ok: true, regle: RRule.optionsToString(options).replace(/^RRULE:/, '') }
}

/**
 * Une règle RRULE se compte à partir de son DTSTART : « un mardi sur deux »
 * (INTERVAL), « dix fois » (COUNT), « chaque mois » sans jour précisé… ne
 * disent rien sans date de départ. Renvoie le message à afficher si la date de
 * début manque, sinon `undefined`.
 */
export function regleMinimaleValide(regle: string, dateDebut: DateLocale | undefined): string | undefined {
  if (dateDebut) return undefined
  const o = RRule.parseString(regle)
  const aJours = o.byweekday !== undefined && o.byweekday !== null
  const aQuantieme = o.bymonthday !== undefined && o.bymonthday !== null
  const autonome =
    (o.interval ?? 1) === 1 &&
    !o.count &&
    (o.freq === RRule.DAILY ||
      (o.freq === RRule.WEEKLY && aJours) ||
      (o.freq === RRule.MONTHLY && (aJours || aQuantieme)) ||
      (o.freq === RRule.YEARLY && o.bymonth !== undefined && o.bymonth !== null && (aJours || aQuantieme)))
  return autonome
    ? undefined
    : 'obligatoire pour cette règle personnalisée : INTERVAL, COUNT ou un jour non précisé se comptent à partir de la date de début'
}

/** Options rrule d'une récurrence, ou `null` pour « à préciser ». */
export function optionsRrule(recurrence: Recurrence): Partial<Options> | null {
  switch (recurrence.type) {
    case 'chaque-semaine':
      return { freq: RRule.WEEKLY, byweekday: [JOURS_RRULE[recurrence.jour]] }
    case 'nieme-du-mois':
    case 'un-par-mois':
      return { freq: RRule.MONTHLY, byweekday: [JOURS_RRULE[recurrence.jour].nth(recurrence.rang)] }
    case 'plusieurs-du-mois':
      return { freq: RRule.MONTHLY, byweekday: recurrence.rangs.map((r) => JOURS_RRULE[recurrence.jour].nth(r)) }
    case 'personnalisee':
      return RRule.parseString(recurrence.rrule)
    case 'a-preciser':
      return null
  }
}

/** Texte RRULE (sans DTSTART) : « FREQ=MONTHLY;BYDAY=+1TH,+2TH,+3TH ». `null` pour « à préciser ». */
export function texteRrule(recurrence: Recurrence): string | null {
  const o = optionsRrule(recurrence)
  return o ? RRule.optionsToString(o).replace(/^RRULE:/, '') : null
}

type CadreSerie = Pick<Permanence, 'recurrence' | 'dateDebut' | 'dateFin'>

/**
 * La règle rrule d'une permanence, ancrée sur sa date de début (ou, pour les
 * préréglages qui n'en dépendent pas, sur `ancrage`), bornée par sa date de fin.
 */
export function regleDe(permanence: CadreSerie, ancrage: DateLocale): RRule | null {
  const o = optionsRrule(permanence.recurrence)
  if (!o) return null
  const fin = permanence.dateFin ? versUtcFlottant(permanence.dateFin) : undefined
  const until = o.until && fin ? (o.until < fin ? o.until : fin) : (o.until ?? fin)
  return new RRule({ ...o, dtstart: versUtcFlottant(permanence.dateDebut ?? ancrage), until: until ?? null })
}

/**
 * Jours de la série entre `du` et `au` inclus (dates civiles), avant toute
 * exception et tout jour férié.
 */
export function joursDeLaSerie(permanence: CadreSerie, du: DateLocale, au: DateLocale): DateLocale[] {
  const debut = permanence.dateDebut && permanence.dateDebut > du ? permanence.dateDebut : du
  const fin = permanence.dateFin && permanence.dateFin < au ? permanence.dateFin : au
  if (debut > fin) return []
  const regle = regleDe(permanence, debut)
  if (!regle) return []
  return regle.between(versUtcFlottant(debut), versUtcFlottant(fin), true).map(depuisUtcFlottant)
}

/** Cette date civile est-elle un jour de la série ? */
export function estDateDeLaSerie(permanence: CadreSerie, date: DateLocale): boolean {
  return joursDeLaSerie(permanence, date, date).length === 1
}

function listeEnMots(mots: string[]): string {
  return mots.length <= 1 ? (mots[0] ?? '') : `${mots.slice(0, -1).join(', ')} et ${mots.at(-1)}`
}

/**
 * Libellé français d'une récurrence : « chaque mardi après-midi », « le 2e mardi
 * du mois », « les 1er, 2e et 3e jeudis matin du mois », « un jeudi par mois »,
 * « à préciser ». Le créneau, s'il est donné, s'insère comme on le dit
 * (« après-midi », « matin ») ou s'ajoute en heures (« , 9 h 30 – 12 h »).
 */
export function libelleRecurrence(recurrence: Recurrence, creneau?: Creneau): string {
  const moment = creneau?.moment ? ` ${creneau.moment}` : ''
  const heures = creneau && !creneau.moment ? `, ${plageEnMots(creneau.debut, creneau.fin)}` : ''
  const rang = (r: Rang) => rangEnMots(r)
  switch (recurrence.type) {
    case 'chaque-semaine':
      return `chaque ${recurrence.jour}${moment}${heures}`
    case 'nieme-du-mois':
      return `le ${rang(recurrence.rang)} ${recurrence.jour}${moment} du mois${heures}`
    case 'plusieurs-du-mois':
      return `les ${listeEnMots(recurrence.rangs.map(rang))} ${recurrence.jour}s${moment} du mois${heures}`
    case 'un-par-mois':
      return `un ${recurrence.jour}${moment} par mois${heures}`
    case 'personnalisee': {
      const base = recurrence.libelle ?? 'selon un calendrier particulier'
      const quand = creneau ? (creneau.moment ?? plageEnMots(creneau.debut, creneau.fin)) : ''
      return quand ? `${base}, ${quand}` : base
    }
    case 'a-preciser':
      return recurrence.precision ? `à préciser (${recurrence.precision})` : 'à préciser'
  }
}

/** Libellé d'une permanence (récurrence et créneau). */
export function libellePermanence(permanence: Pick<Permanence, 'recurrence' | 'creneau'>): string {
  return libelleRecurrence(permanence.recurrence, permanence.creneau)
}
