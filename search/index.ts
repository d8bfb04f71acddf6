/**
 * Point d'entrée de la recherche de l'annuaire : ce que le reste de
 * Passerelle importe. Voir search/README.md pour l'usage (hooks Payload,
 * portail, réindexation) et search/DECISION.md pour les choix.
 */
import { creerMoteurEmbarque } from './adapters/embarque.ts'
import { creerMoteurMeilisearch } from './adapters/meilisearch.ts'
import type { MoteurRecherche } from './port.ts'
import type { Vocabulaire } from './vocabulaire/index.ts'

export * from './port.ts'
export { documentDepuisDataInclusion, documentsDepuisFichier } from './document.ts'
export { contexteEligibilite, decrireZone, eligibilite, estEligible, type Eligibilite, type NiveauEligibilite } from './eligibilite.ts'
export { resoudreCommune, suggererCommunes, type SuggestionCommune } from './communes.ts'
export { fraicheur, type Fraicheur } from './fraicheur.ts'
export { reindexerAvecProgression } from './reindexation.ts'
export { examinerRecherche, normaliserRecherche, type ExamenRecherche, type RaisonRefus } from './retour/examen.ts'
export {
  compteRechercheSansResultat,
  FENETRE_JOURS,
  motifRechercheSansResultat,
  NOMBRE_AFFICHE,
  plusFrequentes,
  premierJourConserve,
  RETENTION_JOURS,
  signalementRecherche,
  type CompteRechercheSansResultat,
  type MotifRechercheSansResultat,
  type RechercheSansResultatFrequente,
  type SignalementRecherche,
} from './retour/contrat.ts'
export {
  entreesPourReferentiel,
  ErreurVocabulaire,
  validerVocabulaire,
  vocabulaireDepuisEntrees,
  vocabulaireParDefaut,
  type EntreeVocabulaire,
  type Vocabulaire,
} from './vocabulaire/index.ts'
export { creerMoteurEmbarque, creerMoteurMeilisearch }

/**
 * Le moteur de la configuration : Meilisearch si MEILI_URL est défini
 * (production, docker-compose.yml), sinon le moteur embarqué.
 */
export function creerMoteurRecherche(options: { vocabulaire: Vocabulaire; maintenant?: () => Date }): MoteurRecherche {
  return process.env.MEILI_URL ? creerMoteurMeilisearch(options) : creerMoteurEmbarque(options)
}
