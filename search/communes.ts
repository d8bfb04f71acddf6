import SearchableMap from 'minisearch/SearchableMap'

import { communesDeLAin, DEPARTEMENT_AIN } from '../domaine/territoire/index.ts'
import { fautesEntre, fautesToleres, LIAISONS, mots } from './texte.ts'

/**
 * Communes dans le texte d'une requête (la géographie elle-même est dans
 * `domaine/territoire/`) :
 * - le repérage d'une commune de l'Ain dans une requête
 *   (« amberieu ccas », « mision locale oyonax ») ;
 * - les suggestions du champ « commune » (« Bellegarde » propose Valserhône).
 */

// ---------------------------------------------------------------------------
// Repérage d'une commune de l'Ain dans une requête
// ---------------------------------------------------------------------------

/**
 * Premiers mots trop répandus pour désigner seuls une commune : « saint » ou
 * « pont » ne suffisent pas, « saint genis » oui.
 */
const PREMIERS_MOTS_GENERIQUES = new Set(['saint', 'sainte', 'pont', 'mont', 'val', 'port', 'villeneuve', 'neuville'])

/**
 * Un début de nom ne désigne une commune que si elle est assez peuplée pour
 * qu'on l'appelle ainsi (« Bourg », « Ambérieu », « Montrevel ») : « haut »
 * (Haut Valromey) ou « bresse » (Bresse Vallons) sont d'abord des mots de noms
 * de pays (« Haut-Bugey », « Présence Bresse »).
 */
const POPULATION_MIN_DEBUT_DE_NOM = 2500

/** Abréviations courantes dans les saisies. */
const ABREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' }

type NomRepere = {
  mots: string[]
  code: string
  nom: string
  /** Population de la commune actuelle. */
  population: number
  /** Rang de préférence : la population, divisée par 100 pour un ancien nom. */
  poids: number
}

let reperes: { noms: NomRepere[]; parPremierMot: Map<string, NomRepere[]>; premiersMots: SearchableMap<true> } | undefined

/**
 * Mots significatifs d'un nom de commune ou d'une saisie : repliés, sans
 * liaisons (« chatillon sur chalaronne » = « Châtillon-sur-Chalaronne »),
 * abréviations développées (« st genis » = « Saint-Genis »).
 */
export function motsDeLieu(texte: string): string[] {
  return mots(texte)
    .map((m) => ABREVIATIONS[m] ?? m)
    .filter((m) => !LIAISONS.has(m))
}

function construireReperes() {
  const noms: NomRepere[] = []
  for (const c of communesDeLAin()) {
    const population = c.population
    for (const nom of [c.nom, ...c.anciensNoms]) {
      const m = motsDeLieu(nom)
      // Une ancienne commune pèse peu : « Châtillon » désigne d'abord
      // Châtillon-sur-Chalaronne, pas Châtillon-en-Michaille (Valserhône).
      if (m.length > 0) noms.push({ mots: m, code: c.code, nom: c.nom, population, poids: nom === c.nom ? population : population / 100 })
    }
  }
  const parPremierMot = new Map<string, NomRepere[]>()
  for (const n of noms) {
    const liste = parPremierMot.get(n.mots[0]!)
    if (liste) liste.push(n)
    else parPremierMot.set(n.mots[0]!, [n])
  }
  // Arbre radix des premiers mots, pour chercher à une ou deux fautes près sans tout comparer.
  const premiersMots = new SearchableMap<true>()
  for (const m of parPremierMot.keys()) premiersMots.set(m, true)
  return { noms, parPremierMot, premiersMots }
}

/** Une commune repérée dans une suite de mots significatifs. */
export type CommuneReperee = {
  /** Position du premier mot et nombre de mots couverts dans la suite. */
  debut: number
  longueur: number
  code: string
  nom: string
  /** Nombre total de fautes de frappe corrigées. */
  fautes: number
}

function motsEgaux(saisi: string, reference: string): number | undefined {
  if (saisi === reference) return 0
  // Tolérance propre aux noms propres : à partir de 5 lettres seulement
  // (« gex », « thil », « lent » doivent être exacts).
  if (saisi.length < 5 || reference.length < 5) return undefined
  return fautesEntre(saisi, reference)
}

/**
 * Cherche, à la position `debut` d'une suite de mots significatifs, la commune
 * de l'Ain la plus plausible. Préférences : le plus de mots couverts, un nom
 * complet plutôt qu'un début de nom, le moins de fautes, la plus peuplée.
 * `motConnu` dit si un mot existe tel quel dans l'annuaire (pas de correction alors).
 */
export function communeA(suite: readonly string[], debut: number, motConnu?: (mot: string) => boolean): CommuneReperee | undefined {
  reperes ??= construireReperes()
  const brut = suite[debut]
  if (!brut) return undefined
  const premier = ABREVIATIONS[brut] ?? brut
  const candidats: NomRepere[] = [...(reperes.parPremierMot.get(premier) ?? [])]
  // Faute de frappe sur le premier mot : seulement à partir de 5 lettres (voir motsEgaux).
  if (premier.length >= 5 && !motConnu?.(brut))
    for (const [mot] of reperes.premiersMots.fuzzyGet(premier, fautesToleres(premier))) {
      if (mot !== premier && motsEgaux(premier, mot) !== undefined) candidats.push(...reperes.parPremierMot.get(mot)!)
    }
  let meilleur: (CommuneReperee & { complet: boolean; poids: number }) | undefined
  for (const n of candidats) {
    let fautes = 0
    let k = 0
    while (k < n.mots.length && debut + k < suite.length) {
      const saisi = suite[debut + k]!
      const d = motsEgaux(ABREVIATIONS[saisi] ?? saisi, n.mots[k]!)
      // Un mot qui existe tel quel dans l'annuaire n'est pas « corrigé » en nom
      // de commune (« plaine » n'est pas Plagne).
      if (d === undefined || (d > 0 && motConnu?.(saisi))) break
      fautes += d
      k++
    }
    if (k === 0) continue
    const complet = k === n.mots.length
    if (!complet && PREMIERS_MOTS_GENERIQUES.has(n.mots[0]!) && k < 2) continue
    // Un début de nom ne vaut que s'il est exact : « bourg » → Bourg-en-Bresse,
    // mais « bour » ou « bourgs » ne désignent rien.
    if (!complet && fautes > 0) continue
    if (!complet && n.population < POPULATION_MIN_DEBUT_DE_NOM) continue
    const candidat = { debut, longueur: k, code: n.code, nom: n.nom, fautes, complet, poids: n.poids }
    if (
      !meilleur ||
      k > meilleur.longueur ||
      (k === meilleur.longueur && complet && !meilleur.complet) ||
      (k === meilleur.longueur && complet === meilleur.complet && fautes < meilleur.fautes) ||
      (k === meilleur.longueur && complet === meilleur.complet && fautes === meilleur.fautes && n.poids > meilleur.poids)
    )
      meilleur = candidat
  }
  if (!meilleur) return undefined
  const { complet: _c, poids: _p, ...commune } = meilleur
  return commune
}

/**
 * Communes de l'Ain citées en toutes lettres, sans faute, dans un nom
 * (« CCAS de Saint-Genis-Pouilly », « Centre hospitalier de Bourg-en-Bresse ») :
 * pour l'indexation, où la tolérance aux fautes n'a pas de sens.
 */
export function communesCitees(nom: string): string[] {
  reperes ??= construireReperes()
  const suite = motsDeLieu(nom)
  const codes = new Set<string>()
  for (let i = 0; i < suite.length; i++)
    for (const n of reperes.parPremierMot.get(suite[i]!) ?? [])
      if (n.mots.every((m, k) => suite[i + k] === m)) codes.add(n.code)
  return [...codes]
}

// ---------------------------------------------------------------------------
// Suggestions pour le champ « commune »
// ---------------------------------------------------------------------------

export type SuggestionCommune = {
  code: string
  nom: string
  /** « Valserhône (01033) » ou « Valserhône (01033) — ancienne commune : Bellegarde-sur-Valserine ». */
  libelle: string
  ancienNom?: string
}

/**
 * Communes de l'Ain qui correspondent à une saisie, anciennes communes
 * comprises (« Bellegarde » propose Valserhône), ou à un code postal (« 01200 »).
 * Ordre : nom qui commence par la saisie, puis mot du nom qui commence par la
 * saisie, puis population.
 */
export function suggererCommunes(saisie: string, limite = 10): SuggestionCommune[] {
  const requete = mots(saisie).join(' ')
  if (!requete) return []
  const chiffres = /^\d+$/.test(requete)
  const trouvees: { s: SuggestionCommune; rang: number; population: number }[] = []
  for (const c of communesDeLAin()) {
    const population = c.population
    if (chiffres) {
      if (c.codesPostaux.some((cp) => cp.startsWith(requete)) || c.code.startsWith(requete))
        trouvees.push({ s: { code: c.code, nom: c.nom, libelle: `${c.nom} (${c.code})` }, rang: 0, population })
      continue
    }
    let retenue: { s: SuggestionCommune; rang: number } | undefined
    for (const nom of [c.nom, ...c.anciensNoms]) {
      const replie = mots(nom).join(' ')
      const rang = replie.startsWith(requete) ? 0 : replie.includes(` ${requete}`) ? 1 : -1
      if (rang < 0) continue
      const ancien = nom !== c.nom
      const rangFinal = rang + (ancien ? 2 : 0)
      if (retenue && retenue.rang <= rangFinal) continue
      retenue = {
        rang: rangFinal,
        s: {
          code: c.code,
          nom: c.nom,
          libelle: ancien ? `${c.nom} (${c.code}) — ancienne commune : ${nom}` : `${c.nom} (${c.code})`,
          ...(ancien ? { ancienNom: nom } : {}),
        },
      }
    }
    if (retenue) trouvees.push({ ...retenue, population })
  }
  trouvees.sort((a, b) => a.rang - b.rang || b.population - a.population || a.s.nom.localeCompare(b.s.nom, 'fr'))
  return trouvees.slice(0, limite).map((t) => t.s)
}

export { DEPARTEMENT_AIN }
