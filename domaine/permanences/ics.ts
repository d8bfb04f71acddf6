/**
 * Flux ICS des permanences (abonnement d'agenda), avec `ical-generator`.
 *
 * - Un VEVENT par occurrence, exceptions appliquées : pas de RRULE/EXDATE dans
 *   le flux. Les clients interprètent inégalement les RRULE mensuelles à rang,
 *   les EXDATE et les RECURRENCE-ID ; des événements simples, tous les clients
 *   les lisent pareil.
 * - Heures en Europe/Paris (DTSTART;TZID=Europe/Paris:…T140000) avec le
 *   VTIMEZONE correspondant : l'agenda affiche 14 h – 17 h été comme hiver.
 *   ical-generator, avec un objet Date, écrirait l'heure du fuseau de la
 *   MACHINE ; on lui passe donc un objet « ZonedDateTime » minimal (interface
 *   Temporal qu'il accepte), calculé avec Intl pour Europe/Paris.
 * - UID stables : clé de la permanence + date d'origine. Une permanence
 *   déplacée garde l'UID de la date qu'elle remplace : l'agenda abonné déplace
 *   l'événement au lieu d'en montrer deux.
 * - Occurrences annulées : OMISES par défaut. Un flux d'abonnement est relu en
 *   entier à chaque rafraîchissement et l'agenda retire les UID disparus, ce
 *   qui marche partout ; STATUS:CANCELLED, lui, est affiché de façon inégale
 *   (certains agendas abonnés montrent l'événement comme s'il avait lieu). Le
 *   choix `annulees: 'statut-annule'` les garde, préfixées « Annulée – ».
 * - DTSTAMP : la date de mise à jour de la permanence (ou `horodatage`), jamais
 *   l'heure de génération : deux générations des mêmes données donnent le même
 *   fichier, octet pour octet (empreinte de publication stable).
 * - Aucune donnée personnelle : ni nom d'intervenant, ni organisateur, ni
 *   participant ; seulement des lieux publics et des horaires.
 */
import ical, {
  escape,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator'
import { z } from 'zod'

import { dateEnMots } from '../temps/en-mots'
import { horaireEnMots, statutEnMots } from './en-mots'
import { composantes, formaterDateLocale, FUSEAU, instantLocal } from '../temps/paris'
import { type AnnuaireLieux, lieuDe } from './lieux'
import { lireOuLever, type Occurrence, occurrenceSchema } from './schema'

/**
 * VTIMEZONE d'Europe/Paris : règle de l'Union européenne en vigueur depuis
 * 1996 (dernier dimanche de mars à 2 h → 3 h, dernier dimanche d'octobre à
 * 3 h → 2 h). Un test la confronte à la base tz de Node sur plusieurs années :
 * si la règle changeait un jour, il échouerait.
 */
export const VTIMEZONE_EUROPE_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

// ---------------------------------------------------------------------------
// Objets « Temporal » minimaux pour ical-generator
// ---------------------------------------------------------------------------

const deux = (n: number) => String(n).padStart(2, '0')

function instantTemporal(instant: Date): ICalTemporalInstantStub {
  const iso = instant.toISOString()
  return {
    epochMilliseconds: instant.getTime(),
    epochSeconds: Math.floor(instant.getTime() / 1000),
    toJSON: () => iso,
    toString: () => iso,
    toZonedDateTimeISO: (fuseau: string) => dateZonee(instant, fuseau),
  }
}

/** L'instant vu comme heure murale d'un fuseau (interface Temporal.ZonedDateTime réduite). */
function dateZonee(instant: Date, fuseau: string): ICalTemporalZonedDateTimeStub {
  const c = composantes(instant, fuseau)
  const date = formaterDateLocale(c.annee, c.mois, c.jour)
  const heure = `${deux(c.heure)}:${deux(c.minute)}`
  const texte = `${date}T${heure}:${deux(c.seconde)}[${fuseau}]`
  const jourCivil: ICalTemporalPlainDateStub = { year: c.annee, month: c.mois, day: c.jour, toJSON: () => date, toString: () => date }
  const murale: ICalTemporalPlainDateTimeStub = {
    year: c.annee,
    month: c.mois,
    day: c.jour,
    hour: c.heure,
    minute: c.minute,
    second: c.seconde,
    toJSON: () => `${date}T${heure}:${deux(c.seconde)}`,
    toString: () => `${date}T${heure}:${deux(c.seconde)}`,
    toPlainDate: () => jourCivil,
    toZonedDateTime: (autre: string) => dateZonee(instantLocal(date, heure, autre), autre),
  }
  const zonee: ICalTemporalZonedDateTimeStub = {
    year: c.annee,
    month: c.mois,
    day: c.jour,
    hour: c.heure,
    minute: c.minute,
    second: c.seconde,
    timeZoneId: fuseau,
    toInstant: () => instantTemporal(instant),
    toPlainDateTime: () => murale,
    withTimeZone: (autre: string) => (autre === fuseau ? zonee : dateZonee(instant, autre)),
    toJSON: () => texte,
    toString: () => texte,
  }
  return zonee
}

// ---------------------------------------------------------------------------
// Calendrier
// ---------------------------------------------------------------------------

export const RESUME_EVENEMENT = "Permanence de l'intervenant social"

const optionsSchema = z.object({
  nom: z.string({ error: 'obligatoire' }).trim().min(1, { error: 'obligatoire' }),
  description: z.string({ error: 'texte attendu' }).trim(),
  /** Page publique des permanences : URL du calendrier et lien dans chaque événement. */
  url: z.url({ protocol: /^https?$/, error: 'adresse http(s) attendue' }).optional(),
  lieux: z.custom<AnnuaireLieux>().optional(),
  /** `omises` (par défaut) ou `statut-annule` (STATUS:CANCELLED). */
  annulees: z.enum(['omises', 'statut-annule']).optional().default('omises'),
  /** DTSTAMP quand les occurrences n'ont pas de date de révision. */
  horodatage: z.date().optional(),
  /** Suffixe des UID ; par défaut l'hôte de `url`, sinon « passerelle-iscg-ain ». */
  domaine: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, { error: 'lettres, chiffres, points et tirets' })
    .optional(),
  /** Intervalle de rafraîchissement suggéré aux agendas, en secondes (6 h par défaut). */
  rafraichissement: z.number().int().positive().optional().default(6 * 3600),
})

export type OptionsIcs = z.input<typeof optionsSchema>

/** Instant neutre pour DTSTAMP quand rien d'autre n'est connu : stable d'une génération à l'autre. */
const HORODATAGE_NEUTRE = new Date(Date.UTC(2000, 0, 1))

/**
 * Description : seulement ce que le résumé et le lieu ne disent pas (statut,
 * motif, date d'origine d'un déplacement) et le lien vers la page à jour.
 * Rien de plus, pour garder le flux départemental léger (une ligne de plus
 * par événement, c'est 1 300 lignes de plus sur un an).
 */
function description(o: Occurrence, lieux: AnnuaireLieux | undefined, url: string | undefined): string | undefined {
  const lignes: string[] = []
  const statut = statutEnMots(o)
  if (statut) lignes.push(`${statut.charAt(0).toUpperCase()}${statut.slice(1)}.`)
  if (o.statut === 'deplacee' && o.origine)
    lignes.push(
      `Initialement prévue le ${dateEnMots(o.origine.debut, { avecAnnee: true })}, ${horaireEnMots(o.origine.debut, o.origine.fin)}, ${lieuDe(o.origine.site, lieux).nom}.`,
    )
  if (url) lignes.push(`Informations à jour : ${url}`)
  return lignes.length ? lignes.join('\n') : undefined
}

/**
 * Calendrier ICS (texte) des occurrences données : une permanence par VEVENT,
 * en heure de Paris, UID stables. Les occurrences viennent de
 * `prochainesOccurrences` (éventuellement filtrées par lieu ou par poste).
 */
export function calendrierIcs(occurrences: readonly Occurrence[], options: OptionsIcs): string {
  const o = lireOuLever(optionsSchema, options, 'Options du calendrier invalides')
  const liste = lireOuLever(z.array(occurrenceSchema), occurrences, 'Occurrences invalides')
  const domaine = o.domaine ?? (o.url ? new URL(o.url).hostname : 'passerelle-iscg-ain')

  const calendrier = ical({
    // ical-generator écrit NAME et X-WR-CALDESC sans les échapper.
    name: escape(o.nom, false),
    description: escape(o.description, false),
    prodId: { company: 'Passerelle', product: 'Permanences ISCG Ain', language: 'FR' },
    // Pas de fuseau « de calendrier » : DTSTAMP reste alors en UTC (…Z), comme l'exige la RFC 5545.
    // Le générateur fournit le VTIMEZONE des événements, qui portent chacun leur TZID.
    timezone: { name: null, generator: (fuseau) => (fuseau === FUSEAU ? VTIMEZONE_EUROPE_PARIS : null) },
    ttl: o.rafraichissement,
    x: [['X-WR-TIMEZONE', FUSEAU]],
    ...(o.url ? { url: o.url } : {}),
  })

  for (const occ of [...liste].sort((a, b) => a.debut.getTime() - b.debut.getTime() || a.cle.localeCompare(b.cle))) {
    const annulee = occ.statut === 'annulee' || occ.statut === 'annulee-ferie'
    if (annulee && o.annulees === 'omises') continue
    const lieu = lieuDe(occ.site, o.lieux)
    calendrier.createEvent({
      id: `${occ.cle}@${domaine}`,
      start: dateZonee(occ.debut, FUSEAU),
      end: dateZonee(occ.fin, FUSEAU),
      timezone: FUSEAU,
      stamp: occ.revision ?? o.horodatage ?? HORODATAGE_NEUTRE,
      summary: `${annulee ? 'Annulée – ' : ''}${RESUME_EVENEMENT} – ${lieu.nom}`,
      location: { title: lieu.nom, ...(lieu.adresse ? { address: lieu.adresse } : {}) },
      description: description(occ, o.lieux, o.url) ?? null,
      status: annulee ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(o.url ? { url: o.url } : {}),
    })
  }
  return calendrier.toString()
}
