import type { Role } from '../../domaine/acces/roles'
import type { ActeurSaisine } from '../../domaine/saisines'
import type { Utilisateur } from '../payload-types'

/** Identifiant d'une relation, qu'elle arrive peuplée ou non. */
export const idDe = (r: unknown): number | null => {
  const v = r && typeof r === 'object' ? (r as { id?: unknown }).id : r
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null
}

/** L'acteur d'une opération sur les saisines : rôle, poste (intervenant), unité (agent FSI). */
export type ActeurEspace = ActeurSaisine & { id: number; site: number | null; poste: number | null }

export function acteurSaisineDe(utilisateur: Pick<Utilisateur, 'id' | 'role' | 'suspendu' | 'poste' | 'site'> | null | undefined): ActeurEspace | null {
  if (!utilisateur?.role) return null
  return {
    id: utilisateur.id,
    role: utilisateur.role as Role,
    suspendu: utilisateur.suspendu,
    poste: idDe(utilisateur.poste),
    site: idDe(utilisateur.site),
  }
}
