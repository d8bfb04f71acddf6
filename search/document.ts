import type { FichierDataInclusion, ServiceDataInclusion, StructureDataInclusion } from '../content/schemas/data-inclusion.ts'
import { documentService, type DocumentService } from './port.ts'

/**
 * Passage d'un service data·inclusion (et de sa structure) au document
 * indexé. Les hooks Payload et le banc d'essai passent par ici : un service
 * est indexé de la même façon quelle que soit sa provenance.
 *
 * Règles :
 * - lieu du service : le sien s'il en a un (permanence délocalisée), sinon
 *   celui de la structure ;
 * - contact, horaires, numéro court : ceux du service, sinon de la structure ;
 * - zone d'éligibilité absente : la commune du service (on ne promet pas une
 *   intervention plus large que ce qui est écrit), ou la France pour un numéro
 *   national sans adresse.
 */
export function documentDepuisDataInclusion(service: ServiceDataInclusion, structure: StructureDataInclusion): DocumentService {
  const codeInsee = service.code_insee ?? structure.code_insee ?? null
  const zone =
    service.zone_eligibilite && service.zone_eligibilite.length > 0
      ? service.zone_eligibilite
      : codeInsee
        ? [codeInsee]
        : structure.type_partenaire === 'numero-national'
          ? ['france']
          : []
  const avecAdresse = service.adresse != null
  return documentService.parse({
    id: service.id,
    structure_id: structure.id,
    structure_nom: structure.nom,
    structure_description: structure.description ?? null,
    nom: service.nom,
    description: service.description,
    type: service.type ?? null,
    type_partenaire: structure.type_partenaire,
    reseaux_porteurs: structure.reseaux_porteurs ?? [],
    thematiques: service.thematiques ?? [],
    publics: service.publics ?? [],
    modes_accueil: service.modes_accueil ?? [],
    frais: service.frais ?? null,
    zone_eligibilite: zone,
    commune: service.commune ?? structure.commune ?? null,
    code_insee: codeInsee,
    structure_code_insee: structure.code_insee ?? null,
    adresse: avecAdresse ? service.adresse : (structure.adresse ?? null),
    code_postal: avecAdresse ? (service.code_postal ?? null) : (structure.code_postal ?? null),
    telephone: service.telephone ?? structure.telephone ?? null,
    courriel: service.courriel ?? structure.courriel ?? null,
    numero_court: service.numero_court ?? structure.numero_court ?? null,
    horaires_accueil: service.horaires_accueil ?? structure.horaires_accueil ?? null,
    publics_precisions: service.publics_precisions ?? null,
    conditions_acces: service.conditions_acces ?? null,
    frais_precisions: service.frais_precisions ?? null,
    modes_mobilisation: service.modes_mobilisation ?? [],
    mobilisable_par: service.mobilisable_par ?? [],
    mobilisation_precisions: service.mobilisation_precisions ?? null,
    lien_mobilisation: service.lien_mobilisation ?? null,
    date_maj: service.date_maj,
  })
}

/** Documents de tous les services d'un fichier data·inclusion déjà validé. */
export function documentsDepuisFichier(fichier: FichierDataInclusion): DocumentService[] {
  const structures = new Map(fichier.structures.map((s) => [s.id, s]))
  return fichier.services.map((service) => {
    const structure = structures.get(service.structure_id)
    if (!structure) throw new Error(`service ${service.id} : structure de rattachement inconnue « ${service.structure_id} »`)
    return documentDepuisDataInclusion(service, structure)
  })
}
