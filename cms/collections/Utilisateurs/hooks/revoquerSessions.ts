import type { CollectionAfterChangeHook } from 'payload'

import { revoquerSessions } from '../../../auth/sessions'

const id = (r: unknown) => (r && typeof r === 'object' ? (r as { id: unknown }).id : r) ?? null

/**
 * Un changement de rôle ou de rattachement, ou une suspension, ferme toutes
 * les sessions du compte : les droits d'une session ouverte ne survivent pas
 * à la décision qui les retire.
 */
export const revoquerSessionsSiHabilitationChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc
  const suspendu = Boolean(doc.suspendu) && !previousDoc.suspendu
  const habilitation = doc.role !== previousDoc.role || id(doc.site) !== id(previousDoc.site) || id(doc.poste) !== id(previousDoc.poste)
  if (suspendu || habilitation)
    await revoquerSessions(req.payload, doc.id, suspendu ? 'suspension' : 'habilitation', { acteur: req.user?.id ?? null, req })
  return doc
}
