import type { Role } from './roles'

/**
 * Rôles pour lesquels le second facteur est exigé (issue « Espace connecté »,
 * Sessions) : ceux qui lisent ou administrent des données nominatives. Il reste
 * facultatif pour les agents FSI et les financeurs. Une connexion ProConnect
 * dont le fournisseur atteste plusieurs facteurs en tient lieu.
 */
const ROLES_A_SECOND_FACTEUR: ReadonlySet<Role> = new Set<Role>(['intervenant', 'coordination', 'operateur'])

export const secondFacteurExige = (role: Role | null | undefined): boolean => role != null && ROLES_A_SECOND_FACTEUR.has(role)
