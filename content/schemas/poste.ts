import { z } from 'zod'

import { natureDuCode } from '../territoire/codes'

export const posteSeed = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug : lettres minuscules, chiffres et tirets uniquement'),
  intitule: z
    .string({ error: 'intitulé manquant' })
    .refine((t) => t.startsWith('Intervenant social'), 'intitulé : un nom de poste (« Intervenant social – secteur … »), jamais un nom de personne'),
  secteur: z.string({ error: 'secteur manquant' }).min(2),
  telephone: z.string().regex(/^0\d( \d\d){4}$/, 'téléphone : format « 04 65 71 12 34 » attendu').optional(),
  courriel: z.email({ error: 'courriel invalide' }).optional(),
  sites: z.array(z.string()).default([]),
  territoire: z
    .array(
      z.string().refine((c) => ['commune', 'epci'].includes(natureDuCode(c) ?? ''), 'territoire : code INSEE de commune (5 chiffres) ou SIREN d’EPCI (9 chiffres) attendu'),
    )
    .default([]),
  presentation: z.string().optional(),
  ordre: z.number().int().optional(),
})

export const fichierPostes = z.object({ _source: z.string().optional(), postes: z.array(posteSeed) })

export type PosteSeed = z.infer<typeof posteSeed>
