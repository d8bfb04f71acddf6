import { z } from 'zod'

import thematiques from '../codes/thematiques.json' with { type: 'json' }

/**
 * Logigramme du circuit de l'information (cahier des charges ISCG de l'Ain,
 * « Modalités de mise en œuvre » : « document de type logigramme : circuit de
 * l'information, saisine, agrément accès module OPS… »).
 *
 * C'est un graphe orienté : chaque étape mène à d'autres par des branches
 * (« Oui », « Non », « La personne refuse »…). Le même objet alimente le schéma
 * SVG, le questionnaire pas à pas et le PDF imprimable : aucune image dessinée à
 * la main ne fait foi.
 *
 * Règles (messages en français, qui nomment l'étape, car l'opérateur les lit) :
 * - identifiants uniques, chaque branche mène à une étape existante ;
 * - exactement un point de départ : la première étape de la liste, vers
 *   laquelle aucune branche ne mène (toute autre étape sans branche entrante
 *   serait un second départ) ; toutes les étapes en sont accessibles ;
 * - aucune boucle ;
 * - tout parcours aboutit à une action ou à une fin : une étape ou une question
 *   sans branche est une impasse, une fin n'a pas de branche ;
 * - une question propose au moins deux réponses, toutes libellées ;
 * - le circuit avance dans l'ordre des phases (repérage → saisine → évaluation
 *   → orientation → retour d'information) : une branche ne revient jamais à une
 *   phase antérieure.
 */

export const TYPES_ETAPE = {
  etape: 'Étape',
  question: 'Question',
  action: 'Action',
  fin: 'Fin du parcours',
} as const
export type TypeEtape = keyof typeof TYPES_ETAPE

export const ACTEURS = {
  FSI: 'Policier ou gendarme',
  IS: 'Intervenant social',
  partenaire: 'Partenaire',
} as const
export type Acteur = keyof typeof ACTEURS

/** Les phases du circuit, dans l'ordre (protocole-cadre de 2013 pour le retour d'information). */
export const PHASES = {
  reperage: 'Repérage',
  saisine: 'Saisine',
  evaluation: 'Évaluation',
  orientation: 'Orientation',
  retour: 'Retour d’information',
} as const
export type Phase = keyof typeof PHASES
export const ORDRE_PHASES = Object.keys(PHASES) as Phase[]

export const THEMATIQUES: Record<string, string> = thematiques

const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]

export const RE_IDENTIFIANT_ETAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/

function decrire(valeur: unknown): string {
  if (valeur === undefined) return 'rien'
  if (valeur === null) return 'vide'
  if (typeof valeur === 'string') return `« ${valeur.length > 60 ? `${valeur.slice(0, 57)}…` : valeur} »`
  if (Array.isArray(valeur)) return 'une liste'
  return typeof valeur === 'object' ? 'un objet' : String(valeur)
}

const texte = (champ: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `${champ} : obligatoire` : `${champ} : texte attendu, reçu ${decrire(iss.input)}`) })
    .trim()
    .min(1, { error: `${champ} : ne doit pas être vide` })
    .max(max, { error: `${champ} : ${max} caractères maximum` })

const choix = <T extends Record<string, string>>(champ: string, valeurs: T) =>
  z.enum(cles(valeurs), {
    error: (iss) =>
      iss.input === undefined || iss.input === null
        ? `${champ} : obligatoire`
        : `${champ} : valeur inconnue ${decrire(iss.input)} (attendu : ${Object.keys(valeurs).join(', ')})`,
  })

export const brancheSchema = z.strictObject(
  {
    /** Ce qui fait prendre la branche : « Oui », « Non », « La personne refuse »… Facultatif s'il n'y a qu'une suite. */
    libelle: texte('libellé', 80).optional(),
    /** Identifiant de l'étape suivante. */
    vers: texte('vers (étape suivante)', 60),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `champ inconnu : ${iss.keys.join(', ')}` : 'branche : objet attendu') },
)

export const etapeSchema = z.strictObject(
  {
    id: texte('identifiant', 60).regex(RE_IDENTIFIANT_ETAPE, {
      error: (iss) => `identifiant : lettres minuscules sans accent, chiffres et tirets (il sert d'adresse de page), reçu ${decrire(iss.input)}`,
    }),
    type: choix('type', TYPES_ETAPE),
    phase: choix('phase', PHASES),
    titre: texte('titre', 120),
    texte: texte('texte', 2000),
    acteur: choix('acteur', ACTEURS).optional(),
    /** Fondement juridique cité (« Article 226-14 du code pénal »). */
    fondement: texte('fondement', 200).optional(),
    /** Codes de thématiques data·inclusion : partenaires de l'annuaire à proposer. */
    thematiques: z
      .array(
        z.string().refine((c) => c in THEMATIQUES, { error: (iss) => `thématiques : code inconnu ${decrire(iss.input)}` }),
        { error: 'thématiques : liste de codes attendue' },
      )
      .max(8, { error: 'thématiques : 8 au maximum' })
      .optional(),
    branches: z.array(brancheSchema, { error: 'branches : liste attendue' }).max(8, { error: 'branches : 8 au maximum' }).default([]),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `champ inconnu : ${iss.keys.join(', ')}` : 'étape : objet attendu') },
)

export type Branche = z.output<typeof brancheSchema>
export type Etape = z.output<typeof etapeSchema>
export type EtapeSaisie = z.input<typeof etapeSchema>

// ---------------------------------------------------------------------------
// Outils de graphe (partagés avec domaine/logigramme)
// ---------------------------------------------------------------------------

type Graphe = { etapes: readonly { id: string; branches: readonly { vers: string }[] }[] }

/** Étapes vers lesquelles aucune branche ne mène, dans l'ordre de la liste. */
export function racines(g: Graphe): string[] {
  const cibles = new Set(g.etapes.flatMap((e) => e.branches.map((b) => b.vers)))
  return g.etapes.filter((e) => !cibles.has(e.id)).map((e) => e.id)
}

/** Identifiants accessibles depuis `depart` (lui compris). */
export function accessiblesDepuis(g: Graphe, depart: string): Set<string> {
  const parId = new Map(g.etapes.map((e) => [e.id, e]))
  const vus = new Set<string>([depart])
  const pile = [depart]
  while (pile.length > 0) {
    const e = parId.get(pile.pop()!)
    for (const b of e?.branches ?? []) {
      if (vus.has(b.vers) || !parId.has(b.vers)) continue
      vus.add(b.vers)
      pile.push(b.vers)
    }
  }
  return vus
}

export type Boucle = { depuis: string; branche: number; cycle: string[] }

/** Branches qui referment une boucle (parcours en profondeur), avec la boucle qu'elles ferment. */
export function boucles(g: Graphe): Boucle[] {
  const parId = new Map(g.etapes.map((e) => [e.id, e]))
  const etat = new Map<string, 'en-cours' | 'fini'>()
  const pile: string[] = []
  const trouvees: Boucle[] = []
  const visiter = (id: string) => {
    etat.set(id, 'en-cours')
    pile.push(id)
    parId.get(id)!.branches.forEach((b, i) => {
      if (!parId.has(b.vers)) return
      const s = etat.get(b.vers)
      if (s === 'en-cours') trouvees.push({ depuis: id, branche: i, cycle: [...pile.slice(pile.indexOf(b.vers)), b.vers] })
      else if (s === undefined) visiter(b.vers)
    })
    pile.pop()
    etat.set(id, 'fini')
  }
  for (const e of g.etapes) if (!etat.has(e.id)) visiter(e.id)
  return trouvees
}

// ---------------------------------------------------------------------------
// Règles du graphe
// ---------------------------------------------------------------------------

const guillemets = (s: string) => `« ${s} »`
const nomBranche = (b: Branche, i: number) => (b.libelle ? `la branche ${guillemets(b.libelle)}` : `la branche n° ${i + 1}`)

function reglesDuGraphe(l: { etapes: Etape[] }, ctx: z.core.$RefinementCtx<unknown>) {
  const { etapes } = l
  const ajouter = (chemin: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['etapes', ...chemin], message })

  // Identifiants uniques
  const premier = new Map<string, number>()
  etapes.forEach((e, i) => {
    const p = premier.get(e.id)
    if (p !== undefined) ajouter([i, 'id'], `identifiant ${guillemets(e.id)} déjà utilisé par l'étape n° ${p + 1} (${guillemets(etapes[p]!.titre)})`)
    else premier.set(e.id, i)
  })
  const parId = new Map(etapes.map((e) => [e.id, e]))

  // Branches vers des étapes existantes, forme des étapes selon leur type
  etapes.forEach((e, i) => {
    e.branches.forEach((b, j) => {
      if (!parId.has(b.vers)) ajouter([i, 'branches', j, 'vers'], `${nomBranche(b, j)} mène à ${guillemets(b.vers)}, qui n'existe pas`)
      if (e.branches.length > 1 && !b.libelle)
        ajouter([i, 'branches', j, 'libelle'], `${nomBranche(b, j)} n'a pas de libellé : quand il y a plusieurs suites, chacune dit quand la prendre`)
    })
    if (e.type === 'fin' && e.branches.length > 0) ajouter([i, 'branches'], 'une fin de parcours ne peut pas avoir de branche')
    if (e.type === 'question' && e.branches.length === 1)
      ajouter([i, 'branches'], 'une question propose au moins deux réponses (une seule branche : choisir le type « étape »)')
    if ((e.type === 'question' || e.type === 'etape') && e.branches.length === 0)
      ajouter([i, 'branches'], `aucune branche : un parcours s'arrête ici sans aboutir à une action ni à une fin (impasse)`)
  })

  // Phases dans l'ordre du circuit
  const rang = (p: Phase) => ORDRE_PHASES.indexOf(p)
  etapes.forEach((e, i) =>
    e.branches.forEach((b, j) => {
      const cible = parId.get(b.vers)
      if (cible && rang(cible.phase) < rang(e.phase))
        ajouter(
          [i, 'branches', j, 'vers'],
          `${nomBranche(b, j)} revient de la phase ${guillemets(PHASES[e.phase])} à la phase ${guillemets(PHASES[cible.phase])} ` +
            `de l'étape ${guillemets(cible.id)} : le circuit va du repérage au retour d'information`,
        )
    }),
  )

  // Un seul départ : la première étape de la liste, vers laquelle aucune branche ne mène
  const depart = etapes[0]!
  const versDepart = etapes.filter((e) => e.branches.some((b) => b.vers === depart.id))
  if (versDepart.length > 0)
    ajouter(
      [0, 'id'],
      `le départ (première étape de la liste) ne peut pas être la cible d'une branche : ${versDepart.map((e) => guillemets(e.id)).join(', ')} y mène${versDepart.length > 1 ? 'nt' : ''}`,
    )
  const autresDeparts = racines(l).filter((id) => id !== depart.id)
  for (const id of autresDeparts)
    ajouter(
      [etapes.findIndex((e) => e.id === id), 'id'],
      `aucune branche ne mène à cette étape : c'est un second point de départ (le départ est la première étape de la liste, ${guillemets(depart.id)}) ; il en faut exactement un`,
    )

  // Toutes les étapes accessibles depuis le départ
  const accessibles = accessiblesDepuis(l, depart.id)
  etapes.forEach((e, i) => {
    if (!accessibles.has(e.id) && !autresDeparts.includes(e.id))
      ajouter([i, 'id'], `étape inaccessible : aucun parcours depuis le départ ${guillemets(depart.id)} n'y mène`)
  })

  // Aucune boucle
  for (const { depuis, branche, cycle } of boucles(l)) {
    const i = etapes.findIndex((e) => e.id === depuis)
    ajouter(
      [i, 'branches', branche, 'vers'],
      `${nomBranche(etapes[i]!.branches[branche]!, branche)} crée une boucle : ${cycle.map(guillemets).join(' → ')}`,
    )
  }
}

export const logigrammeSchema = z
  .strictObject(
    {
      _source: z.string().optional(),
      titre: texte('titre du logigramme', 150),
      introduction: texte('introduction', 2000).optional(),
      etapes: z.array(etapeSchema, { error: 'étapes : liste attendue' }).min(1, { error: 'le logigramme doit avoir au moins une étape' }),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `champ inconnu : ${iss.keys.join(', ')}` : 'logigramme : objet attendu') },
  )
  .superRefine(reglesDuGraphe)

export type Logigramme = z.output<typeof logigrammeSchema>
export type LogigrammeSaisi = z.input<typeof logigrammeSchema>

// ---------------------------------------------------------------------------
// Validation avec problèmes lisibles
// ---------------------------------------------------------------------------

export type ProblemeLogigramme = {
  /** Identifiant de l'étape concernée (ou « n° 4 » s'il manque), absent pour le logigramme entier. */
  etape?: string
  /** Chemin du champ à partir de la racine : ['etapes', 3, 'branches', 1, 'vers']. */
  chemin: (string | number)[]
  /** Champ dans l'étape : « branches[1].vers ». */
  champ: string
  message: string
}

function champDe(chemin: readonly PropertyKey[]): string {
  let t = ''
  for (const s of chemin) t += typeof s === 'number' ? `[${s}]` : t ? `.${String(s)}` : String(s)
  return t
}

/** « étape « signalement-procureur », champ branches[0].vers : … » */
export function formaterProbleme(p: ProblemeLogigramme): string {
  const ou = p.etape ? `étape ${guillemets(p.etape)}${p.champ ? `, champ ${p.champ}` : ''}` : p.champ ? `champ ${p.champ}` : 'logigramme'
  return `${ou} : ${p.message}`
}

export type ResultatValidation = { ok: true; logigramme: Logigramme } | { ok: false; problemes: ProblemeLogigramme[] }

export function validerLogigramme(donnees: unknown): ResultatValidation {
  const r = logigrammeSchema.safeParse(donnees)
  if (r.success) return { ok: true, logigramme: r.data }
  const etapes = (donnees as { etapes?: unknown } | null)?.etapes
  const problemes = r.error.issues.map((iss): ProblemeLogigramme => {
    const chemin = iss.path.filter((s): s is string | number => typeof s !== 'symbol')
    if (chemin[0] === 'etapes' && typeof chemin[1] === 'number') {
      const brute = Array.isArray(etapes) ? (etapes[chemin[1]] as { id?: unknown } | undefined) : undefined
      const id = typeof brute?.id === 'string' && brute.id ? brute.id : `n° ${chemin[1] + 1}`
      return { etape: id, chemin, champ: champDe(chemin.slice(2)), message: iss.message }
    }
    return { chemin, champ: champDe(chemin), message: iss.message }
  })
  return { ok: false, problemes }
}

export class ErreurLogigramme extends Error {
  constructor(public readonly problemes: ProblemeLogigramme[]) {
    super(`Logigramme invalide :\n${problemes.map((p) => `  - ${formaterProbleme(p)}`).join('\n')}`)
    this.name = 'ErreurLogigramme'
  }
}

/** Valide ou lève une `ErreurLogigramme` qui liste tous les problèmes. */
export function lireLogigramme(donnees: unknown): Logigramme {
  const r = validerLogigramme(donnees)
  if (!r.ok) throw new ErreurLogigramme(r.problemes)
  return r.logigramme
}
