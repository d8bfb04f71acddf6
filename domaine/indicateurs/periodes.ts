import { z } from 'zod'

import { ajouterJours, type DateLocale, formaterDateLocale, lireDateLocale, NOMS_MOIS, versUtcFlottant } from '../temps'

/**
 * La période d'un bilan : un mois, un trimestre, une année civile, ou des
 * dates libres (« sur sollicitation de façon ponctuelle », cahier des charges,
 * « Modalités de suivi de l'activité »). Les bornes sont des jours civils
 * AAAA-MM-JJ, inclusives, comparées aux dates de saisine, d'acte et
 * d'orientation, qui sont elles aussi des jours civils (sans fuseau).
 */

export type Periode =
  | { type: 'mois'; annee: number; mois: number }
  | { type: 'trimestre'; annee: number; trimestre: number }
  | { type: 'annee'; annee: number }
  | { type: 'dates'; du: DateLocale; au: DateLocale }

export type Bornes = { du: DateLocale; au: DateLocale }

const RE_DATE = /^\d{4}-\d{2}-\d{2}$/
const dateReelle = (t: string) => RE_DATE.test(t) && new Date(`${t}T00:00:00Z`).toISOString().slice(0, 10) === t

// Les indicateurs commencent avec le portail ; 2100 arrête une faute de frappe (« 20266 »).
const ANNEE_MIN = 2000
const ANNEE_MAX = 2100
/** Une période libre de plus de dix ans n'est pas un bilan : c'est une erreur de saisie. */
const JOURS_MAX = 3660

const entier = (champ: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${champ} : nombre attendu` })
    .int(`${champ} : nombre entier attendu`)
    .min(min, `${champ} : entre ${min} et ${max}`)
    .max(max, `${champ} : entre ${min} et ${max}`)

const annee = entier('Année', ANNEE_MIN, ANNEE_MAX)
const date = (champ: string) =>
  z.string({ error: `${champ} : date attendue (AAAA-MM-JJ)` }).trim().refine(dateReelle, `${champ} : date invalide (attendu AAAA-MM-JJ)`)

/**
 * Les paramètres d'une période, tels qu'un formulaire ou une adresse les
 * envoient (textes) : `type` = mois | trimestre | annee | dates, puis
 * `annee` et `mois` ou `trimestre`, ou `du` et `au`.
 */
export const schemaPeriode = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('mois'), annee, mois: entier('Mois', 1, 12) }),
    z.object({ type: z.literal('trimestre'), annee, trimestre: entier('Trimestre', 1, 4) }),
    z.object({ type: z.literal('annee'), annee }),
    z
      .object({ type: z.literal('dates'), du: date('Du'), au: date('Au') })
      .refine((p) => p.du <= p.au, { path: ['au'], message: 'Au : la fin de la période précède son début' })
      .refine((p) => !(p.du <= p.au) || joursInclus(p) <= JOURS_MAX, { path: ['au'], message: `Au : période de ${JOURS_MAX} jours au plus` }),
  ],
  { error: 'Période : choisissez « mois », « trimestre », « annee » ou « dates »' },
)

export type ResultatPeriode = { ok: true; periode: Periode } | { ok: false; erreurs: Record<string, string> }

/** Lit une période depuis des paramètres (formulaire, adresse) ; erreurs par champ, en français. */
export function lirePeriode(parametres: Record<string, unknown>): ResultatPeriode {
  const r = schemaPeriode.safeParse(parametres)
  if (r.success) return { ok: true, periode: r.data }
  const erreurs: Record<string, string> = {}
  for (const i of r.error.issues) erreurs[i.path.map(String).join('.') || 'type'] ??= i.message
  return { ok: false, erreurs }
}

const dernierJour = (annee: number, mois: number) => new Date(Date.UTC(annee, mois, 0)).getUTCDate()
const joursInclus = (b: Bornes) => Math.round((versUtcFlottant(b.au).getTime() - versUtcFlottant(b.du).getTime()) / 86_400_000) + 1

/** Premier et dernier jour de la période, inclus. */
export function bornes(p: Periode): Bornes {
  switch (p.type) {
    case 'mois':
      return { du: formaterDateLocale(p.annee, p.mois, 1), au: formaterDateLocale(p.annee, p.mois, dernierJour(p.annee, p.mois)) }
    case 'trimestre': {
      const premier = (p.trimestre - 1) * 3 + 1
      return { du: formaterDateLocale(p.annee, premier, 1), au: formaterDateLocale(p.annee, premier + 2, dernierJour(p.annee, premier + 2)) }
    }
    case 'annee':
      return { du: formaterDateLocale(p.annee, 1, 1), au: formaterDateLocale(p.annee, 12, 31) }
    case 'dates':
      return { du: p.du, au: p.au }
  }
}

/** Un jour civil est-il dans les bornes (incluses) ? Comparaison de textes AAAA-MM-JJ. */
export const dansBornes = (jour: string, b: Bornes) => jour >= b.du && jour <= b.au

/**
 * La période d'avant, pour la comparaison : le mois, le trimestre, l'année
 * qui précède ; pour des dates libres, autant de jours juste avant.
 */
export function periodePrecedente(p: Periode): Periode {
  switch (p.type) {
    case 'mois':
      return p.mois === 1 ? { type: 'mois', annee: p.annee - 1, mois: 12 } : { type: 'mois', annee: p.annee, mois: p.mois - 1 }
    case 'trimestre':
      return p.trimestre === 1 ? { type: 'trimestre', annee: p.annee - 1, trimestre: 4 } : { type: 'trimestre', annee: p.annee, trimestre: p.trimestre - 1 }
    case 'annee':
      return { type: 'annee', annee: p.annee - 1 }
    case 'dates': {
      const n = joursInclus(p)
      return { type: 'dates', du: ajouterJours(p.du, -n), au: ajouterJours(p.du, -1) }
    }
  }
}

/** Recule un jour civil d'un an ; le 29 février devient le 28. */
function anPasse(jour: DateLocale): DateLocale {
  const { annee, mois, jour: j } = lireDateLocale(jour)
  return formaterDateLocale(annee - 1, mois, Math.min(j, dernierJour(annee - 1, mois)))
}

/** La même période l'an passé (dates libres : les mêmes jours, un an plus tôt). */
export function memePeriodeAnPasse(p: Periode): Periode {
  if (p.type === 'dates') return { type: 'dates', du: anPasse(p.du), au: anPasse(p.au) }
  return { ...p, annee: p.annee - 1 }
}

const jourEnMots = (jour: DateLocale, avecAnnee: boolean) => {
  const { annee, mois, jour: j } = lireDateLocale(jour)
  return `${j === 1 ? '1er' : j} ${NOMS_MOIS[mois - 1]}${avecAnnee ? ` ${annee}` : ''}`
}

/** « décembre 2026 », « 4e trimestre 2026 », « 1er trimestre 2027 », « année 2026 », « du 1er octobre au 3 décembre 2026 ». */
export function libellePeriode(p: Periode): string {
  switch (p.type) {
    case 'mois':
      return `${NOMS_MOIS[p.mois - 1]} ${p.annee}`
    case 'trimestre':
      return `${p.trimestre === 1 ? '1er' : `${p.trimestre}e`} trimestre ${p.annee}`
    case 'annee':
      return `année ${p.annee}`
    case 'dates': {
      if (p.du === p.au) return `le ${jourEnMots(p.du, true)}`
      const memeAnnee = p.du.slice(0, 4) === p.au.slice(0, 4)
      return `du ${jourEnMots(p.du, !memeAnnee)} au ${jourEnMots(p.au, true)}`
    }
  }
}
