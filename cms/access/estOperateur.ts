import type { Access, FieldAccess } from 'payload'

/** Seul l'opérateur administre le contenu et les comptes : tout le reste est refusé par défaut. */
export const estOperateur: Access = ({ req: { user } }) =>
  Boolean(user && user.collection === 'utilisateurs' && user.role === 'operateur')

export const champReserveOperateur: FieldAccess = ({ req: { user } }) =>
  Boolean(user && user.collection === 'utilisateurs' && user.role === 'operateur')
