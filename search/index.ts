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
export { suggererCommunes, type SuggestionCommune } from './communes.ts'
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
 * Le moteur de la configuration : Meilisearch quand la configuration en donne
 * l'adresse (production, docker-compose.yml), sinon le moteur embarqué. La
 * recherche ne lit jamais l'environnement : la racine de composition lui passe
 * la configuration validée (`socle/configuration.ts`).
 */
export function creerMoteurRecherche(options: {
  vocabulaire: Vocabulaire
  meilisearch?: { url: string; cle?: string }
  maintenant?: () => Date
}): MoteurRecherche {
  const { meilisearch, ...communes } = options
  return meilisearch ? creerMoteurMeilisearch({ ...communes, url: meilisearch.url, cleApi: meilisearch.cle }) : creerMoteurEmbarque(communes)
}
