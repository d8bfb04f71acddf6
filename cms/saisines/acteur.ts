import type { Role } from '../../domaine/acces/roles'
import { idNumerique } from '../../domaine/reference'
import type { ActeurSaisine } from '../../domaine/saisines'
import type { Utilisateur } from '../payload-types'


/** L'acteur d'une opération sur les saisines : rôle, poste (intervenant), unité (agent FSI). */
export type ActeurEspace = ActeurSaisine & { id: number; site: number | null; poste: number | null }

export function acteurSaisineDe(utilisateur: Pick<Utilisateur, 'id' | 'role' | 'suspendu' | 'poste' | 'site'> | null | undefined): ActeurEspace | null {
  if (!utilisateur?.role) return null
  return {
    id: utilisateur.id,
    role: utilisateur.role as Role,
    suspendu: utilisateur.suspendu,
    poste: idNumerique(utilisateur.poste),
    site: idNumerique(utilisateur.site),
  }
}
