import type { ServiceDataInclusion, StructureDataInclusion } from '../../content/schemas/data-inclusion'
import type { Service, Structure } from '../payload-types'

/**
 * Passage entre un enregistrement data·inclusion v1 et un document Payload.
 * Les noms de champs sont identiques ; seuls changent l'identifiant (id → id_source),
 * le rattachement (structure_id → relation) et les valeurs nulles.
 * `contact_nom_prenom` n'est jamais conservé : c'est une donnée personnelle et
 * le portail publie des contacts institutionnels.
 */

type SansNull<T> = { [K in keyof T]: Exclude<T[K], null> }

const sansNull = <T extends Record<string, unknown>>(objet: T): SansNull<T> =>
  Object.fromEntries(Object.entries(objet).filter(([, v]) => v !== null && v !== undefined)) as SansNull<T>

export type DonneesStructure = Omit<Structure, 'id' | 'createdAt' | 'updatedAt' | 'services'>
export type DonneesService = Omit<Service, 'id' | 'createdAt' | 'updatedAt'>

export function structureVersDocument(s: StructureDataInclusion): DonneesStructure {
  const { id, date_maj, ...reste } = s
  return { ...sansNull(reste), id_source: id, date_maj: new Date(date_maj).toISOString() } as DonneesStructure
}

export function serviceVersDocument(sv: ServiceDataInclusion, idStructure: Service['structure']): DonneesService {
  const { id, structure_id: _structure, date_maj, contact_nom_prenom: _personnel, ...reste } = sv
  return {
    ...sansNull(reste),
    id_source: id,
    structure: idStructure,
    date_maj: new Date(date_maj).toISOString(),
  } as DonneesService
}
