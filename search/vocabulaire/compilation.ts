import SearchableMap from 'minisearch/SearchableMap'

import { estMotFrancais } from '../orthographe/dictionnaire.ts'
import { codePhonetique } from '../orthographe/phonetique.ts'
import { estMotVideFrancais, fautesEntre, fautesToleres, motsSignificatifs, mots, racine } from '../texte.ts'
import type { Vocabulaire } from './schema.ts'

/**
 * Vocabulaire « compilé » pour la reconnaissance dans une requête : chaque
 * sigle ou expression devient une suite de mots significatifs, indexée par son
 * premier mot. Un moteur compile le vocabulaire qu'il reçoit à sa création (ou
 * quand l'opérateur le modifie) ; la reconnaissance coûte alors quelques
 * microsecondes par requête.
 */

export type EntreeCompilee = {
  code: string
  libelle: string
  thematiques: readonly string[]
  types: readonly string[]
  publics: readonly string[]
  /** Racines cherchées dans les fiches quand l'entrée est reconnue, avec leur poids. */
  racinesAssociees: ReadonlyMap<string, number>
}

type Forme = { mots: string[]; sigle: boolean; texte: string; entree: EntreeCompilee }

/** Une entrée reconnue dans la suite de mots significatifs d'une requête. */
export type Reconnaissance = {
  debut: number
  longueur: number
  entree: EntreeCompilee
  /** Le sigle ou l'expression du vocabulaire reconnu. */
  forme: string
  fautes: number
}

export type VocabulaireCompile = {
  entrees: readonly EntreeCompilee[]
  /** Mots vides du français et du vocabulaire (« besoin », « cherche »), repliés. */
  estMotVide(mot: string): boolean
  /**
   * Plus longue entrée reconnue à la position `debut` de la suite.
   * `motConnu` (facultatif) dit si un mot existe tel quel dans l'annuaire :
   * un tel mot n'est pas « corrigé » vers un mot voisin du vocabulaire
   * (« domicile » reste « domicile », il ne devient pas « domicilié »).
   * `exact` : aucune faute tolérée (recherche littérale demandée).
   */
  reconnaitre(suite: readonly string[], debut: number, motConnu?: (mot: string) => boolean, exact?: boolean): Reconnaissance | undefined
  /** Le mot (replié) figure-t-il dans un sigle, une expression ou un mot associé ? */
  connait(mot: string): boolean
  /** Mots du vocabulaire qui se prononcent comme ce code (« kel » → « quel »). */
  parPhonetique(code: string): readonly string[]
  /** Développement d'une abréviation (« pr » → [« pour »]), en mots repliés. */
  abreviation(mot: string): readonly string[] | undefined
  /** Forme accentuée d'un mot du vocabulaire (« hebergement » → « hébergement »). */
  forme(mot: string): string | undefined
}

/** Poids des mots associés par rapport aux mots saisis : ils élargissent, ils ne doivent pas dominer. */
const POIDS_ASSOCIE = 0.8

/**
 * Même mot au pluriel ou au féminin près : même racine, et le même début
 * (« violences » / « violence », « maltraité » / « maltraitance »), pas deux
 * mots que le raciniseur confond (« coupé » / « coups », « boîte » / « boit »).
 */
function memeMot(saisi: string, attendu: string): boolean {
  if (Math.min(saisi.length, attendu.length) < 5 || racine(saisi) !== racine(attendu)) return false
  if (saisi.startsWith(attendu) || attendu.startsWith(saisi)) return true
  let commun = 0
  while (commun < saisi.length && saisi[commun] === attendu[commun]) commun++
  return commun >= 6
}

/**
 * Fautes entre un mot saisi et un mot d'une forme du vocabulaire ; un sigle se
 * saisit exactement. Une forme d'un seul mot ne corrige pas un vrai mot
 * français (« traîne » n'est pas « traite », « forcée » n'est pas « forces ») :
 * seule une expression de plusieurs mots le peut (« france sevices »).
 */
function fautesForme(saisi: string, attendu: string, sigle: boolean, formeCourte: boolean): number | undefined {
  if (saisi === attendu) return 0
  if (sigle) return undefined
  if (memeMot(saisi, attendu)) return 0
  const fautes = fautesEntre(saisi, attendu)
  if (fautes !== undefined && formeCourte && estMotFrancais(saisi)) return undefined
  return fautes
}

export function compilerVocabulaire(vocabulaire: Vocabulaire): VocabulaireCompile {
  const motsVides = new Set<string>()
  for (const m of vocabulaire.mots_vides) for (const mot of mots(m)) motsVides.add(mot)

  const formes: Forme[] = []
  const entrees: EntreeCompilee[] = vocabulaire.entrees.map((e) => {
    const racinesAssociees = new Map<string, number>()
    const ajouter = (texte: string, poids: number) => {
      for (const m of mots(texte)) {
        if (estMotVideFrancais(m) || motsVides.has(m)) continue
        const r = racine(m)
        racinesAssociees.set(r, Math.max(racinesAssociees.get(r) ?? 0, poids))
      }
    }
    for (const s of e.sigles) ajouter(s, POIDS_ASSOCIE)
    for (const m of e.mots_associes) ajouter(m, POIDS_ASSOCIE)
    const entree: EntreeCompilee = {
      code: e.code,
      libelle: e.libelle,
      thematiques: e.thematiques,
      types: e.types_partenaires,
      publics: e.publics,
      racinesAssociees,
    }
    for (const s of e.sigles) formes.push({ mots: motsSignificatifs(s), sigle: true, texte: s, entree })
    for (const x of e.expressions) {
      const m = motsSignificatifs(x)
      // « à manger » → « manger » : une expression réduite à rien n'est pas reconnaissable.
      if (m.length > 0) formes.push({ mots: m, sigle: false, texte: x, entree })
    }
    return entree
  })

  // Index par premier mot exact, par racine du premier mot, et liste des
  // premiers mots pour la tolérance aux fautes.
  const parPremier = new Map<string, Forme[]>()
  const parRacine = new Map<string, Forme[]>()
  for (const f of formes) {
    const premier = f.mots[0]!
    const liste = parPremier.get(premier)
    if (liste) liste.push(f)
    else parPremier.set(premier, [f])
    if (!f.sigle) {
      const r = racine(premier)
      const l = parRacine.get(r)
      if (l) l.push(f)
      else parRacine.set(r, [f])
    }
  }
  // Arbre radix des premiers mots : la recherche à une ou deux fautes près y
  // coûte quelques microsecondes, au lieu d'une comparaison avec chaque mot.
  const premiersTolerants = new SearchableMap<true>()
  for (const f of formes) if (!f.sigle) premiersTolerants.set(f.mots[0]!, true)

  function candidats(mot: string, connu: boolean): Set<Forme> {
    const resultat = new Set<Forme>(parPremier.get(mot) ?? [])
    for (const f of parRacine.get(racine(mot)) ?? []) resultat.add(f)
    const max = fautesToleres(mot)
    // Un mot connu de l'annuaire n'est jamais corrigé : inutile de chercher ses voisins.
    if (max > 0 && !connu)
      for (const [p] of premiersTolerants.fuzzyGet(mot, max)) {
        if (p === mot || fautesEntre(mot, p) === undefined) continue
        for (const f of parPremier.get(p)!) if (!f.sigle) resultat.add(f)
      }
    return resultat
  }

  function reconnaitre(suite: readonly string[], debut: number, motConnu?: (mot: string) => boolean, exact = false): Reconnaissance | undefined {
    const premier = suite[debut]
    if (premier === undefined) return undefined
    let meilleure: Reconnaissance | undefined
    for (const f of candidats(premier, exact || (motConnu?.(premier) ?? false))) {
      if (debut + f.mots.length > suite.length) continue
      let fautes = 0
      let ok = true
      for (let k = 0; k < f.mots.length; k++) {
        const saisi = suite[debut + k]!
        let d = fautesForme(saisi, f.mots[k]!, f.sigle, f.mots.length === 1)
        if (d !== undefined && d > 0 && (exact || motConnu?.(saisi))) d = undefined
        // Un mot vide ne désigne une forme que tel quel (« aide » n'est pas « aidant »).
        if (d !== undefined && saisi !== f.mots[k] && estMotVide(saisi)) d = undefined
        if (d === undefined) {
          ok = false
          break
        }
        fautes += d
      }
      if (!ok) continue
      if (
        !meilleure ||
        f.mots.length > meilleure.longueur ||
        (f.mots.length === meilleure.longueur && fautes < meilleure.fautes)
      )
        meilleure = { debut, longueur: f.mots.length, entree: f.entree, forme: f.texte, fautes }
    }
    return meilleure
  }

  function estMotVide(mot: string): boolean {
    return estMotVideFrancais(mot) || motsVides.has(mot)
  }

  // Mots connus du vocabulaire, leurs codes phonétiques et leurs formes
  // accentuées : la préparation de la saisie corrige vers eux aussi.
  const connus = new Set<string>()
  const phonetiques = new Map<string, string[]>()
  const accentues = new Map<string, string>()
  for (const e of vocabulaire.entrees)
    for (const texte of [...e.sigles, ...e.expressions, ...e.mots_associes])
      for (const forme of texte.match(/[\p{L}\p{N}]+/gu) ?? []) {
        const [m] = mots(forme)
        if (!m || connus.has(m)) continue
        connus.add(m)
        if (forme.toLowerCase() !== m) accentues.set(m, forme.toLowerCase())
        if (m.length < 3 || /\d/.test(m)) continue
        const code = codePhonetique(m)
        const liste = phonetiques.get(code)
        if (liste) liste.push(m)
        else phonetiques.set(code, [m])
      }
  const abreviations = new Map<string, string[]>()
  for (const [abreviation, developpement] of Object.entries(vocabulaire.abreviations)) abreviations.set(abreviation, mots(developpement))

  return {
    entrees,
    estMotVide,
    reconnaitre,
    connait: (mot) => connus.has(mot),
    parPhonetique: (code) => phonetiques.get(code) ?? [],
    abreviation: (mot) => abreviations.get(mot),
    forme: (mot) => accentues.get(mot),
  }
}
