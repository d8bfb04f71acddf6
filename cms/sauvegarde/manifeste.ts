import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import { z } from 'zod'

/**
 * Le manifeste d'une sauvegarde : de quoi vérifier, AVANT d'écrire quoi que
 * ce soit, qu'elle est complète (empreinte de chaque fichier), qu'elle vient
 * d'un schéma que ce code sait lire (dernière migration), qu'elle restaurera
 * la même chose (nombre d'enregistrements par collection), et que les clés
 * configurées sauront relire ses données chiffrées (identifiants des clés).
 */
export const FORMAT_MANIFESTE = 'passerelle/sauvegarde/v1'

const empreinte = z.string().regex(/^[0-9a-f]{64}$/)
export const schemaManifeste = z.object({
  format: z.literal(FORMAT_MANIFESTE),
  creeLe: z.iso.datetime(),
  base: z.enum(['sqlite', 'postgres']),
  /** Nom de la dernière migration appliquée à la base sauvegardée. */
  migration: z.string().nullable(),
  comptes: z.record(z.string(), z.number().int().min(0)),
  fichiers: z.array(z.object({ chemin: z.string().min(1), taille: z.number().int().min(0), sha256: empreinte })),
  cles: z.object({
    /** Identifiants des clés (PASSERELLE_CLE_CHIFFREMENT ou anciennes) dont dépendent les valeurs chiffrées. */
    chiffrement: z.array(z.string()),
    /** Empreinte tronquée de PASSERELLE_CLE_PSEUDONYMISATION : la clé doit être la même à la restauration. */
    pseudonymisation: z.string(),
  }),
})
export type Manifeste = z.infer<typeof schemaManifeste>

export const empreinteCle = (cle: Buffer) => createHash('sha256').update('passerelle/empreinte-cle/').update(cle).digest('hex').slice(0, 8)

export async function sha256Fichier(chemin: string): Promise<string> {
  const h = createHash('sha256')
  for await (const morceau of createReadStream(chemin)) h.update(morceau as Buffer)
  return h.digest('hex')
}
