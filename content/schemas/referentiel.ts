import { z } from 'zod'

export const entreeReferentiel = z.object({
  code: z.string({ error: 'code manquant' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'code : lettres minuscules, chiffres et tirets'),
  libelle: z.string({ error: 'libellé manquant' }).min(2, 'libellé trop court'),
  description: z.string().optional(),
  numero: z.string().regex(/^[0-9 ]+( ou [0-9 ]+)?$/, 'numéro : chiffres uniquement (ex. « 115 », « 116 006 »)').optional(),
  ordre: z.number().int().optional(),
})

const liste = z.array(entreeReferentiel).superRefine((entrees, ctx) => {
  const vus = new Set<string>()
  entrees.forEach((e, i) => {
    if (vus.has(e.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `code « ${e.code} » en double` })
    vus.add(e.code)
  })
})

export const fichierReferentiels = z.object({
  _source: z.string().optional(),
  profil: liste,
  problematique: liste,
  'mode-saisine': liste,
  'numero-urgence': liste,
})

export type EntreeReferentiel = z.infer<typeof entreeReferentiel>
