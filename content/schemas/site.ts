import { z } from 'zod'

import { communeDeLAin } from '../territoire/geographie'

const slug = z
  .string({ error: 'slug manquant' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug : lettres minuscules, chiffres et tirets uniquement')

/**
 * Sites d'intervention : commissariats, compagnies et brigades de gendarmerie,
 * et autres lieux de permanence (cahier des charges, « Périmètre d'intervention »).
 */
export const TYPES_DE_SITE = {
  commissariat: 'Commissariat de police',
  compagnie: 'Compagnie de gendarmerie',
  brigade: 'Brigade de gendarmerie',
  hopital: 'Centre hospitalier',
  'france-services': 'France services',
  mairie: 'Mairie',
  caf: "Caisse d'allocations familiales",
  autre: 'Autre lieu de permanence',
} as const

const TYPES_SITE = Object.keys(TYPES_DE_SITE) as [keyof typeof TYPES_DE_SITE, ...(keyof typeof TYPES_DE_SITE)[]]

export const siteSeed = z
  .object({
    slug,
    nom: z.string({ error: 'nom manquant' }).min(2, 'nom trop court'),
    type: z.enum(TYPES_SITE, { error: `type inconnu (attendu : ${TYPES_SITE.join(', ')})` }),
    commune: z
      .string({ error: 'commune manquante (code INSEE)' })
      .refine((c) => Boolean(communeDeLAin(c)), {
        error: (iss) => `commune « ${String(iss.input)} » : pas un code INSEE de commune actuelle de l'Ain`,
      }),
    compagnie: slug.optional(),
    rythme: z.string().optional(),
    adresse: z.string().optional(),
    presentation: z.string().optional(),
    prioritaire: z.boolean().optional(),
    ordre: z.number().int().optional(),
  })
  .refine((s) => s.type !== 'brigade' || Boolean(s.compagnie), {
    message: 'une brigade doit indiquer sa compagnie',
    path: ['compagnie'],
  })

export const fichierSites = z
  .object({ _source: z.string().optional(), sites: z.array(siteSeed) })
  .superRefine((f, ctx) => {
    const slugs = new Set<string>()
    f.sites.forEach((s, i) => {
      if (slugs.has(s.slug)) ctx.addIssue({ code: 'custom', path: ['sites', i, 'slug'], message: `slug « ${s.slug} » en double` })
      slugs.add(s.slug)
    })
    f.sites.forEach((s, i) => {
      if (!s.compagnie) return
      const parent = f.sites.find((p) => p.slug === s.compagnie)
      if (!parent || parent.type !== 'compagnie')
        ctx.addIssue({ code: 'custom', path: ['sites', i, 'compagnie'], message: `compagnie « ${s.compagnie} » introuvable dans le fichier` })
    })
  })

export type SiteSeed = z.infer<typeof siteSeed>
