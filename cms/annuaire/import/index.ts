/** Import de l'annuaire au format data·inclusion v1 (voir importer.ts). */
export { CONTEXTE_IMPORT, ErreurImport, importerDataInclusion, type Compteurs, type OptionsImport, type RapportImport } from './importer'
export { analyserJson, ErreurLecture, lireFichierJson } from '../../../domaine/annuaire/lecture-json'
export { formaterRapport } from './rapport'
export { signalerChangementAnnuaire } from './signal'
export type { Rejet } from '../../../domaine/annuaire/rejets'
