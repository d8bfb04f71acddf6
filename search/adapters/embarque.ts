import { comprendre, correctionDeLaSaisie, resumeComprehension } from '../comprehension.ts'
import { contexteEligibilite, eligibilite, niveauCouverture, type ContexteEligibilite } from '../../domaine/territoire/index.ts'
import { facettesDepuisNumeros, facettesVides } from '../facettes.ts'
import { fraicheur } from '../../domaine/annuaire/fraicheur.ts'
import { Joignabilite } from '../joignable.ts'
import {
  documentService,
  ErreurRequete,
  validerRequete,
  type DocumentService,
  type DocumentServiceSaisi,
  type MoteurRecherche,
  type ReponseRecherche,
  type RequeteRecherche,
  type RequeteValidee,
  type ResultatRecherche,
  type StatistiquesIndex,
} from '../port.ts'
import { examinerRecherche, type ExamenRecherche } from '../retour/examen.ts'
import { surligner } from '../surlignage.ts'
import { compilerVocabulaire, type Vocabulaire, type VocabulaireCompile } from '../vocabulaire/index.ts'
import { Classeur, meilleurs } from './embarque/classement.ts'
import { Etat, type Interne } from './embarque/etat.ts'

/**
 * Moteur embarqué (par défaut) : index en mémoire dans le processus du
 * portail, sans serveur. MiniSearch tient l'index plein texte et le score BM25
 * par champ (embarque/etat.ts) ; ce module et embarque/classement.ts y
 * ajoutent ce qu'aucun moteur du commerce ne fait pour nous (search/DECISION.md) :
 * - la compréhension de la requête (vocabulaire du terrain, communes citées) ;
 * - un classement par clauses : d'abord les services qui répondent à tous les
 *   besoins exprimés, puis les mieux notés ;
 * - la tolérance aux fautes et la complétion seulement pour les mots inconnus
 *   de l'index (ce qui garde le moteur rapide à 10 000 services) ;
 * - le silence : une requête dont on ne comprend pas l'essentiel (« vétérinaire
 *   de garde ») répond « aucun résultat », pas du bruit ;
 * - l'éligibilité et les filtres appliqués avant le classement.
 *
 * Une modification (indexer, retirer) est cherchable dès que la promesse est
 * résolue ; remplacerTout construit un nouvel index à côté, par lots (le
 * serveur reste réactif), rejoue les modifications reçues entre-temps, puis
 * le substitue d'un coup.
 */

/** Nombre de mots saisis à partir duquel une requête est une phrase (voir la règle du silence). */
const MOTS_D_UNE_PHRASE = 5
/** Suggestions montrées à part quand il n'y a aucun résultat pertinent. */
const NOMBRE_SUGGESTIONS = 3
/** Ordre alphabétique français (accents, casse) pour parcourir l'annuaire sans texte. */
const ORDRE_FR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

export type OptionsMoteurEmbarque = {
  /** Vocabulaire du terrain (référentiel de l'opérateur) ; voir search/vocabulaire. */
  vocabulaire: Vocabulaire
  /** Date du jour, pour la fraîcheur des fiches (les tests la fixent). */
  maintenant?: () => Date
  /** Nombre de services indexés entre deux pauses pendant `remplacerTout`. */
  tailleLot?: number
  /**
   * Mémoriser le score texte de chaque concept du vocabulaire entre deux
   * modifications de l'index (par défaut : oui). Désactivable pour mesurer le
   * coût d'une requête sans mémoire (banc d'essai, --sans-memoire).
   */
  memoireTexte?: boolean
}

type Journal = Array<{ op: 'indexer'; docs: DocumentService[] } | { op: 'retirer'; ids: string[] }>

export class MoteurEmbarque implements MoteurRecherche {
  readonly nom = 'embarque' as const
  private etat: Etat
  private vocabulaire: VocabulaireCompile
  private readonly memoireTexte: boolean
  private readonly classeur = new Classeur()
  private readonly joignabilite = new Joignabilite()
  private readonly maintenant: () => Date
  private readonly tailleLot: number
  private journal: Journal | null = null
  private derniereModification: Date | null = null
  private dureeReconstruction: number | null = null

  constructor(options: OptionsMoteurEmbarque) {
    this.vocabulaire = compilerVocabulaire(options.vocabulaire)
    this.maintenant = options.maintenant ?? (() => new Date())
    this.tailleLot = options.tailleLot ?? 500
    this.memoireTexte = options.memoireTexte ?? true
    this.etat = new Etat(this.memoireTexte)
  }

  async indexer(documents: readonly DocumentServiceSaisi[]): Promise<void> {
    const docs = documents.map((d) => documentService.parse(d))
    for (const d of docs) this.etat.ajouter(d)
    this.journal?.push({ op: 'indexer', docs })
    this.derniereModification = new Date()
  }

  async retirer(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.etat.retirer(id)
    this.journal?.push({ op: 'retirer', ids: [...ids] })
    this.derniereModification = new Date()
  }

  async remplacerTout(
    documents: readonly DocumentServiceSaisi[],
    options: { progression?: (faits: number, total: number) => void } = {},
  ): Promise<void> {
    const debut = performance.now()
    const docs = documents.map((d) => documentService.parse(d))
    const neuf = new Etat(this.memoireTexte)
    // Les modifications reçues pendant la construction sont rejouées sur le
    // nouvel index avant la substitution : aucune n'est perdue.
    const journal: Journal = []
    this.journal = journal
    try {
      for (let i = 0; i < docs.length; i += this.tailleLot) {
        for (const d of docs.slice(i, i + this.tailleLot)) neuf.ajouter(d)
        options.progression?.(Math.min(i + this.tailleLot, docs.length), docs.length)
        if (i + this.tailleLot < docs.length) await new Promise((r) => setImmediate(r))
      }
      for (const entree of journal) {
        if (entree.op === 'indexer') for (const d of entree.docs) neuf.ajouter(d)
        else for (const id of entree.ids) neuf.retirer(id)
      }
      this.etat = neuf
    } finally {
      this.journal = null
    }
    this.derniereModification = new Date()
    this.dureeReconstruction = performance.now() - debut
  }

  async changerVocabulaire(vocabulaire: Vocabulaire): Promise<void> {
    this.vocabulaire = compilerVocabulaire(vocabulaire)
  }

  examinerRecherche(texte: string): ExamenRecherche {
    return examinerRecherche(texte, { vocabulaire: this.vocabulaire, lexique: this.etat.lexique })
  }

  async statistiques(): Promise<StatistiquesIndex> {
    return {
      moteur: 'embarque',
      documents: this.etat.taille,
      derniere_modification: this.derniereModification?.toISOString() ?? null,
      duree_reconstruction_ms: this.dureeReconstruction === null ? null : Math.round(this.dureeReconstruction),
    }
  }

  async rechercher(requete: RequeteRecherche): Promise<ReponseRecherche> {
    return this.rechercherSync(requete)
  }

  /** Recherche synchrone : le moteur ne fait aucune entrée-sortie. */
  rechercherSync(requete: RequeteRecherche): ReponseRecherche {
    const r = validerRequete(requete)
    const etat = this.etat
    const contexte = r.commune ? contexteEligibilite(r.commune) : undefined
    if (r.commune && !contexte) throw new ErreurRequete([`commune inconnue : « ${r.commune} » (code INSEE)`])
    const admissible = filtreAdmissible(etat, r, contexte)

    const litteral = r.litteral ?? false
    const options = { lexique: etat.lexique, ...(r.enCours === undefined ? {} : { enCours: r.enCours }) }
    const compris = comprendre(r.texte, this.vocabulaire, { ...options, litteral })
    const { clauses } = compris
    const instant = this.maintenant()
    const c = this.classeur.classer(etat, this.vocabulaire, clauses, admissible, contexte, { litteral, instant, joignabilite: this.joignabilite })
    const comprehension = resumeComprehension(clauses, c.inconnus)
    const forme = (mot: string) => this.vocabulaire.forme(mot) ?? etat.lexique.forme(mot)
    // Recherche littérale : la correction qu'on aurait appliquée est proposée.
    const correction = litteral
      ? correctionDeLaSaisie(comprendre(r.texte, this.vocabulaire, options), false)
      : correctionDeLaSaisie(
          compris,
          true,
          c.corrections.map((x) => ({ origine: x.origine, modification: { saisi: x.saisi, corrige: forme(x.corrige), motif: 'orthographe' as const } })),
        )
    const commune = contexte ? { code: contexte.commune.code, nom: contexte.commune.nom } : null
    const versResultat = (idx: number, score: number, pertinent: boolean, racines: ReadonlySet<string>) =>
      this.resultat(etat.internes[idx]!, score, pertinent, racines, contexte)

    // Silence : des mots inconnus de l'annuaire, au moins autant que de besoins
    // compris. Un mot trouvé seulement après correction compte pour moitié
    // d'un côté et n'est pas compté de l'autre (« dentiste de garde »).
    // Une phrase (5 mots et plus) décrit une situation avec des mots de liant
    // que l'annuaire ignore : il y faut deux fois plus de mots inconnus que de
    // besoins compris pour se taire ; une requête courte (« permis de chasse »)
    // se tait dès qu'elle a autant d'inconnus que de besoins.
    const douteux = c.inconnus.filter((m) => m.length >= 3 && !/^\d+$/.test(m)).length + 0.5 * c.incertains.length
    const compris_ = c.besoins - c.incertains.length
    const phrase = compris.saisie.saisis.length >= MOTS_D_UNE_PHRASE
    const silence = douteux > 0 && (phrase ? douteux > 2 * compris_ : douteux >= compris_)

    if (c.clauses === 0 && !silence) {
      // Pas de texte (ou seulement des mots vides) : on parcourt l'annuaire filtré.
      const tous: number[] = []
      etat.internes.forEach((interne, idx) => {
        if (interne && admissible(idx)) tous.push(idx)
      })
      // Les plus proches d'abord (avec une commune), puis par nom de structure et de service.
      const rang = (idx: number) => {
        const niveau = contexte ? niveauCouverture(etat.internes[idx]!.zone, contexte)?.niveau : undefined
        return niveau === 'commune' ? 0 : niveau === 'epci' ? 1 : niveau === 'departement' ? 2 : 3
      }
      const cles = new Map(tous.map((idx) => [idx, rang(idx)]))
      const doc = (idx: number) => etat.internes[idx]!.doc
      const comparer = (a: number, b: number) =>
        cles.get(a)! - cles.get(b)! || ORDRE_FR.compare(doc(a).structure_nom, doc(b).structure_nom) || ORDRE_FR.compare(doc(a).nom, doc(b).nom)
      const page = meilleurs(tous, r.decalage + r.limite, (a, b) => comparer(a, b) < 0).slice(r.decalage)
      const vide = new Set<string>()
      return {
        statut: tous.length > 0 ? 'resultats' : 'aucun-resultat',
        resultats: page.map((idx) => versResultat(idx, 0, true, vide)),
        total: tous.length,
        suggestions: [],
        facettes: facettesDepuisNumeros(tous.map((idx) => etat.internes[idx]!.facettes)),
        commune,
        comprehension,
        correction,
      }
    }

    // Rien de pertinent : aucun service ne répond à la moitié des besoins
    // exprimés (dans une phrase, à au moins l'un d'eux).
    if (silence || c.couvertureMax === 0 || (!phrase && c.couvertureMax * 2 < c.clauses)) {
      return {
        statut: 'aucun-resultat',
        resultats: [],
        total: 0,
        suggestions: c.meilleurs(NOMBRE_SUGGESTIONS, 'tous').map((idx) => versResultat(idx, c.score(idx), false, c.racines)),
        facettes: facettesVides(),
        commune,
        comprehension,
        correction,
      }
    }
    const page = c.meilleurs(r.decalage + r.limite, 'premiers').slice(r.decalage)
    return {
      statut: 'resultats',
      resultats: page.map((idx) => versResultat(idx, c.score(idx), true, c.racines)),
      total: c.premiers.length,
      suggestions: [],
      facettes: facettesDepuisNumeros(c.premiers.map((idx) => etat.internes[idx]!.facettes)),
      commune,
      comprehension,
      correction,
    }
  }

  private resultat(
    interne: Interne,
    score: number,
    pertinent: boolean,
    racines: ReadonlySet<string>,
    contexte: ContexteEligibilite | undefined,
  ): ResultatRecherche {
    const { doc } = interne
    return {
      id: doc.id,
      score: Math.round(score * 1000) / 1000,
      pertinent,
      document: doc,
      surlignage: surligner(doc, racines),
      eligibilite: contexte ? (eligibilite(doc.zone_eligibilite, contexte) ?? null) : null,
      fraicheur: fraicheur(doc.date_maj, this.maintenant()),
    }
  }
}

/** Filtres de facettes et éligibilité, appliqués avant tout classement. */
function filtreAdmissible(etat: Etat, r: RequeteValidee, contexte: ContexteEligibilite | undefined): (idx: number) => boolean {
  const f = r.filtres ?? {}
  const listes: Array<[readonly string[] | undefined, (d: DocumentService) => readonly string[]]> = [
    [f.thematiques, (d) => d.thematiques],
    [f.publics, (d) => d.publics],
    [f.types_partenaires, (d) => [d.type_partenaire]],
    [f.modes_accueil, (d) => d.modes_accueil],
    [f.frais, (d) => (d.frais ? [d.frais] : [])],
  ]
  const actives = listes.filter((x): x is [readonly string[], (d: DocumentService) => readonly string[]] => !!x[0] && x[0].length > 0)
  return (idx) => {
    const interne = etat.internes[idx]
    if (!interne) return false
    if (contexte && niveauCouverture(interne.zone, contexte) === undefined) return false
    return actives.every(([codes, valeurs]) => valeurs(interne.doc).some((v) => codes.includes(v)))
  }
}

/** Fabrique du moteur embarqué : le vocabulaire est un paramètre (référentiel de l'opérateur). */
export function creerMoteurEmbarque(options: OptionsMoteurEmbarque): MoteurEmbarque {
  return new MoteurEmbarque(options)
}
