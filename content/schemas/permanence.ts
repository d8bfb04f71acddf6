import { z } from 'zod'

import { permanenceSchema } from '../../cms/permanences/schema'

/** Permanences amorcées : le même schéma que l'admin, lieux et postes désignés par leur slug. */
export const fichierPermanences = z.object({ _source: z.string().optional(), permanences: z.array(permanenceSchema) })
export type PermanenceSeed = z.infer<typeof fichierPermanences>['permanences'][number]
