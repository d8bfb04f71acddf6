/**
 * Partenaires de l'annuaire à proposer au bout d'un parcours : les structures
 * dont au moins un service porte une des thématiques data·inclusion de
 * l'étape. Les plus pertinentes d'abord (le plus de thématiques couvertes),
 * puis par nom.
 */
import { idDe, type Reference as Ref } from '../reference'

export type ServiceAnnuaire = { id: number | string; nom: string; structure: Ref; thematiques?: string[] | null }
export type StructureAnnuaire = { id: number | string; nom: string; id_source: string; commune?: string | null; source?: string | null }

export type PartenaireTrouve<S extends StructureAnnuaire = StructureAnnuaire> = {
  structure: S
  /** Services de la structure qui portent au moins une des thématiques. */
  services: { nom: string; thematiques: string[] }[]
  /** Thématiques de l'étape couvertes par la structure, dans l'ordre de l'étape. */
  thematiques: string[]
}


export function partenairesPour<S extends StructureAnnuaire>(
  codes: readonly string[],
  services: readonly ServiceAnnuaire[],
  structures: readonly S[],
): PartenaireTrouve<S>[] {
  if (codes.length === 0) return []
  const parId = new Map(structures.map((s) => [String(s.id), s]))
  const trouves = new Map<string, PartenaireTrouve<S>>()
  for (const sv of services) {
    const communs = codes.filter((c) => sv.thematiques?.includes(c))
    if (communs.length === 0) continue
    const cle = String(idDe(sv.structure))
    const structure = parId.get(cle)
    if (!structure) continue
    const p = trouves.get(cle) ?? { structure, services: [], thematiques: [] }
    p.services.push({ nom: sv.nom, thematiques: communs })
    p.thematiques = codes.filter((c) => p.thematiques.includes(c) || communs.includes(c))
    trouves.set(cle, p)
  }
  return [...trouves.values()].sort(
    (a, b) => b.thematiques.length - a.thematiques.length || a.structure.nom.localeCompare(b.structure.nom, 'fr'),
  )
}

/** Nombre de structures par thématique (pour « Voir les 12 partenaires dans l'annuaire »). */
export function compterParThematique(codes: readonly string[], partenaires: readonly PartenaireTrouve[]): Map<string, number> {
  return new Map(codes.map((c) => [c, partenaires.filter((p) => p.thematiques.includes(c)).length]))
}
