import { z } from 'zod'

import { permanenceSchema } from './schema'

/**
 * Fichier de permanences amorcées (`content/permanences.json`) : le même schéma
 * que l'admin, lieux et postes désignés par leur slug. Il vit ici et non dans
 * `content/schemas/` parce que la validation d'une permanence est une règle du
 * domaine (récurrence, créneaux, exceptions), et `content/` n'importe rien du projet.
 */
export const fichierPermanences = z.object({ _source: z.string().optional(), permanences: z.array(permanenceSchema) })
export type PermanenceSeed = z.infer<typeof fichierPermanences>['permanences'][number]
