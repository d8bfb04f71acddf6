import type { Access, CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'

import { decider, peutTout, type Acteur, type Action, type Ressource } from '../../domaine/acces/politique'

/**
 * Les fonctions d'accès de Payload, toutes tirées de la politique
 * d'autorisation (domaine/acces/politique.ts) : aucune règle n'est écrite ici.
 * Une portée « soi » devient un filtre en base sur le champ qui désigne le
 * titulaire (l'identifiant pour un compte), jamais un tri fait après coup.
 */
export function acteurDe(user: PayloadRequest['user']): Acteur | null {
  // Un compte sans rôle (impossible par le schéma, mais jamais supposé) n'a aucun droit.
  if (!user || user.collection !== 'utilisateurs' || !user.role) return null
  return { id: user.id, role: user.role, suspendu: Boolean((user as { suspendu?: boolean | null }).suspendu) }
}

export const selonPolitique =
  (ressource: Ressource, action: Action, champTitulaire = 'id'): Access =>
  ({ req }) => {
    const decision = decider(acteurDe(req.user), action, ressource)
    if (!decision.permis) return false
    if (decision.portee === 'tout') return true
    return { [champTitulaire]: { equals: req.user!.id } } satisfies Where
  }

/** Accès à un champ : permis seulement sur tous les enregistrements (un champ n'a pas de filtre). */
export const champSelonPolitique =
  (ressource: Ressource, action: Action): FieldAccess =>
  ({ req }) =>
    peutTout(acteurDe(req.user), action, ressource)

/** Entrée dans l'admin (/admin). */
export const entreeAdmin = ({ req }: { req: PayloadRequest }) => peutTout(acteurDe(req.user), 'lire', 'admin')

/** Les quatre opérations d'une collection selon la politique pour une ressource. */
export const accesSelonPolitique = (ressource: Ressource): NonNullable<CollectionConfig['access']> => ({
  read: selonPolitique(ressource, 'lire'),
  create: selonPolitique(ressource, 'creer'),
  update: selonPolitique(ressource, 'modifier'),
  delete: selonPolitique(ressource, 'supprimer'),
})
