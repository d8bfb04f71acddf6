import { z } from 'zod'

import { referentiels, serviceDataInclusion, structureDataInclusion } from '../content/schemas/data-inclusion.ts'
import { RE_CODE_COMMUNE, type Eligibilite } from '../domaine/territoire/index.ts'
import type { Fraicheur } from '../domaine/annuaire/fraicheur.ts'
import type { ExamenRecherche } from './retour/examen.ts'
import type { Vocabulaire } from './vocabulaire/index.ts'

/**
 * Le port de recherche de l'annuaire : ce que le reste de Passerelle (hooks
 * Payload, portail, banc d'essai) sait de la recherche. Deux adaptateurs le
 * réalisent et passent la même suite de tests de contrat
 * (tests/contrat/recherche.ts) :
 * - adapters/embarque.ts : moteur en mémoire, dans le processus (par défaut) ;
 * - adapters/meilisearch.ts : Meilisearch (production).
 */

// ---------------------------------------------------------------------------
// Document indexé : un service et ce qu'il faut de sa structure
// ---------------------------------------------------------------------------

const S = serviceDataInclusion.shape
const T = structureDataInclusion.shape

/** Liste de codes d'un champ data·inclusion « optionnel(listeDeCodes(…)) », toujours présente. */
const codesDe = <E extends z.ZodType>(champ: z.ZodOptional<z.ZodNullable<z.ZodArray<E>>>) =>
  z.array(champ.unwrap().unwrap().element).default([])

/**
 * Document indexé pour un service. Ses champs reprennent les schémas zod de
 * data·inclusion (content/schemas/data-inclusion.ts) : aucun type n'est
 * réécrit à la main, un code inconnu est refusé ici comme à l'import.
 */
export const documentService = z.object({
  id: S.id,
  structure_id: S.structure_id,
  structure_nom: T.nom,
  structure_description: T.description,
  nom: S.nom,
  description: S.description,
  type: S.type,
  type_partenaire: T.type_partenaire,
  reseaux_porteurs: codesDe(T.reseaux_porteurs),
  thematiques: codesDe(S.thematiques),
  publics: codesDe(S.publics),
  modes_accueil: codesDe(S.modes_accueil),
  frais: S.frais,
  /** Zone d'éligibilité du service (codes INSEE, SIREN d'EPCI, départements, « france »). */
  zone_eligibilite: z.array(S.zone_eligibilite.unwrap().unwrap().element).default([]),
  /** Commune où le service a lieu : la sienne (permanence délocalisée), sinon celle de la structure. */
  commune: S.commune,
  code_insee: S.code_insee,
  /** Commune de la structure, quand elle diffère du lieu du service. */
  structure_code_insee: T.code_insee,
  adresse: S.adresse,
  code_postal: S.code_postal,
  telephone: S.telephone,
  courriel: S.courriel,
  numero_court: S.numero_court,
  horaires_accueil: S.horaires_accueil,
  publics_precisions: S.publics_precisions,
  conditions_acces: S.conditions_acces,
  frais_precisions: S.frais_precisions,
  modes_mobilisation: codesDe(S.modes_mobilisation),
  mobilisable_par: codesDe(S.mobilisable_par),
  mobilisation_precisions: S.mobilisation_precisions,
  lien_mobilisation: S.lien_mobilisation,
  date_maj: S.date_maj,
})

export type DocumentService = z.output<typeof documentService>
/** Forme acceptée par `indexer` (listes facultatives). */
export type DocumentServiceSaisi = z.input<typeof documentService>

// ---------------------------------------------------------------------------
// Requête
// ---------------------------------------------------------------------------

const codeDe = <T extends Record<string, string>>(liste: T, quoi: string) =>
  z.enum(Object.keys(liste) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]], {
    error: (iss) => `${quoi} inconnu(e) : ${typeof iss.input === 'string' ? `« ${iss.input} »` : 'code attendu'}`,
  })

/** Filtres de facettes : un service doit porter au moins un code de chaque liste donnée. */
export const filtresRecherche = z.object({
  thematiques: z.array(codeDe(referentiels.thematiques, 'thématique')).optional(),
  publics: z.array(codeDe(referentiels.publics, 'public')).optional(),
  types_partenaires: z.array(codeDe(referentiels.typesPartenaires, 'type de partenaire')).optional(),
  modes_accueil: z.array(codeDe(referentiels.modesAccueil, "mode d'accueil")).optional(),
  frais: z.array(codeDe(referentiels.frais, 'frais')).optional(),
})

/**
 * Requête de recherche, validée par zod avec des messages en français :
 * l'endpoint JSON du portail peut la réutiliser telle quelle pour répondre 400.
 */
export const requeteRecherche = z.object({
  texte: z.string({ error: 'texte : chaîne attendue' }).max(200, { error: 'texte : 200 caractères maximum' }).default(''),
  /** Code INSEE de la commune de la personne (actuel ou ancien) : seuls les services éligibles sont classés. */
  commune: z
    .string({ error: 'commune : code INSEE attendu' })
    .regex(RE_CODE_COMMUNE, { error: (iss) => `commune : code INSEE à 5 caractères attendu, reçu « ${String(iss.input)} »` })
    .optional(),
  filtres: filtresRecherche.optional(),
  limite: z.number().int().min(1, { error: 'limite : au moins 1' }).max(100, { error: 'limite : 100 au plus' }).default(20),
  decalage: z.number().int().min(0, { error: 'décalage : positif ou nul' }).default(0),
  /**
   * Saisie en cours de frappe (recherche au fil de la frappe) : le dernier mot,
   * s'il n'est pas suivi d'une espace, est complété (« hébergem »). Par défaut :
   * non (requête validée, formulaire sans JavaScript).
   */
  enCours: z.boolean().optional(),
  /**
   * Recherche littérale : chercher la saisie telle quelle, sans abréviation
   * développée, ni correction phonétique ou de faute, ni découpage de mots
   * collés (lien « rechercher exactement … » de la page de résultats). La
   * correction est alors seulement proposée (« Vouliez-vous dire … ? »).
   */
  litteral: z.boolean().optional(),
})

export type RequeteRecherche = z.input<typeof requeteRecherche>
export type RequeteValidee = z.output<typeof requeteRecherche>

/** Erreur de requête (commune inconnue, paramètre invalide) : l'endpoint la traduit en 400. */
export class ErreurRequete extends Error {
  constructor(public readonly problemes: string[]) {
    super(problemes.join(' ; '))
    this.name = 'ErreurRequete'
  }
}

/** Valide une requête ; lève `ErreurRequete` avec des messages en français. */
export function validerRequete(requete: RequeteRecherche): RequeteValidee {
  const r = requeteRecherche.safeParse(requete)
  if (r.success) return r.data
  throw new ErreurRequete(r.error.issues.map((i) => i.message))
}

// ---------------------------------------------------------------------------
// Réponse
// ---------------------------------------------------------------------------

/** Morceau de texte, surligné ou non : le portail l'échappe et met <mark> autour. */
export type Fragment = { texte: string; surligne: boolean }

/** Champs affichés avec les mots trouvés surlignés (la description est recadrée autour du premier). */
export type Surlignage = { nom: Fragment[]; structure_nom: Fragment[]; description: Fragment[] }

export type ResultatRecherche = {
  id: string
  score: number
  /** Faux pour une suggestion montrée à part quand la recherche n'a rien trouvé. */
  pertinent: boolean
  document: DocumentService
  surlignage: Surlignage
  /** Pourquoi le service est éligible dans la commune demandée ; null sans commune. */
  eligibilite: Eligibilite | null
  /** « mis à jour il y a 19 mois », signalé au-delà de 12 mois (date du jour injectable dans les moteurs). */
  fraicheur: Fraicheur
}

export type ValeurFacette = { code: string; libelle: string; nombre: number }
export type Facettes = Record<'thematiques' | 'publics' | 'types_partenaires' | 'modes_accueil' | 'frais', ValeurFacette[]>

export type ReponseRecherche = {
  /** « aucun-resultat » : rien de pertinent ; l'interface affiche « Aucun résultat » et, à part, les suggestions. */
  statut: 'resultats' | 'aucun-resultat'
  /** Résultats pertinents, dans l'ordre, page demandée (limite, décalage). */
  resultats: ResultatRecherche[]
  /** Nombre total de résultats pertinents. */
  total: number
  /** Suggestions non pertinentes (pertinent: false), seulement quand statut = « aucun-resultat ». */
  suggestions: ResultatRecherche[]
  /** Répartition des résultats pertinents (tous, pas seulement la page). */
  facettes: Facettes
  /** Commune de la personne, résolue (un ancien code mène à la commune actuelle). */
  commune: { code: string; nom: string } | null
  /** Ce que le moteur a compris, pour l'afficher (« recherche comprise : violences conjugales, Oyonnax »). */
  comprehension: { concepts: string[]; publics: string[]; communes: string[]; mots: string[]; inconnus: string[] }
  /** Saisie corrigée, null si la saisie a été cherchée telle quelle et qu'aucune correction n'est à proposer. */
  correction: CorrectionSaisie | null
}

/** Ce qui a été modifié dans la saisie, et pourquoi. */
export type MotifCorrection = 'abreviation' | 'phonetique' | 'decoupage' | 'orthographe'

/**
 * Saisie corrigée (« hebergemen urgen » → « hébergement urgent ») : montrée
 * sur la page de résultats, avec un lien vers la recherche littérale quand
 * elle a été appliquée (« Résultats pour … ; rechercher plutôt … »), ou
 * proposée (« Vouliez-vous dire … ? ») quand la recherche était littérale.
 */
export type CorrectionSaisie = {
  texte: string
  /** true : les résultats sont ceux de la saisie corrigée ; false : recherche littérale, correction seulement proposée. */
  appliquee: boolean
  modifications: Array<{ saisi: string; corrige: string; motif: MotifCorrection }>
}

export type StatistiquesIndex = {
  moteur: 'embarque' | 'meilisearch'
  documents: number
  /** Date ISO de la dernière modification de l'index, null s'il n'a jamais été rempli. */
  derniere_modification: string | null
  /** Durée de la dernière reconstruction complète (remplacerTout), en millisecondes. */
  duree_reconstruction_ms: number | null
}

// ---------------------------------------------------------------------------
// Le port
// ---------------------------------------------------------------------------

export interface MoteurRecherche {
  readonly nom: 'embarque' | 'meilisearch'
  /** Ajoute ou remplace des services (même id = mise à jour). */
  indexer(documents: readonly DocumentServiceSaisi[]): Promise<void>
  /** Retire des services ; un id inconnu est ignoré. */
  retirer(ids: readonly string[]): Promise<void>
  /**
   * Remplace tout l'index : le nouvel index est construit à côté puis
   * substitué d'un coup ; une recherche pendant la reconstruction voit
   * l'ancien index, jamais un index vide ou partiel.
   */
  remplacerTout(documents: readonly DocumentServiceSaisi[], options?: { progression?: (faits: number, total: number) => void }): Promise<void>
  rechercher(requete: RequeteRecherche): Promise<ReponseRecherche>
  statistiques(): Promise<StatistiquesIndex>
  /** Remplace le vocabulaire (l'opérateur a modifié le référentiel dans l'admin). */
  changerVocabulaire(vocabulaire: Vocabulaire): Promise<void>
  /**
   * Avant de compter une recherche sans résultat : sa forme normalisée, ou la
   * raison de ne pas la garder (search/retour/examen.ts), avec le vocabulaire
   * et le lexique des fiches de ce moteur (un mot de l'annuaire n'est pas un nom).
   */
  examinerRecherche(texte: string): ExamenRecherche
}
