/**
 * Le territoire, en un seul endroit : communes de l'Ain et de France (anciennes
 * communes comprises), EPCI, départements, formats des codes, existence d'un
 * code, éligibilité d'un service pour une commune et son motif, secteurs des
 * postes. La recherche, les pages « Qui contacter ? » et « secteur », l'export,
 * l'import et les validateurs de l'admin appellent ce module.
 */
export {
  codeCommuneActuel,
  communeDeLAin,
  communesDeLAin,
  DEPARTEMENT_AIN,
  departementParCode,
  epciParSiren,
  resoudreCommune,
  type Commune,
  type CommuneResolue,
  type Departement,
  type Epci,
} from '../../content/territoire/geographie'
export * from './codes'
export * from './eligibilite'
export * from './noms'
export * from './saisie'
export * from './secteurs'
