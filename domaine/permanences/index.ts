/**
 * Permanences des intervenants sociaux : logique de domaine pure (aucun import
 * Payload), partagée par le CMS (validation), le portail (pages, vue de la
 * semaine), les flux ICS et les plaquettes PDF.
 *
 * Parcours type :
 *   const occurrences = prochainesOccurrences(permanences, { depuis: maintenant })
 *   prochainePermanenceEnMots(occurrences.filter((o) => o.site === 'ch-fleyriat'), { lieux })
 *   calendrierIcs(occurrences, { nom: 'Permanences ISCG – Ain', description: '…', lieux })
 */
export {
  type Creneau,
  ErreurPermanence,
  type Exception,
  lirePermanence,
  lirePermanences,
  type Occurrence,
  occurrenceSchema,
  type Permanence,
  type PermanenceSaisie,
  permanenceSchema,
  type Probleme,
  type Recurrence,
  type RecurrenceSaisie,
  type Reference,
  type Statut,
  STATUTS,
  TYPES_EXCEPTION,
  TYPES_RECURRENCE,
  validerPermanence,
} from './schema'
export { estDateDeLaSerie, joursDeLaSerie, libellePermanence, libelleRecurrence, texteRrule, verifierRegleRrule } from './recurrence'
export { estFerie, jourFerie, type JourFerie, joursFeries } from './jours-feries'
export { clePermanence, type OptionsOccurrences, prochainesOccurrences } from './occurrences'
export { type Bandeau, bandeauxActifs, PREAVIS_JOURS } from './bandeaux'
export {
  horaireEnMots,
  lundiDeLaSemaine,
  occurrenceEnMots,
  type OptionsEnMots,
  prochainePermanenceEnMots,
  semaineIso,
  type SemaineIso,
  statutEnMots,
  vueSemaine,
  type VueSemaine,
} from './en-mots'
export { calendrierIcs, type OptionsIcs, RESUME_EVENEMENT, VTIMEZONE_EUROPE_PARIS } from './ics'
export { type AnnuaireLieux, type Lieu, lieuDe } from './lieux'
export { JOURS_OUVRES, MOMENTS, RANGS } from './vocabulaire'
