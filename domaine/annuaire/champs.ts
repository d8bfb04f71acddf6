import type { ServiceDataInclusion, StructureDataInclusion } from '../../content/schemas/data-inclusion'

/**
 * Les champs d'un fichier data·inclusion v1 tels que Passerelle les écrit
 * (export JSON, CSV, XLSX) et les compare (import) : l'ordre d'écriture, les
 * listes et les nombres.
 */
/** Champs d'une structure, dans l'ordre d'écriture du fichier. */
export const CHAMPS_STRUCTURE = [
  'id',
  'source',
  'nom',
  'type_partenaire',
  'reseaux_porteurs',
  'description',
  'siret',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'numero_court',
  'courriel',
  'site_web',
  'horaires_accueil',
  'accessibilite_lieu',
  'lien_source',
  'date_maj',
] as const satisfies readonly (keyof StructureDataInclusion)[]

/** Champs d'un service, dans l'ordre d'écriture du fichier (sans `contact_nom_prenom`). */
export const CHAMPS_SERVICE = [
  'id',
  'source',
  'structure_id',
  'nom',
  'description',
  'type',
  'thematiques',
  'publics',
  'publics_precisions',
  'conditions_acces',
  'frais',
  'frais_precisions',
  'modes_accueil',
  'modes_mobilisation',
  'mobilisable_par',
  'mobilisation_precisions',
  'lien_mobilisation',
  'zone_eligibilite',
  'volume_horaire_hebdomadaire',
  'nombre_semaines',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'courriel',
  'horaires_accueil',
  'numero_court',
  'lien_source',
  'date_maj',
] as const satisfies readonly (keyof ServiceDataInclusion)[]

// Garde-fous à la compilation : chaque champ du schéma zod est couvert (sauf la donnée personnelle).
type Manquants<T, L extends readonly string[]> = Exclude<keyof T, L[number]>
const _structureComplete: [Manquants<StructureDataInclusion, typeof CHAMPS_STRUCTURE>] extends [never] ? true : never = true
const _serviceComplet: [Manquants<ServiceDataInclusion, typeof CHAMPS_SERVICE>] extends ['contact_nom_prenom'] ? true : never = true
void _structureComplete
void _serviceComplet

export type ChampStructure = (typeof CHAMPS_STRUCTURE)[number]
export type ChampService = (typeof CHAMPS_SERVICE)[number]

/** Champs à valeurs multiples (listes de codes). */
export const CHAMPS_LISTES = new Set<string>([
  'reseaux_porteurs',
  'thematiques',
  'publics',
  'modes_accueil',
  'modes_mobilisation',
  'mobilisable_par',
  'zone_eligibilite',
])
export const CHAMPS_NOMBRES = new Set<string>(['latitude', 'longitude', 'volume_horaire_hebdomadaire', 'nombre_semaines'])

