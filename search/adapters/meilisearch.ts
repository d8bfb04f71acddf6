import { stopwords } from '@orama/stopwords/french'
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type Index,
  type IndexSwap,
  type SearchParams,
  type Settings,
} from 'meilisearch'

import { referentiels } from '../../content/schemas/data-inclusion.ts'
import { codeCommuneActuel } from '../../domaine/territoire/index.ts'
import { comprendre, correctionDeLaSaisie, resumeComprehension } from '../comprehension.ts'
import { contexteEligibilite, eligibilite, type ContexteEligibilite } from '../../domaine/territoire/index.ts'
import { facettesDepuisComptes } from '../facettes.ts'
import { fraicheur } from '../../domaine/annuaire/fraicheur.ts'
import { LexiqueAnnuaire, textesDuService } from '../lexique.ts'
import {
  documentService,
  ErreurRequete,
  validerRequete,
  type DocumentService,
  type DocumentServiceSaisi,
  type MoteurRecherche,
  type ReponseRecherche,
  type RequeteRecherche,
  type ResultatRecherche,
  type StatistiquesIndex,
} from '../port.ts'
import { descriptionCleRecherche } from './cleRecherche.ts'
import { examinerRecherche, type ExamenRecherche } from '../retour/examen.ts'
import { fragmentsDepuisBalises, surligner } from '../surlignage.ts'
import { mots } from '../texte.ts'
import { cleExpression, compilerVocabulaire, type Vocabulaire, type VocabulaireCompile } from '../vocabulaire/index.ts'

/**
 * Adaptateur Meilisearch (production), avec le client officiel `meilisearch`.
 *
 * - Configuration : MEILI_URL et MEILI_MASTER_KEY (ou options explicites).
 * - Réglages de l'index appliqués par le code au démarrage (premier appel) :
 *   attributs cherchables et filtrables, synonymes et mots vides tirés du même
 *   vocabulaire que le moteur embarqué, tolérance aux fautes à partir de 4
 *   lettres, langue française. Rien n'est réglé à la main dans Meilisearch.
 * - Le vocabulaire sert deux fois : en synonymes (sigles ↔ expressions) et,
 *   à l'indexation, en mots-clés ajoutés aux services des types et thématiques
 *   qu'il désigne (« femme battue » est écrit sur la fiche de l'association
 *   VIF) ; Meilisearch n'a pas de notion de « type de partenaire ».
 * - Éligibilité : un filtre `zone_eligibilite IN [commune, EPCI, département,
 *   france, 99100]`, appliqué par Meilisearch avant le classement.
 * - remplacerTout : construction dans un index temporaire, puis échange
 *   atomique (`swap-indexes`) ; les modifications reçues pendant la
 *   construction sont rejouées sur le nouvel index avant l'échange.
 * - Silence : recherche d'abord avec tous les mots (`matchingStrategy: all`) ;
 *   si rien ne correspond, le statut est « aucun-resultat » et une seconde
 *   recherche plus lâche fournit au plus 3 suggestions marquées non
 *   pertinentes.
 *
 * Compatible Meilisearch ≥ 1.10 (docker-compose.yml fige la 1.16) : l'échange
 * d'index n'envoie pas le champ `rename` (apparu en 1.18), dont la valeur par
 * défaut est l'échange.
 */

export type OptionsMoteurMeilisearch = {
  vocabulaire: Vocabulaire
  /** Adresse du serveur (configuration : MEILI_URL). */
  url: string
  /** Clé d'API (configuration : MEILI_MASTER_KEY ; une clé suffit si elle a les droits d'administration de l'index). */
  cleApi?: string
  /** Nom (uid) de l'index. */
  index?: string
  maintenant?: () => Date
  /** Attente maximale d'une tâche Meilisearch (indexation, réglages), en millisecondes. */
  delaiTacheMs?: number
  /** Taille des lots envoyés à Meilisearch pendant remplacerTout. */
  tailleLot?: number
}

/** Document tel qu'il est stocké dans Meilisearch : le document du port et les champs dérivés pour la recherche. */
type DocumentMeili = DocumentService & {
  type_libelle: string
  thematiques_libelles: string[]
  publics_libelles: string[]
  lieux: string[]
  mots_cles: string[]
  precisions: string
}

const ATTRIBUTS_CHERCHABLES = [
  'nom',
  'structure_nom',
  'mots_cles',
  'type_libelle',
  'lieux',
  'thematiques_libelles',
  'description',
  'publics_libelles',
  'structure_description',
  'precisions',
] as const
const FACETTES = ['thematiques', 'publics', 'type_partenaire', 'modes_accueil', 'frais'] as const

/** Balises de surlignage : caractères de contrôle absents des données, convertis en fragments. */
const DEBUT_SURLIGNAGE = '\u0002'
const FIN_SURLIGNAGE = '\u0003'
const NOMBRE_SUGGESTIONS = 3
/** Au plus tant de synonymes par forme : au-delà, Meilisearch multiplie les requêtes internes. */
const MAX_SYNONYMES = 4

/** Synonymes Meilisearch : chaque sigle ou expression mène aux premières formes de son entrée. */
export function synonymesDepuisVocabulaire(vocabulaire: Vocabulaire): Record<string, string[]> {
  const synonymes: Record<string, string[]> = {}
  for (const e of vocabulaire.entrees) {
    const formes = [...new Set([...e.sigles, ...e.expressions].map(cleExpression))].filter((f) => f.length > 0)
    const canoniques = formes.slice(0, MAX_SYNONYMES)
    for (const f of formes) {
      const autres = canoniques.filter((c) => c !== f)
      if (autres.length > 0) synonymes[f] = [...new Set([...(synonymes[f] ?? []), ...autres])].slice(0, MAX_SYNONYMES)
    }
  }
  return synonymes
}

/** Réglages de l'index, tous dérivés du code et du vocabulaire. */
export function reglagesIndex(vocabulaire: Vocabulaire): Settings {
  return {
    searchableAttributes: [...ATTRIBUTS_CHERCHABLES],
    filterableAttributes: ['zone_eligibilite', ...FACETTES, 'code_insee', 'structure_id'],
    displayedAttributes: ['*'],
    synonyms: synonymesDepuisVocabulaire(vocabulaire),
    stopWords: [...new Set([...stopwords, ...vocabulaire.mots_vides].flatMap((m) => mots(m)))],
    typoTolerance: {
      enabled: true,
      // Une faute dès 4 lettres, deux dès 8 ; jamais sur les nombres (115, 3919).
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnNumbers: true,
    },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 2000 },
  }
}

/** Mots-clés du vocabulaire écrits sur une fiche : les formes des entrées qui désignent ce service. */
export function motsClesDepuisVocabulaire(doc: DocumentService, vocabulaire: Vocabulaire): string[] {
  const resultat = new Set<string>()
  for (const e of vocabulaire.entrees) {
    const parType = e.types_partenaires.includes(doc.type_partenaire)
    const parThematique = e.types_partenaires.length === 0 && e.thematiques.some((t) => doc.thematiques.includes(t))
    const parPublic =
      e.types_partenaires.length === 0 && e.thematiques.length === 0 && e.publics.some((p) => doc.publics.includes(p))
    if (parType || parThematique || parPublic) for (const f of [...e.sigles, ...e.expressions]) resultat.add(f)
  }
  return [...resultat]
}

function versMeili(doc: DocumentService, vocabulaire: Vocabulaire): DocumentMeili {
  return {
    ...doc,
    // Zone ramenée aux codes actuels : un ancien code de commune ne doit pas échapper au filtre.
    zone_eligibilite: [...new Set(doc.zone_eligibilite.map((z) => codeCommuneActuel(z) ?? z))],
    type_libelle: referentiels.typesPartenaires[doc.type_partenaire] ?? doc.type_partenaire,
    thematiques_libelles: doc.thematiques.map((t) => referentiels.thematiques[t] ?? t),
    publics_libelles: doc.publics.map((p) => referentiels.publics[p] ?? p),
    lieux: [doc.commune, doc.numero_court, doc.numero_court?.replace(/\s/g, '')].filter((x): x is string => !!x),
    mots_cles: motsClesDepuisVocabulaire(doc, vocabulaire),
    precisions: [doc.publics_precisions, doc.conditions_acces, doc.frais_precisions, doc.mobilisation_precisions].filter(Boolean).join(' '),
  }
}

const chaine = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
const dans = (attribut: string, valeurs: readonly string[]) => `${attribut} IN [${valeurs.map(chaine).join(', ')}]`

type Journal = Array<{ op: 'indexer'; docs: DocumentService[] } | { op: 'retirer'; ids: string[] }>

export class MoteurMeilisearch implements MoteurRecherche {
  readonly nom = 'meilisearch' as const
  private readonly client: Meilisearch
  private readonly options: OptionsMoteurMeilisearch
  private lecteur: Promise<Meilisearch> | undefined
  private readonly uid: string
  private readonly maintenant: () => Date
  private readonly delaiTache: number
  private readonly tailleLot: number
  private vocabulaire: Vocabulaire
  private compile: VocabulaireCompile
  private pret: Promise<void> | undefined
  /**
   * Lexique des fiches indexées par ce processus (search/lexique.ts) : la
   * préparation de la saisie, commune aux deux moteurs, en a besoin pour
   * corriger et découper les mots avant d'interroger Meilisearch. Rempli par
   * `remplacerTout` (au démarrage du serveur) puis par chaque modification.
   */
  private lexique = new LexiqueAnnuaire()
  private motsParId = new Map<string, string[]>()
  private journal: Journal | null = null
  private dureeReconstruction: number | null = null

  constructor(options: OptionsMoteurMeilisearch) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.cleApi })
    this.options = options
    this.uid = options.index ?? 'passerelle-services'
    this.maintenant = options.maintenant ?? (() => new Date())
    this.delaiTache = options.delaiTacheMs ?? 60_000
    this.tailleLot = options.tailleLot ?? 1000
    this.vocabulaire = options.vocabulaire
    this.compile = compilerVocabulaire(options.vocabulaire)
  }

  private index(uid = this.uid): Index<DocumentMeili> {
    return this.client.index<DocumentMeili>(uid)
  }

  /** Attend une tâche Meilisearch et lève une erreur lisible si elle échoue. */
  private async attendre(tache: EnqueuedTaskPromise): Promise<void> {
    const t = await tache.waitTask({ timeout: this.delaiTache, interval: 25 })
    if (t.status !== 'succeeded')
      throw new Error(`Meilisearch : la tâche ${t.type} a échoué (${t.status})${t.error ? ` : ${t.error.message}` : ''}`)
  }

  private async indexExiste(uid: string): Promise<boolean> {
    try {
      await this.client.getIndex(uid)
      return true
    } catch (e) {
      if (e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found') return false
      throw e
    }
  }

  private async creerAvecReglages(uid: string): Promise<void> {
    if (!(await this.indexExiste(uid))) await this.attendre(this.client.createIndex(uid, { primaryKey: 'id' }))
    await this.attendre(this.index(uid).updateSettings(reglagesIndex(this.vocabulaire)))
  }

  /**
   * Le client qui cherche : il ne porte qu'une clé de recherche sur cet index
   * (search/adapters/cleRecherche.ts), retrouvée ou créée une fois par processus.
   * Sans clé configurée (Meilisearch de développement), il n'y a rien à restreindre.
   */
  private clientDeRecherche(): Promise<Meilisearch> {
    const cleAdministration = this.options.cleApi
    if (!cleAdministration) return Promise.resolve(this.client)
    this.lecteur ??= (async () => {
      const description = descriptionCleRecherche(cleAdministration, this.uid)
      const cle = await this.client.getKey(description.uid).catch(async (e: unknown) => {
        if (e instanceof MeilisearchApiError && e.cause?.code === 'api_key_not_found') return this.client.createKey(description)
        throw e
      })
      return new Meilisearch({ host: this.options.url, apiKey: cle.key })
    })().catch((e: unknown) => {
      this.lecteur = undefined
      throw e
    })
    return this.lecteur
  }

  /** Crée l'index s'il manque et (ré)applique les réglages : une fois par processus. */
  demarrer(): Promise<void> {
    this.pret ??= this.creerAvecReglages(this.uid).catch((e: unknown) => {
      this.pret = undefined
      throw e
    })
    return this.pret
  }

  async indexer(documents: readonly DocumentServiceSaisi[]): Promise<void> {
    await this.demarrer()
    const docs = documents.map((d) => documentService.parse(d))
    this.journal?.push({ op: 'indexer', docs })
    this.noterDansLexique(this.lexique, this.motsParId, docs)
    if (docs.length > 0) await this.attendre(this.index().addDocuments(docs.map((d) => versMeili(d, this.vocabulaire))))
  }

  async retirer(ids: readonly string[]): Promise<void> {
    await this.demarrer()
    this.journal?.push({ op: 'retirer', ids: [...ids] })
    for (const id of ids) {
      const anciens = this.motsParId.get(id)
      if (anciens) this.lexique.compter(anciens, -1)
      this.motsParId.delete(id)
    }
    if (ids.length > 0) await this.attendre(this.index().deleteDocuments([...ids]))
  }

  async remplacerTout(
    documents: readonly DocumentServiceSaisi[],
    options: { progression?: (faits: number, total: number) => void } = {},
  ): Promise<void> {
    const debut = performance.now()
    await this.demarrer()
    const docs = documents.map((d) => documentService.parse(d))
    const temporaire = `${this.uid}-reconstruction-${Date.now()}`
    const journal: Journal = []
    this.journal = journal
    try {
      await this.creerAvecReglages(temporaire)
      for (let i = 0; i < docs.length; i += this.tailleLot) {
        const lot = docs.slice(i, i + this.tailleLot).map((d) => versMeili(d, this.vocabulaire))
        await this.attendre(this.index(temporaire).addDocuments(lot))
        options.progression?.(Math.min(i + this.tailleLot, docs.length), docs.length)
      }
      for (const entree of journal) {
        if (entree.op === 'indexer') await this.attendre(this.index(temporaire).addDocuments(entree.docs.map((d) => versMeili(d, this.vocabulaire))))
        else await this.attendre(this.index(temporaire).deleteDocuments(entree.ids))
      }
      // Échange atomique : les recherches voient l'ancien index jusqu'ici, le nouveau ensuite.
      const echange = { indexes: [this.uid, temporaire] } as IndexSwap
      await this.attendre(this.client.swapIndexes([echange]))
      const lexique = new LexiqueAnnuaire()
      const motsParId = new Map<string, string[]>()
      this.noterDansLexique(lexique, motsParId, docs)
      for (const entree of journal) {
        if (entree.op === 'indexer') this.noterDansLexique(lexique, motsParId, entree.docs)
        else
          for (const id of entree.ids) {
            const anciens = motsParId.get(id)
            if (anciens) lexique.compter(anciens, -1)
            motsParId.delete(id)
          }
      }
      this.lexique = lexique
      this.motsParId = motsParId
    } finally {
      this.journal = null
      await this.client.deleteIndexIfExists(temporaire).catch(() => undefined)
    }
    this.dureeReconstruction = performance.now() - debut
  }

  private noterDansLexique(lexique: LexiqueAnnuaire, motsParId: Map<string, string[]>, docs: readonly DocumentService[]) {
    for (const d of docs) {
      const anciens = motsParId.get(d.id)
      if (anciens) lexique.compter(anciens, -1)
      const nouveaux = lexique.motsDuService(textesDuService(d))
      lexique.compter(nouveaux, 1)
      motsParId.set(d.id, nouveaux)
    }
  }

  examinerRecherche(texte: string): ExamenRecherche {
    return examinerRecherche(texte, { vocabulaire: this.compile, lexique: this.lexique })
  }

  async changerVocabulaire(vocabulaire: Vocabulaire): Promise<void> {
    this.vocabulaire = vocabulaire
    this.compile = compilerVocabulaire(vocabulaire)
    await this.demarrer()
    await this.attendre(this.index().updateSettings(reglagesIndex(vocabulaire)))
    // Les mots-clés écrits sur les fiches dépendent du vocabulaire : on les réécrit.
    for (let offset = 0; ; offset += this.tailleLot) {
      const page = await this.index().getDocuments({ limit: this.tailleLot, offset })
      if (page.results.length === 0) break
      const maj = page.results.map((d) => ({ id: d.id, mots_cles: motsClesDepuisVocabulaire(documentService.parse(d), vocabulaire) }))
      await this.attendre(this.index().updateDocuments(maj))
      if (page.results.length < this.tailleLot) break
    }
  }

  async statistiques(): Promise<StatistiquesIndex> {
    await this.demarrer()
    const [stats, info] = await Promise.all([this.index().getStats(), this.index().getRawInfo()])
    return {
      moteur: 'meilisearch',
      documents: stats.numberOfDocuments,
      derniere_modification: info.updatedAt ?? null,
      duree_reconstruction_ms: this.dureeReconstruction === null ? null : Math.round(this.dureeReconstruction),
    }
  }

  async rechercher(requete: RequeteRecherche): Promise<ReponseRecherche> {
    const r = validerRequete(requete)
    const contexte = r.commune ? contexteEligibilite(r.commune) : undefined
    if (r.commune && !contexte) throw new ErreurRequete([`commune inconnue : « ${r.commune} » (code INSEE)`])
    await this.demarrer()

    const filtres: string[] = []
    if (contexte) filtres.push(dans('zone_eligibilite', [...contexte.codes.keys()]))
    const f = r.filtres ?? {}
    if (f.thematiques?.length) filtres.push(dans('thematiques', f.thematiques))
    if (f.publics?.length) filtres.push(dans('publics', f.publics))
    if (f.types_partenaires?.length) filtres.push(dans('type_partenaire', f.types_partenaires))
    if (f.modes_accueil?.length) filtres.push(dans('modes_accueil', f.modes_accueil))
    if (f.frais?.length) filtres.push(dans('frais', f.frais))

    // La même compréhension que le moteur embarqué : saisie préparée
    // (abréviations, phonétique, mots collés), puis envoyée corrigée.
    const litteral = r.litteral ?? false
    const options = { lexique: this.lexique, ...(r.enCours === undefined ? {} : { enCours: r.enCours }) }
    const compris = comprendre(r.texte, this.compile, { ...options, litteral })
    const comprehension = resumeComprehension(compris.clauses, [])
    const correction = correctionDeLaSaisie(litteral ? comprendre(r.texte, this.compile, options) : compris, !litteral)
    const communeReponse = contexte ? { code: contexte.commune.code, nom: contexte.commune.nom } : null
    const texte = litteral ? r.texte.trim() : compris.saisie.mots.map((m) => m.mot).join(' ')
    const base: SearchParams = {
      ...(filtres.length > 0 ? { filter: filtres } : {}),
      attributesToHighlight: ['nom', 'structure_nom', 'description'],
      highlightPreTag: DEBUT_SURLIGNAGE,
      highlightPostTag: FIN_SURLIGNAGE,
      attributesToCrop: ['description'],
      cropLength: 40,
      cropMarker: '…',
      showRankingScore: true,
      locales: ['fra'],
    }

    const lecteur = (await this.clientDeRecherche()).index<DocumentMeili>(this.uid)
    const reponse = await lecteur.search(texte || null, {
      ...base,
      facets: [...FACETTES],
      limit: r.limite,
      offset: r.decalage,
      matchingStrategy: 'all',
    })
    const total = reponse.estimatedTotalHits ?? reponse.hits.length
    if (total > 0 || !texte) {
      const fd = reponse.facetDistribution ?? {}
      return {
        statut: total > 0 ? 'resultats' : 'aucun-resultat',
        resultats: reponse.hits.map((h) => this.resultat(h, true, contexte)),
        total,
        suggestions: [],
        facettes: facettesDepuisComptes({
          thematiques: fd.thematiques,
          publics: fd.publics,
          types_partenaires: fd.type_partenaire,
          modes_accueil: fd.modes_accueil,
          frais: fd.frais,
        }),
        commune: communeReponse,
        comprehension,
        correction,
      }
    }
    // Rien avec tous les mots : « aucun résultat », et des suggestions à part.
    const lache = await lecteur.search(texte, { ...base, limit: NOMBRE_SUGGESTIONS, matchingStrategy: 'last' })
    return {
      statut: 'aucun-resultat',
      resultats: [],
      total: 0,
      suggestions: lache.hits.map((h) => this.resultat(h, false, contexte)),
      facettes: facettesDepuisComptes({}),
      commune: communeReponse,
      comprehension,
      correction,
    }
  }

  private resultat(
    hit: DocumentMeili & { _formatted?: Partial<DocumentMeili>; _rankingScore?: number },
    pertinent: boolean,
    contexte: ContexteEligibilite | undefined,
  ): ResultatRecherche {
    const doc = documentService.parse(hit)
    const formate = hit._formatted
    const fragments = (champ: 'nom' | 'structure_nom' | 'description') => {
      const texte = formate?.[champ]
      return typeof texte === 'string' ? fragmentsDepuisBalises(texte, DEBUT_SURLIGNAGE, FIN_SURLIGNAGE) : surligner(doc, new Set())[champ]
    }
    return {
      id: doc.id,
      score: Math.round((hit._rankingScore ?? 0) * 1000) / 1000,
      pertinent,
      document: doc,
      surlignage: { nom: fragments('nom'), structure_nom: fragments('structure_nom'), description: fragments('description') },
      eligibilite: contexte ? (eligibilite(doc.zone_eligibilite, contexte) ?? null) : null,
      fraicheur: fraicheur(doc.date_maj, this.maintenant()),
    }
  }
}

/** Fabrique de l'adaptateur Meilisearch (MEILI_URL, MEILI_MASTER_KEY par défaut). */
export function creerMoteurMeilisearch(options: OptionsMoteurMeilisearch): MoteurMeilisearch {
  return new MoteurMeilisearch(options)
}
