import type { Payload } from 'payload'

import type { EtapeParcours, RessourceFormation } from '../../../domaine/formation/affichage'

/**
 * Lecture du contenu de /formation avec les droits d'un visiteur anonyme
 * (overrideAccess: false), comme le reste du portail. Les identifiants
 * « ressources-formation » et « parcours-integration » ne sont connus des
 * types générés qu'une fois déclarés dans payload.config.ts : d'où les
 * conversions de type.
 */
export type ParcoursPublie = { titre: string; introduction?: string | null; etapes: EtapeParcours[] }

export async function lireFormation(payload: Payload): Promise<{ ressources: RessourceFormation[]; parcours?: ParcoursPublie }> {
  const [ressources, parcours] = await Promise.all([
    payload.find({ collection: 'ressources-formation' as never, pagination: false, depth: 1, sort: 'titre', overrideAccess: false }),
    payload.findGlobal({ slug: 'parcours-integration' as never, depth: 0, overrideAccess: false }),
  ])
  const p = parcours as unknown as Partial<ParcoursPublie> | null
  return {
    ressources: ressources.docs as unknown as RessourceFormation[],
    parcours: p?.titre && p.etapes?.length ? { titre: p.titre, introduction: p.introduction, etapes: p.etapes } : undefined,
  }
}
