import MiniSearch from 'minisearch'

import { codeCommuneActuel, natureDuCode } from '../../../domaine/territoire/index.ts'
import { communesCitees } from '../../communes.ts'
import { numerosDeFacettes } from '../../facettes.ts'
import { LexiqueAnnuaire, textesDuService, type TextesService } from '../../lexique.ts'
import type { DocumentService } from '../../port.ts'
import { estMotVideFrancais, mots, racine } from '../../texte.ts'

/**
 * L'index en mémoire du moteur embarqué : l'index plein texte (MiniSearch,
 * BM25 par champ) et, à côté, ce que MiniSearch ne sait pas tenir :
 * - des listes de services par type de partenaire, thématique, public, lieu,
 *   commune citée et code de zone (les signaux structurés du classement) ;
 * - le lexique de l'annuaire (search/lexique.ts), qui dit si un mot saisi
 *   existe et le corrige (arbre radix, recherche à 1 ou 2 fautes, phonétique).
 *
 * Un `Etat` est construit à côté puis substitué d'un coup par remplacerTout.
 * Les services ont un numéro interne dense (`idx`), qui sert d'indice dans
 * les tableaux typés du classement.
 */

/** Poids des champs dans le score BM25 : le nom dit ce qu'est le service, la description le détaille. */
export const POIDS_CHAMPS = {
  nom: 3,
  structure_nom: 2.5,
  type_libelle: 1.5,
  thematiques_libelles: 1.2,
  lieux: 1.5,
  description: 1,
  publics_libelles: 0.6,
  structure_description: 0.5,
  precisions: 0.4,
} as const
type Champ = keyof typeof POIDS_CHAMPS & keyof TextesService
const CHAMPS = Object.keys(POIDS_CHAMPS) as Champ[]

type ChampsIndexes = { idx: number } & TextesService

export type Interne = {
  doc: DocumentService
  /** Communes actuelles où le service a lieu (service et structure). */
  lieux: string[]
  /** Communes de l'Ain citées en toutes lettres dans le nom du service ou de la structure. */
  citees: string[]
  /** Zone ramenée aux codes actuels. */
  zone: string[]
  /** Étendue de la zone : 0 commune(s), 1 intercommunalité, 2 département, 3 France. */
  etendue: 0 | 1 | 2 | 3
  /** Mots indexés, repliés (pour tenir les lexiques à jour au retrait). */
  mots: string[]
  /** Racines du nom du service et de celui de sa structure (bonus de nom). */
  racinesNom: Set<string>
  /** Numéros de ses facettes (search/facettes.ts), pour compter vite celles des résultats. */
  facettes: Uint32Array
}

type Postings = Map<string, Set<number>>

const ajouterA = (p: Postings, cle: string, idx: number) => {
  const s = p.get(cle)
  if (s) s.add(idx)
  else p.set(cle, new Set([idx]))
}
const retirerDe = (p: Postings, cle: string, idx: number) => {
  const s = p.get(cle)
  if (!s) return
  s.delete(idx)
  if (s.size === 0) p.delete(cle)
}

function etendueDe(zone: readonly string[]): Interne['etendue'] {
  let e: Interne['etendue'] = 0
  for (const z of zone) {
    const nature = natureDuCode(z)
    if (nature === 'france') return 3
    if (nature === 'departement') e = 2
    else if (nature === 'epci' && e < 1) e = 1
  }
  return e
}

export class Etat {
  readonly index = new MiniSearch<ChampsIndexes>({
    idField: 'idx',
    fields: CHAMPS,
    tokenize: mots,
    processTerm: (mot) => (estMotVideFrancais(mot) ? null : racine(mot)),
    // Les requêtes envoyées à MiniSearch sont déjà des racines, séparées par des espaces.
    searchOptions: { tokenize: (s) => s.split(' '), processTerm: (t) => t, boost: POIDS_CHAMPS },
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
  })
  /** Services par numéro interne ; un trou après un retrait. */
  readonly internes: Array<Interne | undefined> = []
  readonly idxParId = new Map<string, number>()
  /**
   * Mots de l'annuaire (search/lexique.ts) : racines (le mot saisi est-il
   * connu ?), mots entiers (correction d'une faute, complétion : on compare
   * des mots entiers, pas des racines, « danse » est à une lettre de la racine
   * « dang » (danger), pas du mot « danger »), codes phonétiques.
   */
  readonly lexique = new LexiqueAnnuaire()
  readonly parType: Postings = new Map()
  readonly parThematique: Postings = new Map()
  readonly parPublic: Postings = new Map()
  readonly parLieu: Postings = new Map()
  readonly parCitee: Postings = new Map()
  readonly parZone: Postings = new Map()
  private nombre = 0
  /**
   * Scores texte déjà calculés pour un concept du vocabulaire. Le score texte
   * d'un concept ne dépend que de ses mots et de l'index : « VIF », « femme
   * battue » et « violences conjugales » le partagent. Vidé à chaque
   * modification de l'index, borné en taille.
   */
  private readonly memoire = new Map<string, { idx: Int32Array; score: Float32Array }>()
  private static readonly MEMOIRE_MAX = 1024

  constructor(private readonly memoriser = true) {}

  /** Scores texte mémorisés sous `cle`, calculés par `calcul` au premier appel. */
  scoresMemorises(cle: string, calcul: () => Array<[number, number]>): { idx: Int32Array; score: Float32Array } {
    let m = this.memoriser ? this.memoire.get(cle) : undefined
    if (!m) {
      const paires = calcul()
      m = { idx: Int32Array.from(paires, (p) => p[0]), score: Float32Array.from(paires, (p) => p[1]) }
      // Le plus ancien sort (ordre d'insertion de la Map) : vider toute la
      // mémoire d'un coup faisait tout recalculer dès que le vocabulaire utile
      // dépassait la borne.
      if (this.memoire.size >= Etat.MEMOIRE_MAX) this.memoire.delete(this.memoire.keys().next().value!)
      if (this.memoriser) this.memoire.set(cle, m)
    }
    return m
  }

  /** Nombre de services indexés. */
  get taille(): number {
    return this.nombre
  }

  /** Borne des numéros internes (taille des tableaux du classement). */
  get capacite(): number {
    return this.internes.length
  }

  ajouter(doc: DocumentService): void {
    if (this.idxParId.has(doc.id)) this.retirer(doc.id)
    this.memoire.clear()
    const idx = this.internes.length
    const textes = textesDuService(doc)
    this.index.add({ idx, ...textes })
    const motsIndexes = this.lexique.motsDuService(textes)
    this.lexique.compter(motsIndexes, 1)

    const actuel = (c: string) => codeCommuneActuel(c) ?? c
    const interne: Interne = {
      doc,
      lieux: [...new Set([doc.code_insee, doc.structure_code_insee].filter((c): c is string => !!c).map(actuel))],
      citees: [...new Set([...communesCitees(doc.nom), ...communesCitees(doc.structure_nom)])],
      zone: [...new Set(doc.zone_eligibilite.map(actuel))],
      etendue: etendueDe(doc.zone_eligibilite),
      mots: motsIndexes,
      racinesNom: new Set(mots(`${doc.nom} ${doc.structure_nom}`).map(racine)),
      facettes: numerosDeFacettes(doc),
    }
    this.internes.push(interne)
    this.idxParId.set(doc.id, idx)
    this.nombre++
    this.postings(interne, idx, ajouterA)
  }

  retirer(id: string): boolean {
    const idx = this.idxParId.get(id)
    if (idx === undefined) return false
    const interne = this.internes[idx]!
    this.memoire.clear()
    this.index.discard(idx)
    this.lexique.compter(interne.mots, -1)
    this.postings(interne, idx, retirerDe)
    this.internes[idx] = undefined
    this.idxParId.delete(id)
    this.nombre--
    return true
  }

  private postings(interne: Interne, idx: number, op: (p: Postings, cle: string, idx: number) => void) {
    const { doc } = interne
    op(this.parType, doc.type_partenaire, idx)
    for (const t of doc.thematiques) op(this.parThematique, t, idx)
    for (const p of doc.publics) op(this.parPublic, p, idx)
    for (const l of interne.lieux) op(this.parLieu, l, idx)
    for (const c of interne.citees) op(this.parCitee, c, idx)
    for (const z of interne.zone) op(this.parZone, z, idx)
  }
}
