import { communeA } from './communes.ts'
import { LIAISONS, mots, racine } from './texte.ts'
import type { EntreeCompilee, VocabulaireCompile } from './vocabulaire/index.ts'

/**
 * Compréhension d'une requête, commune aux deux moteurs : la saisie est
 * découpée en « clauses », chacune étant un besoin ou un lieu que la personne
 * a exprimé.
 * - concept : une entrée du vocabulaire (« femme battue », « SDF », « CMP ») ;
 * - commune : une commune de l'Ain citée dans le texte (« amberieu ») ;
 * - mot : tout autre mot significatif, cherché tel quel (avec fautes et
 *   préfixe) dans les fiches.
 *
 * Le classement demande qu'un service réponde au plus grand nombre de clauses :
 * « CCAS Belley » veut un CCAS ET Belley, pas tous les CCAS ni tout Belley.
 */

export type ClauseConcept = { genre: 'concept'; mots: string[]; entree: EntreeCompilee; forme: string }
export type ClauseCommune = { genre: 'commune'; mots: string[]; code: string; nom: string }
export type ClauseMot = {
  genre: 'mot'
  mot: string
  racine: string
  /** Dernier mot d'une saisie en cours de frappe : on le complète (recherche par préfixe). */
  enCours: boolean
}
export type Clause = ClauseConcept | ClauseCommune | ClauseMot

export type Comprehension = {
  clauses: Clause[]
  /** Mots vides écartés (« plus », « rien », « cherche »). */
  ignores: string[]
}

export type OptionsComprehension = {
  /**
   * La saisie est-elle en cours de frappe ? Alors le dernier mot peut être un
   * début de mot (« hébergem »), s'il ne finit pas par une espace ou une
   * ponctuation. Par défaut : non (requête validée, formulaire sans JavaScript).
   */
  enCours?: boolean
  /** Le mot existe-t-il tel quel dans l'annuaire ? (alors il n'est pas corrigé vers le vocabulaire). */
  motConnu?: (mot: string) => boolean
}

export function comprendre(texte: string, vocabulaire: VocabulaireCompile, options: OptionsComprehension = {}): Comprehension {
  const suite = mots(texte).filter((m) => !LIAISONS.has(m))
  const enCours = (options.enCours ?? false) && /[\p{L}\p{N}]$/u.test(texte)
  const clauses: Clause[] = []
  const ignores: string[] = []
  const conceptsVus = new Set<string>()
  const communesVues = new Set<string>()
  const racinesVues = new Set<string>()

  let i = 0
  while (i < suite.length) {
    const reconnue = vocabulaire.reconnaitre(suite, i, options.motConnu)
    const mot = suite[i]!
    // Un mot vide ne commence pas un nom de commune (« port » oui, « plus » non).
    const commune = vocabulaire.estMotVide(mot) ? undefined : communeA(suite, i, options.motConnu)
    if (reconnue && (!commune || reconnue.longueur >= commune.longueur)) {
      const couverts = suite.slice(i, i + reconnue.longueur)
      if (!conceptsVus.has(reconnue.entree.code)) {
        conceptsVus.add(reconnue.entree.code)
        clauses.push({ genre: 'concept', mots: couverts, entree: reconnue.entree, forme: reconnue.forme })
      }
      i += reconnue.longueur
      continue
    }
    if (commune) {
      if (!communesVues.has(commune.code)) {
        communesVues.add(commune.code)
        clauses.push({ genre: 'commune', mots: suite.slice(i, i + commune.longueur), code: commune.code, nom: commune.nom })
      }
      i += commune.longueur
      continue
    }
    if (vocabulaire.estMotVide(mot)) ignores.push(mot)
    else {
      const r = racine(mot)
      if (!racinesVues.has(r)) {
        racinesVues.add(r)
        clauses.push({ genre: 'mot', mot, racine: r, enCours: false })
      }
    }
    i++
  }
  // Seul le tout dernier mot de la saisie peut être incomplet.
  const derniere = clauses.at(-1)
  if (enCours && derniere?.genre === 'mot' && derniere.mot === suite.at(-1)) derniere.enCours = true
  return { clauses, ignores }
}
