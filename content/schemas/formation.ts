import { z } from 'zod'

/**
 * Formation des intervenants sociaux et de leurs partenaires (cadre
 * opérationnel ANISCG, II.2 « le mois d'intégration » et II.3 « formation et
 * dispositifs de soutien » ; cahier des charges : formation préalable à la
 * prise de poste et formation continue, analyse de la pratique / supervision).
 *
 * Fichier d'amorçage content/formation.json : ressources (documents, liens,
 * sessions datées) et parcours d'intégration d'un nouvel intervenant social.
 * Les sessions de l'amorçage sont des exemples, datées dans le futur et
 * signalées comme telles (`exemple: true`) : aucune date passée n'est
 * présentée comme à venir, la page n'affiche que les dates qui ne sont pas
 * passées.
 */

export const PUBLICS_FORMATION = {
  fsi: 'Policiers et gendarmes',
  is: 'Intervenants sociaux',
  partenaires: 'Partenaires',
} as const
export type PublicFormation = keyof typeof PUBLICS_FORMATION

export const TYPES_RESSOURCE = {
  document: 'Document',
  lien: 'Lien',
  session: 'Session de formation',
} as const
export type TypeRessource = keyof typeof TYPES_RESSOURCE

const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]

export const RE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** Horodatage ISO avec fuseau explicite (« 2027-03-16T09:30:00+01:00 ») : sans fuseau, l'heure dépendrait de la machine. */
export const RE_HORODATAGE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
/**
 * Adresse web (http ou https) ou chemin du portail (« /logigramme ») : un seul « / »
 * au début, car « //site » et « /\site » mènent les navigateurs vers un autre site.
 */
export const RE_ADRESSE = /^(https?:\/\/[^\s/$.?#][^\s]*|\/(?![/\\])[^\s]*)$/

const texte = (champ: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${champ} : obligatoire` : `${champ} : texte attendu`) })
    .trim()
    .min(1, { error: `${champ} : ne doit pas être vide` })
    .max(max, { error: `${champ} : ${max} caractères maximum` })

const horodatage = (champ: string) =>
  z
    .string({ error: `${champ} : obligatoire (date et heure ISO, ex. 2027-03-16T09:30:00+01:00)` })
    .regex(RE_HORODATAGE, { error: (iss) => `${champ} : date et heure ISO avec fuseau attendues (ex. 2027-03-16T09:30:00+01:00), reçu « ${String(iss.input)} »` })
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: (iss) => `${champ} : date impossible « ${String(iss.input)} »` })

export const creneauSchema = z
  .strictObject({ debut: horodatage('début'), fin: horodatage('fin').optional() })
  .refine((c) => !c.fin || Date.parse(c.fin) > Date.parse(c.debut), { error: 'fin : doit être après le début', path: ['fin'] })

export const ressourceSchema = z
  .strictObject({
    slug: z.string({ error: 'slug : obligatoire' }).regex(RE_SLUG, { error: 'slug : lettres minuscules, chiffres et tirets uniquement' }),
    titre: texte('titre', 200),
    type: z.enum(cles(TYPES_RESSOURCE), { error: `type : attendu ${Object.keys(TYPES_RESSOURCE).join(', ')}` }),
    publics: z
      .array(z.enum(cles(PUBLICS_FORMATION), { error: `public inconnu (attendu : ${Object.keys(PUBLICS_FORMATION).join(', ')})` }))
      .min(1, { error: 'publics : au moins un public (fsi, is, partenaires)' })
      .refine((p) => new Set(p).size === p.length, { error: 'publics : public en double' }),
    description: texte('description', 2000).optional(),
    url: z
      .string()
      .regex(RE_ADRESSE, { error: (iss) => `url : adresse web (https://…) ou chemin du portail (/…) attendu, reçu « ${String(iss.input)} »` })
      .optional(),
    dates: z.array(creneauSchema).optional(),
    /** Lieu d'une session : site d'intervention (slug de content/sites.json) ou texte libre. */
    lieuSite: z.string().regex(RE_SLUG, { error: 'lieuSite : slug de site attendu' }).optional(),
    lieuTexte: texte('lieuTexte', 200).optional(),
    /** Donnée d'exemple : signalée comme telle sur le portail. */
    exemple: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    const probleme = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (r.type === 'session') {
      if (!r.dates?.length) probleme('dates', 'une session a au moins une date')
      if (!r.lieuSite && !r.lieuTexte) probleme('lieuTexte', 'une session a un lieu (lieuSite ou lieuTexte)')
      if (r.exemple !== true)
        probleme('exemple', 'les sessions du fichier d’amorçage sont des exemples : « exemple: true », à remplacer dans l’admin par les vraies sessions')
    } else {
      if (r.dates?.length) probleme('dates', `un ${TYPES_RESSOURCE[r.type].toLowerCase()} n’a pas de date (seules les sessions en ont)`)
      if (r.lieuSite || r.lieuTexte) probleme('lieuTexte', 'seules les sessions ont un lieu')
      if (!r.url) probleme('url', `un ${TYPES_RESSOURCE[r.type].toLowerCase()} a une adresse (le fichier se dépose ensuite dans l’admin)`)
    }
  })

export const etapeParcoursSchema = z.strictObject({
  moment: texte('moment', 60),
  titre: texte('titre', 150),
  description: texte('description', 1500).optional(),
  avecQui: texte('avecQui', 150).optional(),
})

export const parcoursSchema = z.strictObject({
  titre: texte('titre du parcours', 150),
  introduction: texte('introduction', 2000).optional(),
  etapes: z.array(etapeParcoursSchema).min(1, { error: 'le parcours a au moins une étape' }),
})

export const fichierFormation = z
  .strictObject({ _source: z.string().optional(), ressources: z.array(ressourceSchema), parcours: parcoursSchema })
  .superRefine((f, ctx) => {
    const vus = new Map<string, number>()
    f.ressources.forEach((r, i) => {
      const p = vus.get(r.slug)
      if (p !== undefined) ctx.addIssue({ code: 'custom', path: ['ressources', i, 'slug'], message: `slug « ${r.slug} » déjà utilisé par ressources[${p}]` })
      else vus.set(r.slug, i)
    })
  })

export type RessourceSeed = z.output<typeof ressourceSchema>
export type ParcoursSeed = z.output<typeof parcoursSchema>
export type FichierFormation = z.output<typeof fichierFormation>
