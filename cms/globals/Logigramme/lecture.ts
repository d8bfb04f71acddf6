import type { Payload } from 'payload'

import { ErreurLogigramme } from '../../../content/schemas/logigramme'
import { validerDocument, type DocumentLogigramme } from '../../../domaine/logigramme/document'
import { graphe, type Graphe } from '../../../domaine/logigramme/graphe'

/**
 * Lecture du logigramme publié, pour les pages du portail : avec les droits
 * d'un visiteur anonyme (overrideAccess: false), comme le reste du portail.
 *
 * - global jamais renseigné (aucune étape) : `undefined`, les pages le disent ;
 * - global invalide (écrit sans passer par la validation de l'admin) : erreur
 *   qui liste les problèmes en français, la publication échoue et le dernier
 *   portail valide reste en ligne.
 */
const memo = new WeakMap<Payload, Promise<LogigrammePublie>>()

export type LogigrammePublie = { graphe: Graphe; miseAJour?: string } | undefined

export function lireLogigrammePublie(payload: Payload): Promise<LogigrammePublie> {
  let lecture = memo.get(payload)
  if (!lecture) {
    lecture = (async () => {
      // « logigramme » n'est connu des types générés qu'une fois le global déclaré dans payload.config.ts.
      const doc = (await payload.findGlobal({ slug: 'logigramme' as never, depth: 0, overrideAccess: false })) as unknown as DocumentLogigramme | null
      if (!doc?.etapes?.length) return undefined
      const r = validerDocument(doc)
      if (!r.ok) throw new ErreurLogigramme(r.problemes)
      return { graphe: graphe(r.logigramme), miseAJour: doc.updatedAt ?? undefined }
    })()
    memo.set(payload, lecture)
  }
  return lecture
}
