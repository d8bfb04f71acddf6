import { z } from 'zod'

import { referentiels } from '../../content/schemas/data-inclusion.ts'
import { mots } from '../texte.ts'

/**
 * Schéma du vocabulaire de recherche : la liste de sigles et de mots du
 * terrain (« VIF », « femme battue », « gamin fugueur », « plus rien à
 * manger ») rattachés aux codes data·inclusion (thématiques, publics) et aux
 * types de partenaires Passerelle.
 *
 * C'est une donnée, pas du code : l'opérateur la modifie dans l'admin (un
 * référentiel du CMS) et les deux moteurs la reçoivent en paramètre. Le schéma
 * garantit qu'une modification ne casse pas la recherche : codes connus,
 * expressions non vides, et aucune expression rattachée à deux entrées (le
 * sens d'une saisie doit être unique).
 */

type Codes<T> = [Extract<keyof T, string>, ...Extract<keyof T, string>[]]
const codesDe = <T extends Record<string, string>>(liste: T) => Object.keys(liste) as Codes<T>

/** `inconnu` : « thématique inconnue », « public inconnu »… (accordé par l'appelant). */
const listeDeCodes = <T extends Record<string, string>>(liste: T, quoi: string, inconnu: string) =>
  z
    .array(
      z.enum(codesDe(liste), {
        error: (iss) => (typeof iss.input === 'string' ? `${inconnu} : « ${iss.input} »` : `${quoi} : code (texte) attendu`),
      }),
    )
    .default([])

const expression = (quoi: string) =>
  z
    .string({ error: `${quoi} : texte attendu` })
    .trim()
    .min(1, { error: `${quoi} : ne doit pas être vide`, abort: true })
    .max(120, { error: `${quoi} : 120 caractères maximum` })
    .refine((s) => mots(s).length > 0, { error: (iss) => `${quoi} : « ${String(iss.input)} » ne contient aucun mot` })

export const entreeVocabulaire = z
  .object({
    code: z
      .string({ error: 'code : texte attendu' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'code : lettres minuscules, chiffres et tirets' }),
    libelle: z.string({ error: 'libellé : texte attendu' }).trim().min(2, { error: 'libellé trop court' }),
    /** Sigles et numéros, reconnus tels quels (sans faute de frappe) : VIF, CMP, 115. */
    sigles: z.array(expression('sigle')).default([]),
    /** Mots et expressions du terrain, reconnus avec accents, fautes de frappe et pluriels. */
    expressions: z.array(expression('expression')).default([]),
    /** Mots cherchés dans les fiches quand l'entrée est reconnue (ils ne servent pas à la reconnaître). */
    mots_associes: z.array(expression('mot associé')).default([]),
    thematiques: listeDeCodes(referentiels.thematiques, 'thématique', 'thématique inconnue'),
    types_partenaires: listeDeCodes(referentiels.typesPartenaires, 'type de partenaire', 'type de partenaire inconnu'),
    publics: listeDeCodes(referentiels.publics, 'public', 'public inconnu'),
  })
  .superRefine((e, ctx) => {
    if (e.sigles.length + e.expressions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['expressions'], message: 'au moins un sigle ou une expression attendu' })
    if (e.thematiques.length + e.types_partenaires.length + e.publics.length + e.mots_associes.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['thematiques'],
        message: 'l’entrée ne mène à rien : au moins une thématique, un type de partenaire, un public ou un mot associé attendu',
      })
  })

/** Forme comparable d'une expression : « Hébergement d'urgence » = « hebergement d urgence ». */
export const cleExpression = (s: string): string => mots(s).join(' ')

export const fichierVocabulaire = z
  .object({
    version: z.literal(1, { error: 'version : 1 attendu' }),
    _description: z.string().optional(),
    /** Mots sans intérêt pour la recherche, en plus des mots vides du français (« besoin », « cherche »). */
    mots_vides: z.array(expression('mot vide')).default([]),
    /**
     * Abréviations des saisies rapides (SMS, prise de notes) : « pr » → « pour »,
     * « kel » → « quel », « hbgt » → « hébergement ». Développées seulement
     * quand le mot saisi n'est connu ni de l'annuaire ni du vocabulaire.
     */
    abreviations: z
      .record(z.string(), expression('développement d’abréviation'))
      .superRefine((liste, ctx) => {
        for (const abreviation of Object.keys(liste))
          if (!/^[a-z0-9]+$/.test(abreviation))
            ctx.addIssue({ code: 'custom', path: [abreviation], message: `abréviation « ${abreviation} » : un seul mot, en minuscules sans accents` })
      })
      .default({}),
    entrees: z.array(entreeVocabulaire),
  })
  .superRefine((v, ctx) => {
    for (const p of problemesEntreEntrees(v)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message })
  })

/**
 * Règles entre entrées : codes uniques, et aucune forme (sigle ou expression)
 * rattachée à deux entrées. Écrites sur des données brutes pour pouvoir être
 * vérifiées même quand une entrée est invalide par ailleurs (tous les
 * problèmes signalés d'un coup, voir `validerVocabulaire`).
 */
export function problemesEntreEntrees(donnees: unknown): { path: (string | number)[]; message: string }[] {
  const problemes: { path: (string | number)[]; message: string }[] = []
  const entrees = donnees && typeof donnees === 'object' ? (donnees as { entrees?: unknown }).entrees : undefined
  if (!Array.isArray(entrees)) return problemes
  const codes = new Map<string, number>()
  const vues = new Map<string, string>()
  entrees.forEach((brute: unknown, i) => {
    if (!brute || typeof brute !== 'object') return
    const e = brute as { code?: unknown; sigles?: unknown; expressions?: unknown }
    if (typeof e.code !== 'string') return
    const code = e.code
    const precedent = codes.get(code)
    if (precedent !== undefined) problemes.push({ path: ['entrees', i, 'code'], message: `code « ${code} » en double (déjà entrees[${precedent}])` })
    codes.set(code, i)
    for (const champ of ['sigles', 'expressions'] as const) {
      const formes = e[champ]
      if (!Array.isArray(formes)) continue
      formes.forEach((s: unknown, j) => {
        if (typeof s !== 'string') return
        const cle = cleExpression(s)
        if (!cle) return
        const deja = vues.get(cle)
        // Variantes d'une même entrée (« sénior », « senior ») : sans conséquence.
        if (deja !== undefined && deja !== code)
          problemes.push({ path: ['entrees', i, champ, j], message: `« ${s} » est déjà rattaché à « ${deja} » : une saisie ne doit avoir qu’un sens` })
        else if (deja === undefined) vues.set(cle, code)
      })
    }
  })
  return problemes
}

export type EntreeVocabulaire = z.infer<typeof entreeVocabulaire>
export type Vocabulaire = z.infer<typeof fichierVocabulaire>
/** Forme d'entrée (avant valeurs par défaut) : ce que l'admin ou un fichier fournit. */
export type VocabulaireSaisi = z.input<typeof fichierVocabulaire>
