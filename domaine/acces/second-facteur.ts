import type { Role } from './roles'

/**
 * Rôles pour lesquels le second facteur (TOTP) est obligatoire : ceux qui
 * lisent des saisines ou administrent les comptes (issue 10). Il reste
 * facultatif pour les agents FSI et les financeurs ; s'ils l'ont activé, il
 * est demandé à chaque connexion.
 */
export const SECOND_FACTEUR_OBLIGATOIRE: readonly Role[] = ['intervenant', 'coordination', 'operateur']

export const secondFacteurObligatoire = (role: Role | null | undefined) => Boolean(role && SECOND_FACTEUR_OBLIGATOIRE.includes(role))

/** Le second facteur est-il demandé à la connexion de ce compte ? */
export const secondFacteurExige = (compte: { role?: Role | null; totpSecret?: string | null }) =>
  secondFacteurObligatoire(compte.role) || Boolean(compte.totpSecret)
