import { stemmer } from '@orama/stemmers/french'
import { stopwords } from '@orama/stopwords/french'

/**
 * Traitement du texte français, partagé par l'indexation, la compréhension des
 * requêtes et le surlignage : les trois doivent découper et réduire les mots
 * exactement de la même façon, sinon un mot indexé ne serait jamais retrouvé.
 *
 * Choix :
 * - accents et casse repliés (« Ambérieu » = « amberieu ») : les saisies
 *   rapides, au téléphone ou de nuit, se font souvent sans accents ;
 * - apostrophes droites et typographiques, traits d'union et ponctuation
 *   séparent les mots (« d’urgence », « Saint-Genis-Pouilly ») ;
 * - racinisation Snowball française (@orama/stemmers) plutôt qu'une liste
 *   écrite à la main : « violences » et « violence » se rejoignent ;
 * - les mots de 3 lettres ou moins, et ceux qui contiennent un chiffre, ne sont
 *   pas racinisés : ce sont surtout des sigles (CMP, ASE, VIF) et des numéros
 *   (115, 3919) que le raciniseur abîmerait.
 */

const ASCII = /^[\x00-\x7f]*$/

/** Replie accents, ligatures et casse : « Œuvre Sociale Élan » → « oeuvre sociale elan ». */
export function replier(texte: string): string {
  // Chemin rapide : la plupart des saisies sont déjà sans accents.
  if (ASCII.test(texte)) return texte.toLowerCase()
  return texte
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
}

/** Repliement d'un caractère, mémorisé (le surlignage replie caractère par caractère). */
const caracteresReplies = new Map<string, string>()
function replierCaractere(c: string): string {
  if (c.charCodeAt(0) < 0x80) return c.toLowerCase()
  let r = caracteresReplies.get(c)
  if (r === undefined) {
    r = replier(c)
    if (caracteresReplies.size < 10_000) caracteresReplies.set(c, r)
  }
  return r
}

const ALPHANUMERIQUE = /^[a-z0-9]+$/

/** Mots (repliés) d'un texte, dans l'ordre ; tout ce qui n'est ni lettre ni chiffre sépare. */
export function mots(texte: string): string[] {
  return replier(texte)
    .split(/[^a-z0-9]+/)
    .filter((m) => m.length > 0)
}

/** Un mot et sa position dans le texte d'origine, pour le surlignage. */
export type MotPositionne = { mot: string; debut: number; fin: number }

/**
 * Mots d'un texte avec leur position dans le texte d'origine (non replié).
 * Le repliement ne change pas le nombre de lettres de base (les diacritiques
 * sont des marques combinantes retirées), sauf pour les ligatures : on replie
 * donc caractère par caractère pour garder les positions exactes.
 */
export function motsPositionnes(texte: string): MotPositionne[] {
  const resultat: MotPositionne[] = []
  let courant = ''
  let debut = -1
  for (let i = 0; i <= texte.length; i++) {
    const caractere = i < texte.length ? replierCaractere(texte[i]!) : ' '
    if (ALPHANUMERIQUE.test(caractere)) {
      if (debut < 0) debut = i
      courant += caractere
    } else if (debut >= 0) {
      resultat.push({ mot: courant, debut, fin: i })
      courant = ''
      debut = -1
    }
  }
  return resultat
}

/**
 * Mots de liaison ignorés quand on compare une saisie à une expression du
 * vocabulaire ou à un nom de commune : « hébergement d'urgence » =
 * « hebergement urgence », « chatillon sur chalaronne » = « Châtillon-sur-Chalaronne ».
 */
export const LIAISONS: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'a', 'au', 'aux', 'en', 'et', 'un', 'une', 'sur', 'sous', 'se', 's', 'pour', 'par',
])

/** Mots significatifs d'un texte : repliés, sans les mots de liaison. */
export const motsSignificatifs = (texte: string): string[] => mots(texte).filter((m) => !LIAISONS.has(m))

const MOTS_VIDES_FRANCAIS = new Set(stopwords.map(replier))

/** Mot vide du français (article, préposition, pronom, auxiliaire), inutile à indexer. */
export const estMotVideFrancais = (mot: string): boolean => MOTS_VIDES_FRANCAIS.has(mot)

/**
 * Racines déjà calculées : le raciniseur Snowball est le poste le plus cher de
 * l'indexation, et le vocabulaire d'un annuaire est petit (quelques milliers
 * de mots). Vidé s'il grossit anormalement (saisies aléatoires).
 */
const racinesConnues = new Map<string, string>()
const MAX_RACINES_CONNUES = 200_000

/** Racine Snowball d'un mot replié ; sigles courts et numéros laissés tels quels. */
export function racine(mot: string): string {
  if (mot.length <= 3 || /\d/.test(mot)) return mot
  let r = racinesConnues.get(mot)
  if (r === undefined) {
    if (racinesConnues.size >= MAX_RACINES_CONNUES) racinesConnues.clear()
    r = stemmer(mot)
    racinesConnues.set(mot, r)
  }
  return r
}

/**
 * Nombre de fautes de frappe tolérées pour un mot saisi : aucune sous 4 lettres
 * (un sigle de 3 lettres à une faute près désigne n'importe quoi), une de 4 à 7
 * lettres, deux à partir de 8.
 */
export function fautesToleres(mot: string): number {
  if (mot.length < 4 || /\d/.test(mot)) return 0
  return mot.length >= 8 ? 2 : 1
}

/**
 * Distance d'édition de Damerau (insertion, suppression, substitution,
 * transposition de deux lettres voisines), arrêtée dès qu'elle dépasse `max` :
 * les fautes de frappe courantes (« urgance », « oyonax », « psycologique »)
 * sont à 1.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a === b) return 0
  const n = b.length
  let avant = new Array<number>(n + 1).fill(0)
  let precedente = Array.from({ length: n + 1 }, (_, j) => j)
  let ligne = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    ligne[0] = i
    let minimum = ligne[0]
    for (let j = 1; j <= n; j++) {
      const cout = a[i - 1] === b[j - 1] ? 0 : 1
      let valeur = Math.min(precedente[j]! + 1, ligne[j - 1]! + 1, precedente[j - 1]! + cout)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) valeur = Math.min(valeur, avant[j - 2]! + 1)
      ligne[j] = valeur
      if (valeur < minimum) minimum = valeur
    }
    if (minimum > max) return max + 1
    ;[avant, precedente, ligne] = [precedente, ligne, avant]
  }
  return precedente[n]!
}

/**
 * Nombre de fautes entre un mot saisi et un mot de référence, si elles sont
 * tolérées : selon la longueur des deux mots (voir `fautesToleres`), et
 * jamais sur la première lettre (les fautes de frappe y sont rares, et c'est
 * ce qui évite « fourrière » → « courrier »). undefined si trop éloignés.
 */
export function fautesEntre(saisi: string, reference: string): number | undefined {
  if (saisi === reference) return 0
  const tolerance = Math.min(fautesToleres(saisi), fautesToleres(reference))
  if (tolerance === 0 || saisi[0] !== reference[0]) return undefined
  const d = distance(saisi, reference, tolerance)
  return d <= tolerance ? d : undefined
}
