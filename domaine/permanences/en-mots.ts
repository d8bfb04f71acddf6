/**
 * Les permanences dites en français courant, à l'heure de Paris :
 * « Prochaine permanence : mardi 1er décembre, 14 h – 17 h, CH Fleyriat ».
 *
 * Jours et mois sont écrits à la main plutôt que confiés à `Intl` en « fr-FR » :
 * le rendu ne dépend alors ni des données ICU de la machine ni de leurs
 * évolutions (abréviations, espaces insécables), et les tests comparent des
 * chaînes exactes.
 */
import { z } from 'zod'

import {
  ajouterJours,
  type DateLocale,
  formaterDateLocale,
  heureLocale,
  jourDeSemaine,
  jourLocal,
  lireDateLocale,
} from '../temps/paris'
import { type AnnuaireLieux, lieuDe } from './lieux'
import { dateLocaleSchema, lireOuLever, type Occurrence, occurrenceSchema } from './schema'
import { dateEnMots, plageEnMots } from '../temps/en-mots'

/** « 14 h – 17 h » entre deux instants, lus à l'heure de Paris. */
export function horaireEnMots(debut: Date, fin: Date): string {
  return plageEnMots(heureLocale(debut), heureLocale(fin))
}

export type OptionsEnMots = {
  /** Noms des lieux (sinon la référence du site est affichée). */
  lieux?: AnnuaireLieux
  /** Ajoute l'année (utile quand la date n'est pas dans l'année en cours). */
  avecAnnee?: boolean
  /** Ajoute « — annulée (Noël) », « — déplacée (formation) »… (par défaut : oui). */
  avecStatut?: boolean
}

const SANS_MOTIF_REPETE = 'permanence supplémentaire'

/** Ce que change le statut, en quelques mots : « annulée (jour férié : Noël) ». */
export function statutEnMots(occurrence: Occurrence): string {
  const motif = occurrence.motif
  switch (occurrence.statut) {
    case 'prevue':
      return ''
    case 'annulee-ferie':
      return `annulée (jour férié${motif ? ` : ${motif}` : ''})`
    case 'annulee':
      return motif ? `annulée (${motif})` : 'annulée'
    case 'deplacee':
      return motif ? `déplacée (${motif})` : 'déplacée'
    case 'ajoutee':
      return motif && motif !== SANS_MOTIF_REPETE ? `permanence supplémentaire (${motif})` : 'permanence supplémentaire'
  }
}

/** « mardi 1er décembre, 14 h – 17 h, CH Fleyriat » (+ « — annulée (formation) » selon le statut). */
export function occurrenceEnMots(occurrence: Occurrence, options: OptionsEnMots = {}): string {
  const o = lireOuLever(occurrenceSchema, occurrence, 'Occurrence invalide')
  const base = `${dateEnMots(o.debut, options)}, ${horaireEnMots(o.debut, o.fin)}, ${lieuDe(o.site, options.lieux).nom}`
  const statut = options.avecStatut === false ? '' : statutEnMots(o)
  return statut ? `${base} — ${statut}` : base
}

const estAnnulee = (o: Occurrence) => o.statut === 'annulee' || o.statut === 'annulee-ferie'

/**
 * « Prochaine permanence : mardi 1er décembre, 14 h – 17 h, CH Fleyriat ».
 * Les occurrences annulées sont sautées ; sans occurrence à venir : « à préciser ».
 * `depuis` écarte les permanences déjà terminées (par défaut, aucune ne l'est :
 * la liste vient de `prochainesOccurrences`, déjà bornée).
 */
export function prochainePermanenceEnMots(
  occurrences: readonly Occurrence[],
  options: Omit<OptionsEnMots, 'avecStatut'> & { depuis?: Date } = {},
): string {
  const liste = lireOuLever(z.array(occurrenceSchema), occurrences, 'Occurrences invalides')
  const prochaine = liste
    .filter((o) => !estAnnulee(o) && (!options.depuis || o.fin > options.depuis))
    .sort((a, b) => a.debut.getTime() - b.debut.getTime())[0]
  if (!prochaine) return 'Prochaine permanence : à préciser'
  return `Prochaine permanence : ${dateEnMots(prochaine.debut, options)}, ${horaireEnMots(prochaine.debut, prochaine.fin)}, ${lieuDe(prochaine.site, options.lieux).nom}`
}

// ---------------------------------------------------------------------------
// Semaine ISO (vue hebdomadaire de /permanences)
// ---------------------------------------------------------------------------

export type SemaineIso = { annee: number; semaine: number }

/** Semaine ISO 8601 (lundi → dimanche ; la semaine 1 contient le premier jeudi de janvier) d'un jour à Paris. */
export function semaineIso(date: Date | DateLocale): SemaineIso {
  const jour = date instanceof Date ? jourLocal(date) : lireOuLever(dateLocaleSchema, date, 'Date invalide')
  const numeroJour = jourDeSemaine(jour) || 7 // lundi = 1 … dimanche = 7
  const jeudi = ajouterJours(jour, 4 - numeroJour) // le jeudi de la semaine porte l'année ISO
  const { annee } = lireDateLocale(jeudi)
  const premierJanvier = formaterDateLocale(annee, 1, 1)
  const ecart = (Date.parse(`${jeudi}T00:00:00Z`) - Date.parse(`${premierJanvier}T00:00:00Z`)) / 86_400_000
  return { annee, semaine: Math.floor(ecart / 7) + 1 }
}

/** Lundi (date civile) de la semaine ISO donnée. */
export function lundiDeLaSemaine({ annee, semaine }: SemaineIso): DateLocale {
  const quatreJanvier = formaterDateLocale(annee, 1, 4) // toujours en semaine 1
  const lundiSemaine1 = ajouterJours(quatreJanvier, 1 - (jourDeSemaine(quatreJanvier) || 7))
  return ajouterJours(lundiSemaine1, (semaine - 1) * 7)
}

const semaineSchema = z
  .object({
    annee: z.number().int().min(2000, { error: 'entre 2000 et 2100' }).max(2100, { error: 'entre 2000 et 2100' }),
    semaine: z.number().int().min(1, { error: '1 à 53' }).max(53, { error: '1 à 53' }),
  })
  .refine((s) => semaineIso(lundiDeLaSemaine(s)).semaine === s.semaine, { error: "cette année ISO n'a que 52 semaines", path: ['semaine'] })

export type JourDeLaSemaine = { date: DateLocale; libelle: string; occurrences: Occurrence[] }
export type VueSemaine = SemaineIso & { du: DateLocale; au: DateLocale; titre: string; jours: JourDeLaSemaine[] }

/**
 * Vue d'une semaine ISO : sept jours du lundi au dimanche, chacun avec ses
 * occurrences dans l'ordre de début (les annulées restent, avec leur statut :
 * l'agent doit voir qu'une permanence habituelle n'a pas lieu).
 */
export function vueSemaine(occurrences: readonly Occurrence[], semaine: SemaineIso): VueSemaine {
  const s = lireOuLever(semaineSchema, semaine, 'Semaine invalide')
  const liste = lireOuLever(z.array(occurrenceSchema), occurrences, 'Occurrences invalides')
  const du = lundiDeLaSemaine(s)
  const jours: JourDeLaSemaine[] = Array.from({ length: 7 }, (_, i) => {
    const date = ajouterJours(du, i)
    return { date, libelle: dateEnMots(date), occurrences: [] }
  })
  const parDate = new Map(jours.map((j) => [j.date, j]))
  for (const o of [...liste].sort((a, b) => a.debut.getTime() - b.debut.getTime())) parDate.get(jourLocal(o.debut))?.occurrences.push(o)
  const au = ajouterJours(du, 6)
  return { ...s, du, au, titre: `Semaine du ${dateEnMots(du)} au ${dateEnMots(au, { avecAnnee: true })}`, jours }
}
