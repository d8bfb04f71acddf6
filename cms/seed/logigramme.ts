import type { Payload } from 'payload'

import { chargerContenu } from '../../content/charger'
import { dossierContenu } from './dossier'
import { logigrammeSchema, type Logigramme } from '../../content/schemas/logigramme'
import { logigrammeVersDocument, type DocumentLogigramme } from '../../domaine/logigramme/document'

/**
 * Amorçage du logigramme depuis content/logigramme.json : le global n'est
 * écrit que s'il n'a encore aucune étape. Une fois renseigné (par l'amorçage
 * ou dans l'admin), il n'est plus jamais réécrit ; l'admin refuse un
 * logigramme vide, il ne peut donc pas être vidé pour être réamorcé par erreur.
 */
export type BilanLogigramme = { logigramme: { crees: number; existants: number } }

const CONTEXTE = { sansPublication: true, seed: true }

/** Valide le fichier avant toute écriture (erreurs en français, étape et champ nommés). */
export function chargerSeedLogigramme(dossier = dossierContenu()): Logigramme {
  return chargerContenu(logigrammeSchema, 'logigramme.json', dossier)
}

export async function seederLogigramme(payload: Payload, options: { dossier?: string; contenu?: Logigramme } = {}): Promise<BilanLogigramme> {
  const contenu = options.contenu ?? chargerSeedLogigramme(options.dossier)
  const actuel = (await payload.findGlobal({ slug: 'logigramme' as never, depth: 0, overrideAccess: true })) as unknown as DocumentLogigramme | null
  if (actuel?.etapes?.length) return { logigramme: { crees: 0, existants: 1 } }
  await payload.updateGlobal({
    slug: 'logigramme' as never,
    data: logigrammeVersDocument(contenu) as never,
    context: CONTEXTE,
    overrideAccess: true,
    depth: 0,
  })
  return { logigramme: { crees: 1, existants: 0 } }
}
