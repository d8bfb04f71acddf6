/** Export de l'annuaire : data·inclusion v1 (JSON), CSV et XLSX, éventuellement limité à un secteur. */
export {
  type AnnuaireEnBase,
  composerExport,
  exporterAnnuaire,
  exporterPourSecteur,
  type ExportAnnuaire,
  lireAnnuaireEnBase,
  type MetaExport,
  type OptionsExport,
} from './annuaire'
export { COLONNES_CSV, SEPARATEUR_LISTE, serialiser, versCsv, versJson, versXlsx, type FormatExport } from '../../../domaine/annuaire/formats'
export { CHAMPS_SERVICE, CHAMPS_STRUCTURE } from '../../../domaine/annuaire/champs'
export {
  champsDifferents,
  dateCivile,
  documentVersService,
  documentVersStructure,
  serviceNormalise,
  structureNormalisee,
} from './versDataInclusion'
