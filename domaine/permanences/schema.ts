/**
 * Schéma d'une permanence telle que le CMS l'enregistre, et des occurrences
 * qu'on en déduit.
 *
 * Tout ce qui entre dans le module passe par ces schémas : les données viennent
 * de l'admin (champs select qui renvoient des chaînes, champs vides à `null`,
 * dates Payload en horodatage ISO), d'un fichier de seed ou d'un test. Les
 * messages d'erreur sont en français et nomment le champ, car c'est
 * l'opérateur qui les lit, pas un développeur.
 *
 * Les types sont inférés des schémas : `PermanenceSaisie` (ce qu'on peut
 * fournir) et `Permanence` (la forme normalisée, avec les valeurs par défaut).
 */
import { z } from 'zod'

import { dateCivileEnMots } from '../temps/en-mots'
import { formaterDateLocale, jourLocal, lireDateLocale } from '../temps/paris'
import { estDateDeLaSerie, regleMinimaleValide, verifierRegleRrule } from './recurrence'
import { JOURS_OUVRES, MOMENTS, type Moment, RANGS } from './vocabulaire'

// ---------------------------------------------------------------------------
// Briques
// ---------------------------------------------------------------------------

/** « valeur » pour citer ce que l'opérateur a saisi. */
export function decrire(valeur: unknown): string {
  if (valeur === undefined) return 'rien'
  if (valeur === null) return 'vide'
  if (typeof valeur === 'string') return `« ${valeur} »`
  if (typeof valeur === 'number' || typeof valeur === 'boolean') return String(valeur)
  return Array.isArray(valeur) ? 'une liste' : 'un objet'
}

/**
 * Champ facultatif : Payload enregistre `null` pour un champ vidé, on le traite
 * comme absent. Le paramètre typé donne aux appelants TypeScript le bon type
 * d'entrée (`PermanenceSaisie`) ; à l'exécution, tout est revérifié.
 */
function facultatif<S extends z.ZodType>(schema: S) {
  return z.preprocess((v: z.input<S> | null | undefined) => (v === null ? undefined : v), schema.optional())
}
/** Idem, avec une valeur par défaut. */
function parDefaut<S extends z.ZodType>(schema: S, defaut: z.util.NoUndefined<z.output<S>>) {
  return z.preprocess((v: z.input<S> | null | undefined) => (v === null ? undefined : v), schema.optional().default(defaut))
}

/** Identifiant Payload (nombre en SQLite/PostgreSQL, chaîne en MongoDB) ou slug. */
export const referenceSchema = z.union([z.number().int().positive(), z.string().trim().min(1, { error: 'obligatoire (identifiant ou slug)' })], {
  error: (iss) =>
    iss.input === undefined || iss.input === null || iss.input === ''
      ? 'obligatoire (identifiant ou slug)'
      : `identifiant ou slug attendu, reçu ${decrire(iss.input)}`,
})
export type Reference = z.output<typeof referenceSchema>

const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** Horodatage ISO avec fuseau explicite : sans fuseau, sa lecture dépendrait de la machine. */
const RE_HORODATAGE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * Date civile « AAAA-MM-JJ ». Un horodatage (champ date de Payload, objet Date)
 * est ramené au jour qu'il désigne à Paris : minuit à Paris s'écrit la veille
 * à 23 h en UTC, et c'est bien le jour parisien que l'opérateur a choisi.
 */
export const dateLocaleSchema = z.preprocess(
  (v: string | Date) => {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? v : jourLocal(v)
    if (typeof v === 'string') {
      const t = v.trim()
      if (RE_HORODATAGE.test(t) && !Number.isNaN(Date.parse(t))) return jourLocal(new Date(t))
      return t
    }
    return v
  },
  z
    .string({ error: (iss) => (iss.input === undefined ? 'obligatoire (date AAAA-MM-JJ)' : `date attendue, reçu ${decrire(iss.input)}`) })
    .refine(
      (s) => {
        const m = RE_DATE.exec(s)
        if (!m) return false
        const { annee, mois, jour } = lireDateLocale(s)
        const d = new Date(Date.UTC(annee, mois - 1, jour))
        return formaterDateLocale(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) === s
      },
      { error: (iss) => `date invalide ${decrire(iss.input)} (format AAAA-MM-JJ, ex. « 2026-12-08 »)` },
    ),
)

/**
 * Heure murale, normalisée en « HH:MM ». On accepte aussi l'écriture usuelle
 * (« 9:00 », « 14h », « 14 h 30 ») : c'est ce que l'opérateur tape spontanément.
 */
export const heureSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'obligatoire (ex. « 14:00 »)' : `heure attendue, reçu ${decrire(iss.input)}`) })
  .transform((s, ctx) => {
    const m = /^\s*(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\s*$/i.exec(s)
    const h = m ? Number(m[1]) : NaN
    const min = m?.[2] ? Number(m[2]) : 0
    if (!m || h > 23 || min > 59 || (!m[2] && !/h/i.test(s))) {
      ctx.addIssue({ code: 'custom', message: `heure invalide ${decrire(s)} (format « 14:00 » ou « 14 h 30 »)` })
      return z.NEVER
    }
    return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
  })

const MOMENTS_SAISIS: Record<string, Moment> = { matin: 'matin', 'après-midi': 'après-midi', 'apres-midi': 'après-midi' }

/**
 * Créneau : un moment nommé (« matin » 9 h – 12 h, « après-midi » 14 h – 17 h)
 * ou des heures de début et de fin. On garde le moment quand les heures
 * correspondent à un préréglage, pour dire « chaque mardi après-midi » plutôt
 * que « chaque mardi, 14 h – 17 h ».
 */
export type CreneauSaisi = Moment | 'apres-midi' | { debut: string; fin: string }

export const creneauSchema = z.preprocess(
  (v: CreneauSaisi) => {
    if (typeof v === 'string' && MOMENTS_SAISIS[v.trim().toLowerCase()]) {
      const moment = MOMENTS_SAISIS[v.trim().toLowerCase()]!
      return { ...MOMENTS[moment] }
    }
    return v
  },
  z
    .object(
      { debut: heureSchema, fin: heureSchema },
      {
        error: (iss) =>
          iss.input === undefined
            ? 'obligatoire : « matin », « après-midi » ou heures de début et de fin'
            : `« matin », « après-midi » ou heures de début et de fin attendus, reçu ${decrire(iss.input)}`,
      },
    )
    .refine((c) => c.fin > c.debut, { error: "l'heure de fin doit suivre l'heure de début", path: ['fin'] })
    .transform((c) => {
      const moment = (Object.keys(MOMENTS) as Moment[]).find((m) => MOMENTS[m].debut === c.debut && MOMENTS[m].fin === c.fin)
      return moment ? { debut: c.debut, fin: c.fin, moment } : { debut: c.debut, fin: c.fin }
    }),
)
export type Creneau = z.output<typeof creneauSchema>

export const jourSchema = z.enum(JOURS_OUVRES, {
  error: (iss) =>
    iss.input === undefined ? 'obligatoire (lundi à vendredi)' : `jour de lundi à vendredi attendu, reçu ${decrire(iss.input)}`,
})

/** Rang dans le mois. Un champ select renvoie « 2 » ou « dernier » : on les accepte aussi. */
export const rangSchema = z.preprocess(
  (v: (typeof RANGS)[number] | `${(typeof RANGS)[number]}` | 'dernier') => (v === 'dernier' ? -1 : typeof v === 'string' && /^\s*-?\d\s*$/.test(v) ? Number(v) : v),
  z.literal(RANGS, {
    error: (iss) =>
      iss.input === undefined ? 'obligatoire (1 à 5, ou « dernier »)' : `rang 1 à 5 ou « dernier » (-1) attendu, reçu ${decrire(iss.input)}`,
  }),
)

const motifSchema = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'obligatoire : il s’affiche dans le bandeau (« congés », « formation »…)' : `texte attendu, reçu ${decrire(iss.input)}`) })
  .trim()
  .min(2, { error: 'obligatoire : il s’affiche dans le bandeau (« congés », « formation »…)' })
  .max(200, { error: '200 caractères au plus (il s’affiche dans un bandeau)' })

const texteFacultatif = facultatif(z.string().trim().max(200, { error: '200 caractères au plus' }))

// ---------------------------------------------------------------------------
// Récurrence : les préréglages de l'opérateur
// ---------------------------------------------------------------------------

const chaqueSemaine = z.object({ type: z.literal('chaque-semaine'), jour: jourSchema })
const niemeDuMois = z.object({ type: z.literal('nieme-du-mois'), jour: jourSchema, rang: rangSchema })
const plusieursDuMois = z.object({
  type: z.literal('plusieurs-du-mois'),
  jour: jourSchema,
  rangs: z
    .array(rangSchema, { error: (iss) => `liste de rangs attendue (ex. [1, 2, 3]), reçu ${decrire(iss.input)}` })
    .min(2, { error: 'au moins deux rangs (pour un seul, choisir « le n-ième du mois »)' })
    .refine((r) => new Set(r).size === r.length, { error: 'un même rang est cité deux fois' })
    // 1er, 2e… puis « dernier » : l'ordre de lecture naturel, et une forme normalisée stable.
    .transform((r) => [...r].sort((a, b) => (a === -1 ? 99 : a) - (b === -1 ? 99 : b))),
})
const unParMois = z.object({
  type: z.literal('un-par-mois'),
  jour: jourSchema,
  /** « Un jeudi par mois » ne dit pas lequel : le 1er par défaut, l'opérateur peut préciser. */
  rang: parDefaut(rangSchema, 1),
})
const personnalisee = z.object({
  type: z.literal('personnalisee'),
  rrule: z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'obligatoire (ex. « FREQ=WEEKLY;INTERVAL=2;BYDAY=TU »)' : `texte attendu, reçu ${decrire(iss.input)}`) })
    .transform((s, ctx) => {
      const resultat = verifierRegleRrule(s)
      if (!resultat.ok) {
        ctx.addIssue({ code: 'custom', message: resultat.erreur })
        return z.NEVER
      }
      return resultat.regle
    }),
  /** Libellé en clair, ex. « un mardi sur deux » : une règle RRULE ne se lit pas en français. */
  libelle: texteFacultatif,
})
const aPreciser = z.object({
  type: z.literal('a-preciser'),
  /** Ex. « en cours de définition avec la CAF » : affiché après « à préciser ». */
  precision: texteFacultatif,
})

export const TYPES_RECURRENCE = ['chaque-semaine', 'nieme-du-mois', 'plusieurs-du-mois', 'un-par-mois', 'personnalisee', 'a-preciser'] as const

export const recurrenceSchema = z.discriminatedUnion('type', [chaqueSemaine, niemeDuMois, plusieursDuMois, unParMois, personnalisee, aPreciser], {
  error: (iss) =>
    `type de récurrence ${decrire((iss.input as { type?: unknown } | undefined)?.type)} inconnu (attendu : ${TYPES_RECURRENCE.join(', ')})`,
})
export type Recurrence = z.output<typeof recurrenceSchema>
export type RecurrenceSaisie = z.input<typeof recurrenceSchema>

// ---------------------------------------------------------------------------
// Exceptions : fermetures, déplacements, ajouts
// ---------------------------------------------------------------------------

/** Première date d'affichage du bandeau ; par défaut quelques jours avant (voir `bandeaux.ts`). */
const afficherDes = facultatif(dateLocaleSchema)

const fermeture = z
  .object({
    type: z.literal('fermeture'),
    du: dateLocaleSchema,
    au: facultatif(dateLocaleSchema),
    motif: motifSchema,
    afficherDes,
  })
  .transform((e) => ({ ...e, au: e.au ?? e.du }))
  .refine((e) => e.au >= e.du, { error: 'la date de fin de fermeture précède la date de début', path: ['au'] })

const deplacement = z
  .object({
    type: z.literal('deplacement'),
    /** Date de la permanence déplacée (une date de la série). */
    date: dateLocaleSchema,
    motif: motifSchema,
    /** Nouveau lieu, s'il change. */
    site: facultatif(referenceSchema),
    /** Nouvelle date, si elle change. */
    nouvelleDate: facultatif(dateLocaleSchema),
    /** Nouvel horaire, s'il change. */
    creneau: facultatif(creneauSchema),
    afficherDes,
  })
  .refine((e) => e.site !== undefined || e.nouvelleDate !== undefined || e.creneau !== undefined, {
    error: 'indiquer au moins un nouveau lieu, une nouvelle date ou un nouvel horaire',
    path: ['site'],
  })

const ajout = z.object({
  type: z.literal('ajout'),
  date: dateLocaleSchema,
  /** Horaire de cette date ; par défaut celui de la permanence. */
  creneau: facultatif(creneauSchema),
  /** Lieu de cette date ; par défaut celui de la permanence. */
  site: facultatif(referenceSchema),
  motif: parDefaut(motifSchema, 'permanence supplémentaire'),
  afficherDes,
})

export const TYPES_EXCEPTION = ['fermeture', 'deplacement', 'ajout'] as const

const unionExceptions = z.discriminatedUnion('type', [fermeture, deplacement, ajout], {
  error: (iss) =>
    `type d'exception ${decrire((iss.input as { type?: unknown } | undefined)?.type)} inconnu (attendu : fermeture, deplacement ou ajout)`,
})

/** Fermeture d'une seule journée écrite avec « date » plutôt que « du »/« au ». */
type FermetureDUnJour = Omit<z.input<typeof fermeture>, 'du' | 'au'> & { date: string | Date }
export type ExceptionSaisie = z.input<typeof unionExceptions> | FermetureDUnJour

/** Une fermeture d'une seule journée peut s'écrire avec « date » : on la ramène à « du »/« au ». */
function dateSeuleEnPeriode(v: ExceptionSaisie): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if (o.type === 'fermeture' && (o.du === undefined || o.du === null) && o.date !== undefined && o.date !== null) {
      const { date, ...reste } = o
      return { ...reste, du: date, au: o.au ?? date }
    }
  }
  return v
}

export const exceptionSchema = z.preprocess(dateSeuleEnPeriode, unionExceptions)
export type Exception = z.output<typeof exceptionSchema>

// ---------------------------------------------------------------------------
// Permanence
// ---------------------------------------------------------------------------

export const permanenceSchema = z
  .object(
    {
      /** Identifiant CMS : il fonde les UID du flux ICS, qui doivent survivre aux modifications. */
      id: facultatif(z.union([z.number().int(), z.string().trim().min(1)])),
      site: referenceSchema,
      poste: referenceSchema,
      creneau: facultatif(creneauSchema),
      recurrence: recurrenceSchema,
      dateDebut: facultatif(dateLocaleSchema),
      dateFin: facultatif(dateLocaleSchema),
      /** Par défaut un jour férié annule la permanence ; cocher pour la maintenir. */
      joursFeriesMaintenus: parDefaut(z.boolean({ error: 'oui ou non attendu' }), false),
      exceptions: parDefaut(z.array(exceptionSchema, { error: (iss) => `liste attendue, reçu ${decrire(iss.input)}` }), []),
      /** Champ automatique de Payload : sert de DTSTAMP dans le flux ICS (dernière révision). */
      updatedAt: z.preprocess(
        (v: Date | string | null | undefined) => (v === null ? undefined : typeof v === 'string' ? new Date(v) : v),
        z.date({ error: 'horodatage invalide' }).optional(),
      ),
    },
    { error: (iss) => `permanence attendue (objet), reçu ${decrire(iss.input)}` },
  )
  .superRefine((p, ctx) => {
    if (p.dateDebut && p.dateFin && p.dateFin < p.dateDebut)
      ctx.addIssue({ code: 'custom', path: ['dateFin'], message: 'la date de fin précède la date de début' })

    if (p.recurrence.type !== 'a-preciser' && !p.creneau)
      ctx.addIssue({
        code: 'custom',
        path: ['creneau'],
        message: 'obligatoire pour une permanence régulière : « matin », « après-midi » ou heures de début et de fin',
      })

    if (p.recurrence.type === 'personnalisee') {
      const manque = regleMinimaleValide(p.recurrence.rrule, p.dateDebut)
      if (manque) ctx.addIssue({ code: 'custom', path: ['dateDebut'], message: manque })
    }

    const deplacees = new Set<string>()
    p.exceptions.forEach((e, i) => {
      if (e.type === 'deplacement') {
        if (p.recurrence.type === 'a-preciser') {
          ctx.addIssue({
            code: 'custom',
            path: ['exceptions', i, 'type'],
            message: 'rien à déplacer tant que le rythme est « à préciser » : utiliser un ajout de date',
          })
          return
        }
        if (deplacees.has(e.date))
          ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: `la permanence du ${dateCivileEnMots(e.date, true)} est déjà déplacée par une autre exception` })
        deplacees.add(e.date)
        // Une permanence déplacée doit exister : sinon l'opérateur s'est trompé de date et rien ne changerait.
        if (p.creneau && !estDateDeLaSerie(p, e.date))
          ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: `le ${dateCivileEnMots(e.date, true)} n'est pas un jour de cette permanence` })
      }
      if (e.type === 'ajout' && !e.creneau && !p.creneau)
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', i, 'creneau'],
          message: "obligatoire : la permanence n'a pas d'horaire habituel à reprendre",
        })
    })
  })

export type Permanence = z.output<typeof permanenceSchema>
export type PermanenceSaisie = z.input<typeof permanenceSchema>

// ---------------------------------------------------------------------------
// Occurrences : ce que les pages, le flux ICS et les plaquettes consomment
// ---------------------------------------------------------------------------

export const STATUTS = ['prevue', 'annulee-ferie', 'annulee', 'deplacee', 'ajoutee'] as const
export type Statut = (typeof STATUTS)[number]

/** Un instant : objet Date, ou sa forme JSON (les occurrences peuvent transiter en JSON jusqu'aux pages). */
export const instantSchema = z.preprocess(
  (v: Date | string) => (typeof v === 'string' && RE_HORODATAGE.test(v) ? new Date(v) : v),
  z.date({ error: (iss) => `instant attendu (Date ou ISO 8601 avec fuseau), reçu ${decrire(iss.input)}` }),
)

export const occurrenceSchema = z
  .object({
    /** Clé stable : permanence + date d'origine. Une permanence déplacée garde la clé de la date qu'elle remplace. */
    cle: z.string().min(1),
    permanence: z.union([z.number(), z.string()]).optional(),
    site: referenceSchema,
    poste: referenceSchema,
    debut: instantSchema,
    fin: instantSchema,
    /** Heures murales à Paris (pour dire « après-midi » ou « 14 h – 17 h » sans recalcul). */
    creneau: z.object({ debut: z.string(), fin: z.string(), moment: z.enum(['matin', 'après-midi']).optional() }),
    statut: z.enum(STATUTS),
    motif: z.string().optional(),
    /** Pour une permanence déplacée : où et quand elle devait avoir lieu. */
    origine: z.object({ debut: instantSchema, fin: instantSchema, site: referenceSchema }).optional(),
    revision: instantSchema.optional(),
  })
  .refine((o) => o.fin > o.debut, { error: 'la fin précède le début', path: ['fin'] })
export type Occurrence = z.output<typeof occurrenceSchema>

// ---------------------------------------------------------------------------
// Lecture et messages
// ---------------------------------------------------------------------------

const LIBELLES_CHAMPS: Record<string, string> = {
  id: 'identifiant',
  site: 'lieu (site)',
  poste: 'poste',
  creneau: 'créneau',
  debut: 'heure de début',
  fin: 'heure de fin',
  recurrence: 'récurrence',
  type: 'type',
  jour: 'jour',
  rang: 'rang',
  rangs: 'rangs',
  rrule: 'règle personnalisée (RRULE)',
  libelle: 'libellé',
  precision: 'précision',
  dateDebut: 'date de début',
  dateFin: 'date de fin',
  joursFeriesMaintenus: 'jours fériés maintenus',
  exceptions: 'exceptions',
  du: 'du',
  au: 'au',
  date: 'date',
  nouvelleDate: 'nouvelle date',
  motif: 'motif',
  afficherDes: 'afficher le bandeau dès le',
  updatedAt: 'date de mise à jour',
  // Options des fonctions (calcul, bandeaux, calendrier, semaine).
  depuis: 'depuis',
  jusqua: 'jusqu’à',
  limite: 'limite',
  preavisJours: 'préavis (jours)',
  nom: 'nom du calendrier',
  description: 'description',
  url: 'adresse (url)',
  domaine: 'domaine des UID',
  annee: 'année',
  semaine: 'semaine',
}

/** « exception n° 2 › motif » : le chemin d'un problème, dit en français. */
export function cheminEnFrancais(chemin: readonly PropertyKey[]): string {
  const morceaux: string[] = []
  chemin.forEach((segment, i) => {
    if (typeof segment === 'number') {
      const parent = chemin[i - 1]
      if (parent === 'exceptions') morceaux[morceaux.length - 1] = `exception n° ${segment + 1}`
      else if (parent === 'rangs') morceaux[morceaux.length - 1] = `rang n° ${segment + 1}`
      else morceaux.push(`n° ${segment + 1}`)
    } else morceaux.push(LIBELLES_CHAMPS[String(segment)] ?? String(segment))
  })
  return morceaux.join(' › ')
}

export type Probleme = { champ: string; message: string }

export function problemesDe(erreur: z.ZodError): Probleme[] {
  return erreur.issues.map((i) => ({ champ: cheminEnFrancais(i.path), message: i.message }))
}

export class ErreurPermanence extends Error {
  readonly problemes: Probleme[]
  constructor(problemes: Probleme[], contexte = 'Permanence invalide') {
    super(`${contexte} :\n${problemes.map((p) => `- ${p.champ ? `${p.champ} : ` : ''}${p.message}`).join('\n')}`)
    this.name = 'ErreurPermanence'
    this.problemes = problemes
  }
}

/** Valide une entrée quelconque (options, occurrences) ; en cas d'échec, `ErreurPermanence` en français. */
export function lireOuLever<S extends z.ZodType>(schema: S, donnees: unknown, contexte: string): z.output<S> {
  const r = schema.safeParse(donnees)
  if (!r.success) throw new ErreurPermanence(problemesDe(r.error), contexte)
  return r.data
}

export type ResultatValidation = { ok: true; permanence: Permanence } | { ok: false; problemes: Probleme[]; message: string }

/** Pour l'admin : ne lève pas, renvoie les problèmes champ par champ. */
export function validerPermanence(donnees: unknown): ResultatValidation {
  const r = permanenceSchema.safeParse(donnees)
  if (r.success) return { ok: true, permanence: r.data }
  const problemes = problemesDe(r.error)
  return { ok: false, problemes, message: new ErreurPermanence(problemes).message }
}

/** Lit une permanence ou lève `ErreurPermanence` (message en français, champ par champ). */
export function lirePermanence(donnees: unknown): Permanence {
  const r = validerPermanence(donnees)
  if (!r.ok) throw new ErreurPermanence(r.problemes)
  return r.permanence
}

/** Lit une liste de permanences ; le message situe la permanence fautive (n° et identifiant). */
export function lirePermanences(donnees: unknown): Permanence[] {
  if (!Array.isArray(donnees)) throw new ErreurPermanence([{ champ: '', message: `liste de permanences attendue, reçu ${decrire(donnees)}` }])
  return donnees.map((d, i) => {
    const r = validerPermanence(d)
    if (r.ok) return r.permanence
    const id = d && typeof d === 'object' && 'id' in d ? ` (id ${String((d as { id: unknown }).id)})` : ''
    throw new ErreurPermanence(r.problemes, `Permanence n° ${i + 1}${id} invalide`)
  })
}
