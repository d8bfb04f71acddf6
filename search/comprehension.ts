import { communeA } from './communes.ts'
import { preparerSaisie, texteCorrige, type Modification, type SaisiePreparee } from './orthographe/preparation.ts'
import type { LexiqueAnnuaire } from './lexique.ts'
import type { CorrectionSaisie } from './port.ts'
import { fautesEntre, LIAISONS, mots as motsDe, motsSignificatifs, racine } from './texte.ts'
import type { EntreeCompilee, VocabulaireCompile } from './vocabulaire/index.ts'

/**
 * Compréhension d'une requête, commune aux deux moteurs : la saisie, préparée
 * (search/orthographe/preparation.ts : abréviations, mots écrits comme ils se
 * prononcent, mots collés), est découpée en « clauses », chacune étant un
 * besoin, un public ou un lieu que la personne a exprimé.
 * - concept : une entrée du vocabulaire (« femme battue », « SDF », « CMP ») ;
 * - public : une entrée qui ne désigne que des publics (« mineur », « personne
 *   âgée », « cette nuit » = personnes en situation d'urgence), quand la
 *   requête exprime aussi un besoin : elle ne restreint pas, elle classe
 *   d'abord les services de ce public (ou joignables tout de suite) ; seule,
 *   elle est le besoin ;
 * - commune : une commune de l'Ain citée dans le texte (« amberieu ») ;
 * - mot : tout autre mot significatif, cherché tel quel (avec fautes et
 *   préfixe) dans les fiches.
 *
 * Le classement demande qu'un service réponde au plus grand nombre de clauses :
 * « CCAS Belley » veut un CCAS ET Belley, pas tous les CCAS ni tout Belley.
 */

export type ClauseConcept = { genre: 'concept'; mots: string[]; entree: EntreeCompilee; forme: string }
export type ClausePublic = { genre: 'public'; mots: string[]; entree: EntreeCompilee; forme: string }
export type ClauseCommune = { genre: 'commune'; mots: string[]; code: string; nom: string }
export type ClauseMot = {
  genre: 'mot'
  mot: string
  racine: string
  /** Dernier mot d'une saisie en cours de frappe : on le complète (recherche par préfixe). */
  enCours: boolean
  /** Indice du mot saisi d'où il vient (pour montrer une correction). */
  origine: number
}
export type Clause = ClauseConcept | ClausePublic | ClauseCommune | ClauseMot

export type Comprehension = {
  clauses: Clause[]
  /** Mots vides écartés (« plus », « rien », « cherche »). */
  ignores: string[]
  /** La saisie préparée et ses modifications (abréviations, phonétique, découpage, fautes du vocabulaire). */
  saisie: SaisiePreparee
  modifications: Map<number, Modification>
}

export type OptionsComprehension = {
  /**
   * La saisie est-elle en cours de frappe ? Alors le dernier mot peut être un
   * début de mot (« hébergem »), s'il ne finit pas par une espace ou une
   * ponctuation. Par défaut : non (requête validée, formulaire sans JavaScript).
   */
  enCours?: boolean
  /** Lexique de l'annuaire : dit si un mot existe tel quel (alors il n'est pas corrigé) et sert aux corrections. */
  lexique?: LexiqueAnnuaire
  /** Recherche littérale : aucune correction appliquée, seulement proposée. */
  litteral?: boolean
}

/** Une entrée qui ne désigne que des publics qualifie un besoin (« jeune », « cette nuit »). */
export const estEntreePublic = (e: EntreeCompilee): boolean => e.publics.length > 0 && e.types.length === 0 && e.thematiques.length === 0

export function comprendre(texte: string, vocabulaire: VocabulaireCompile, options: OptionsComprehension = {}): Comprehension {
  const { lexique, litteral = false } = options
  const saisie = preparerSaisie(texte, {
    vocabulaire,
    lexique,
    litteral,
    ...(options.enCours === undefined ? {} : { enCours: options.enCours }),
  })
  const modifications = new Map(saisie.modifications)
  // Un mot de l'annuaire ou un mot vide n'est jamais « corrigé » vers une
  // forme voisine du vocabulaire ou une commune (« mais » n'est pas « mail »).
  const motConnu = (mot: string) => (lexique?.a(mot) ?? false) || vocabulaire.estMotVide(mot)
  const significatifs = saisie.mots.filter((m) => !LIAISONS.has(m.mot))
  const suite = significatifs.map((m) => m.mot)
  const enCours = (options.enCours ?? false) && /[\p{L}\p{N}]$/u.test(texte)
  const clauses: Clause[] = []
  const ignores: string[] = []
  const conceptsVus = new Set<string>()
  const communesVues = new Set<string>()
  const racinesVues = new Set<string>()

  let i = 0
  while (i < suite.length) {
    let reconnue = vocabulaire.reconnaitre(suite, i, motConnu, litteral)
    // Une forme du vocabulaire lue à une ou deux fautes près cède devant un mot
    // de l'annuaire plus proche (« soidaire » : solidaire, pas solitaire).
    if (reconnue && reconnue.fautes > 0 && lexique && plusProcheDansLAnnuaire(suite.slice(i, i + reconnue.longueur), reconnue.fautes, lexique))
      reconnue = undefined
    const mot = suite[i]!
    // Un mot vide ne commence pas un nom de commune (« port » oui, « plus » non).
    const commune = vocabulaire.estMotVide(mot) ? undefined : communeA(suite, i, motConnu)
    // À longueur égale, le vocabulaire l'emporte, sauf s'il lui faut corriger
    // autant de fautes que pour lire une commune (« ccas d'arent » : Arbent).
    const vocabulairePrefere =
      !!reconnue &&
      (!commune ||
        reconnue.longueur > commune.longueur ||
        (reconnue.longueur === commune.longueur && (reconnue.fautes === 0 || reconnue.fautes < commune.fautes)))
    if (reconnue && vocabulairePrefere) {
      const couverts = suite.slice(i, i + reconnue.longueur)
      if (reconnue.fautes > 0) noterFautesDuVocabulaire(reconnue.forme, couverts, significatifs.slice(i, i + reconnue.longueur), vocabulaire, modifications, saisie)
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
        clauses.push({ genre: 'mot', mot, racine: r, enCours: false, origine: significatifs[i]!.origine })
      }
    }
    i++
  }
  // Seul le tout dernier mot de la saisie peut être incomplet.
  const derniere = clauses.at(-1)
  if (enCours && derniere?.genre === 'mot' && derniere.mot === suite.at(-1)) derniere.enCours = true

  // Un public à côté d'un besoin le qualifie ; seul, il est le besoin.
  const besoin = clauses.some((c) => (c.genre === 'concept' && !estEntreePublic(c.entree)) || c.genre === 'mot')
  const finales: Clause[] = besoin
    ? clauses.map((c) => (c.genre === 'concept' && estEntreePublic(c.entree) ? { ...c, genre: 'public' as const } : c))
    : clauses
  return { clauses: finales, ignores, saisie, modifications }
}

function plusProcheDansLAnnuaire(saisis: readonly string[], fautes: number, lexique: LexiqueAnnuaire): boolean {
  // Les mots connus de l'annuaire n'ont pas été corrigés (voir `reconnaitre`) : seuls les autres comptent.
  if (fautes < 2) return false
  return saisis.some((m) => !lexique.a(m) && [...lexique.mots.fuzzyGet(m, fautes - 1)].some(([mot]) => fautesEntre(m, mot) !== undefined))
}

/**
 * Une expression du vocabulaire reconnue à une ou deux fautes près
 * (« violance conjugale ») : chaque mot saisi qui diffère du mot de
 * l'expression (autrement qu'au pluriel près) est noté comme corrigé.
 */
function noterFautesDuVocabulaire(
  forme: string,
  saisis: readonly string[],
  origines: readonly { origine: number }[],
  vocabulaire: VocabulaireCompile,
  modifications: Map<number, Modification>,
  saisie: SaisiePreparee,
) {
  const attendus = motsSignificatifs(forme)
  if (attendus.length !== saisis.length) return
  const accentues = forme.match(/[\p{L}\p{N}]+/gu)?.filter((f) => !LIAISONS.has(motsDe(f)[0] ?? '')) ?? []
  attendus.forEach((attendu, k) => {
    const saisi = saisis[k]!
    const origine = origines[k]!.origine
    if (saisi === attendu || racine(saisi) === racine(attendu) || modifications.has(origine)) return
    // Le mot saisi tel quel (pas un morceau d'un mot collé ou d'une abréviation).
    if (saisie.saisis[origine]?.mot !== saisi) return
    const accentue = accentues.length === attendus.length ? accentues[k]!.toLowerCase() : (vocabulaire.forme(attendu) ?? attendu)
    modifications.set(origine, { saisi, corrige: accentue, motif: 'orthographe' })
  })
}

/**
 * La correction à montrer : la saisie où chaque mot modifié est remplacé
 * (préparation, fautes du vocabulaire, et `autres` : fautes corrigées par le
 * moteur), null si rien n'a changé.
 */
export function correctionDeLaSaisie(
  comprehension: Pick<Comprehension, 'saisie' | 'modifications'>,
  appliquee: boolean,
  autres: ReadonlyArray<{ origine: number; modification: Modification }> = [],
): CorrectionSaisie | null {
  const modifications = new Map(comprehension.modifications)
  for (const a of autres) if (!modifications.has(a.origine)) modifications.set(a.origine, a.modification)
  const texte = texteCorrige(comprehension.saisie, modifications)
  if (texte === undefined || texte === comprehension.saisie.texte.trim()) return null
  const ordre = [...modifications.keys()].sort((a, b) => a - b)
  return { texte, appliquee, modifications: ordre.map((i) => modifications.get(i)!) }
}

/** Ce que le moteur a compris, pour l'afficher (« recherche comprise : violences conjugales, Oyonnax »). */
export function resumeComprehension(clauses: readonly Clause[], inconnus: readonly string[]) {
  return {
    concepts: clauses.flatMap((x) => (x.genre === 'concept' ? [x.entree.libelle] : [])),
    publics: clauses.flatMap((x) => (x.genre === 'public' ? [x.entree.libelle] : [])),
    communes: clauses.flatMap((x) => (x.genre === 'commune' ? [x.nom] : [])),
    mots: clauses.flatMap((x) => (x.genre === 'mot' && !inconnus.includes(x.mot) ? [x.mot] : [])),
    inconnus: [...inconnus],
  }
}
