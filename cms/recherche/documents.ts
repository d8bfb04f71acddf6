import type { Payload, Where } from 'payload'

import { documentDepuisDataInclusion, type DocumentService } from '../../search'
import { documentVersService, documentVersStructure } from '../annuaire/export/versDataInclusion'
import type { Service, Structure } from '../payload-types'

/**
 * Documents de recherche construits depuis le CMS : un par service, avec ce
 * qu'il faut de sa structure (nom, type de partenaire, adresse, contacts).
 * Seul le contenu publié et lisible par un anonyme est indexé.
 */
export async function documentsDepuisCms(payload: Payload, filtre: { structures?: number[]; services?: number[] } = {}): Promise<DocumentService[]> {
  const whereServices: Where | undefined = filtre.services
    ? { id: { in: filtre.services } }
    : filtre.structures
      ? { structure: { in: filtre.structures } }
      : undefined
  const services = (await payload.find({ collection: 'services', where: whereServices, pagination: false, depth: 0, overrideAccess: false }))
    .docs as Service[]
  const idsStructures = [...new Set(services.map((s) => (typeof s.structure === 'object' ? s.structure.id : s.structure)))]
  const structures = (
    await payload.find({ collection: 'structures', where: { id: { in: idsStructures } }, pagination: false, depth: 0, overrideAccess: false })
  ).docs as Structure[]
  const parId = new Map(structures.map((s) => [s.id, s]))
  return services.flatMap((s) => {
    const structure = parId.get(typeof s.structure === 'object' ? s.structure.id : s.structure)
    if (!structure) return []
    const di = documentVersStructure(structure)
    return [documentDepuisDataInclusion(documentVersService(s, structure.id_source), di)]
  })
}
