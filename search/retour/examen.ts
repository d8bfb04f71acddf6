import { communeA } from '../communes.ts'
import type { LexiqueAnnuaire } from '../lexique.ts'
import { estMotFrancais } from '../orthographe/dictionnaire.ts'
import { codePhonetique } from '../orthographe/phonetique.ts'
import { fautesEntre, LIAISONS, mots, motsPositionnes } from '../texte.ts'
import type { VocabulaireCompile } from '../vocabulaire/index.ts'
import { LONGUEUR_MAX_REQUETE } from './contrat.ts'

/**
 * Examen d'une recherche avant de la compter (« Recherches sans résultat ») :
 * sa forme normalisée, ou la raison de ne pas la garder. Une recherche qui
 * ressemble à un nom de personne, un numéro de téléphone, une adresse ou un
 * courriel n'est jamais conservée, même normalisée (cahier des charges ISCG,
 * « secret professionnel », RGPD) : on préfère perdre un mot du terrain que
 * garder une donnée personnelle.
 *
 * Règles, dans l'ordre :
 * - courriel : un « @ » entre deux mots ;
 * - téléphone : 8 chiffres ou plus (espaces, points, tirets ignorés), ou un
 *   numéro international « +33 » ; les numéros courts (115, 3919, 116 006)
 *   restent, ce sont des services ;
 * - adresse : un type de voie (rue, avenue, chemin, impasse…) suivi d'un
 *   mot, ou un code postal à 5 chiffres ;
 * - nom de personne : une civilité (M., Mme, monsieur…) suivie d'un mot, ou
 *   un mot que ni l'annuaire, ni le vocabulaire, ni les noms de communes, ni
 *   la langue française ne connaissent (« Dupont », « kevin »), sauf un sigle
 *   écrit en capitales (« OQTF ») et un mot connu mal écrit (même son, ou une
 *   lettre près : « violance »).
 */

export type RaisonRefus = 'courriel' | 'telephone' | 'adresse' | 'nom-de-personne' | 'vide'

export type ExamenRecherche = { conservee: true; requete: string } | { conservee: false; raison: RaisonRefus }

export type ConnaissancesExamen = {
  vocabulaire: VocabulaireCompile
  /** Lexique de l'annuaire indexé (search/lexique.ts). */
  lexique?: LexiqueAnnuaire
}

const COURRIEL = /[^\s@]+@[^\s@]+/
const TELEPHONE_INTERNATIONAL = /\+\s?\d{2}[\s.-]?\d/
const CODE_POSTAL = /(?:^|\D)\d{5}(?:\D|$)/
/** Types de voie qui ne disent qu'une adresse. */
const TYPES_DE_VOIE = new Set(['avenue', 'av', 'bd', 'boulevard', 'impasse', 'imp', 'allee', 'quai', 'lotissement', 'lieudit', 'montee', 'faubourg', 'fbg', 'sentier', 'ruelle', 'rte'])
/**
 * Types de voie qui sont aussi des mots des besoins (« à la rue », « place en
 * foyer », « cours de français », « résidence sociale », « passage à l'acte ») :
 * une adresse seulement précédés d'un numéro ou suivis d'un nom propre.
 */
const VOIES_AMBIGUES = new Set(['rue', 'chemin', 'place', 'route', 'cours', 'residence', 'square', 'passage', 'hameau', 'cite', 'lot'])
const CIVILITES = new Set(['m', 'mr', 'mme', 'mmes', 'mlle', 'mlles', 'monsieur', 'madame', 'mademoiselle', 'me', 'maitre', 'dr', 'docteur', 'pr'])

/** Forme normalisée d'une recherche : minuscules sans accents, mots séparés par une espace, 100 caractères au plus. */
export function normaliserRecherche(texte: string): string {
  const m = mots(texte).join(' ')
  return m.length <= LONGUEUR_MAX_REQUETE ? m : m.slice(0, LONGUEUR_MAX_REQUETE).replace(/ \S*$/, '')
}

export function examinerRecherche(texte: string, { vocabulaire, lexique }: ConnaissancesExamen): ExamenRecherche {
  if (COURRIEL.test(texte)) return { conservee: false, raison: 'courriel' }
  const chiffres = texte.replace(/[\s.\-/]/g, '').match(/\d+/g) ?? []
  if (TELEPHONE_INTERNATIONAL.test(texte) || chiffres.some((c) => c.length >= 8)) return { conservee: false, raison: 'telephone' }
  if (CODE_POSTAL.test(texte.replace(/(\d)\s(\d{3})\b/g, '$1$2'))) return { conservee: false, raison: 'adresse' }

  const positionnes = motsPositionnes(texte)
  if (positionnes.length === 0) return { conservee: false, raison: 'vide' }
  const suite = positionnes.map((p) => p.mot)
  for (let i = 0; i < suite.length - 1; i++) {
    const mot = suite[i]!
    if (TYPES_DE_VOIE.has(mot) || VOIES_AMBIGUES.has(mot)) {
      // Le mot qui suit, liaisons sautées (« rue de la Paix » → « Paix »).
      let j = i + 1
      while (j < suite.length && LIAISONS.has(suite[j]!)) j++
      const suivant = positionnes[j]
      const numero = i > 0 && /^\d+$/.test(suite[i - 1]!)
      const nomPropre = suivant !== undefined && /^\p{Lu}/u.test(texte.slice(suivant.debut, suivant.fin))
      // « 12 rue … », « avenue Jean Jaurès », « rue Victor Hugo » ; pas « à la rue ce soir » ni « place en foyer ».
      if (suivant && (numero || nomPropre || (TYPES_DE_VOIE.has(mot) && !vocabulaire.estMotVide(suivant.mot))))
        return { conservee: false, raison: 'adresse' }
    }
    if (CIVILITES.has(mot) && !LIAISONS.has(suite[i + 1]!) && !vocabulaire.estMotVide(suite[i + 1]!)) return { conservee: false, raison: 'nom-de-personne' }
  }

  // Mots d'un nom de commune : connus.
  const communes = new Set<number>()
  for (let i = 0; i < suite.length; i++) {
    const c = communeA(suite, i)
    if (c && c.fautes === 0) for (let j = i; j < i + c.longueur; j++) communes.add(j)
  }
  for (let i = 0; i < positionnes.length; i++) {
    const { mot, debut, fin } = positionnes[i]!
    if (communes.has(i) || /\d/.test(mot) || mot.length < 3) continue
    const connu =
      LIAISONS.has(mot) ||
      vocabulaire.estMotVide(mot) ||
      vocabulaire.connait(mot) ||
      vocabulaire.abreviation(mot) !== undefined ||
      (lexique?.connait(mot) ?? false) ||
      estMotFrancais(mot)
    // Une faute de frappe d'un mot connu (« violance », « psikiatre ») n'est
    // pas un nom : c'est justement ce que l'opérateur veut voir.
    const code = codePhonetique(mot)
    const faute =
      vocabulaire.parPhonetique(code).length > 0 ||
      (lexique !== undefined && (lexique.parPhonetique(code).size > 0 || [...lexique.mots.fuzzyGet(mot, 1)].some(([m]) => fautesEntre(mot, m) !== undefined)))
    if (connu || faute) continue
    const brut = texte.slice(debut, fin)
    const sigle = brut.length <= 6 && brut === brut.toUpperCase()
    if (!sigle) return { conservee: false, raison: 'nom-de-personne' }
  }
  const requete = normaliserRecherche(texte)
  return requete ? { conservee: true, requete } : { conservee: false, raison: 'vide' }
}
