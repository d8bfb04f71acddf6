import { communeA } from '../communes.ts'
import type { LexiqueAnnuaire } from '../lexique.ts'
import { distance, fautesEntre, LIAISONS, motsPositionnes, type MotPositionne } from '../texte.ts'
import type { VocabulaireCompile } from '../vocabulaire/index.ts'
import { decouper } from './decoupage.ts'
import { estMotFrancais } from './dictionnaire.ts'
import { codePhonetique } from './phonetique.ts'

/**
 * Préparation de la saisie, avant la compréhension (search/comprehension.ts)
 * et avant l'un ou l'autre moteur : une saisie faite de nuit ou entre deux
 * appels ne ressemble pas aux fiches. Pour chaque mot que ni l'annuaire, ni le
 * vocabulaire, ni les noms de communes ne connaissent, dans cet ordre :
 * 1. abréviation des saisies rapides (« pr » → « pour », « hbgt » →
 *    « hébergement »), tenue dans le vocabulaire ;
 * 2. s'il n'est pas un mot de la langue française : mot écrit comme il se
 *    prononce (« hebergemen » → « hébergement », « psikiatre » →
 *    « psychiatre »), par le code phonétique, vers le mot de l'annuaire ou
 *    du vocabulaire le plus proche en lettres ;
 * 3. sinon, mots collés (« aidealimentaire » → « aide alimentaire »).
 * Un vrai mot français inconnu de l'annuaire (« vétérinaire ») n'est jamais
 * rapproché d'un autre : c'est lui qui fait répondre « aucun résultat ».
 * Les fautes de frappe ordinaires (« violance », « urgance ») restent
 * corrigées plus loin, par le vocabulaire et le moteur.
 *
 * En recherche littérale (lien « rechercher exactement » de la page de
 * résultats), rien n'est modifié ; la correction est seulement proposée.
 */

export type MotifCorrection = 'abreviation' | 'phonetique' | 'decoupage' | 'orthographe'

/** Un mot saisi remplacé : « hebergemen » → « hébergement » (forme accentuée, pour l'affichage). */
export type Modification = { saisi: string; corrige: string; motif: MotifCorrection }

/** Un mot à comprendre (replié) et le mot saisi d'où il vient. */
export type MotPrepare = { mot: string; origine: number }

export type SaisiePreparee = {
  texte: string
  /** Mots saisis, avec leur position dans le texte. */
  saisis: MotPositionne[]
  /** Mots à comprendre, dans l'ordre, mots de liaison compris. */
  mots: MotPrepare[]
  /** Modifications appliquées (ou proposées, en recherche littérale), par mot saisi. */
  modifications: Map<number, Modification>
}

export type ContextePreparation = {
  vocabulaire: VocabulaireCompile
  /** Lexique de l'annuaire ; sans lui (index pas encore rempli), rien n'est corrigé. */
  lexique: LexiqueAnnuaire | undefined
  /** Recherche littérale : proposer les modifications sans les appliquer. */
  litteral?: boolean
  /** Saisie en cours de frappe : le dernier mot, peut-être incomplet, n'est pas corrigé. */
  enCours?: boolean
}

/** Longueur minimale d'un mot pour la correction phonétique (« kel », « pr » relèvent des abréviations). */
const LONGUEUR_MIN_PHONETIQUE = 4

/**
 * Écart en lettres toléré entre un mot et le mot qui se prononce pareil : un
 * même son s'écrit de plusieurs façons (« k » / « ch », « s » / « ss »), mais
 * un mot court à deux lettres près en désigne un autre (« viiat » n'est pas « via »).
 */
const ecartPhonetiqueTolere = (mot: string) => (mot.length <= 5 ? 1 : mot.length <= 8 ? 2 : 3)

export function preparerSaisie(texte: string, contexte: ContextePreparation): SaisiePreparee {
  const { vocabulaire, lexique } = contexte
  const saisis = motsPositionnes(texte)
  const modifications = new Map<number, Modification>()
  const resultat: MotPrepare[] = []
  const enCours = (contexte.enCours ?? false) && /[\p{L}\p{N}]$/u.test(texte)

  const connu = (mot: string) =>
    /\d/.test(mot) || LIAISONS.has(mot) || vocabulaire.estMotVide(mot) || vocabulaire.connait(mot) || (lexique?.connait(mot) ?? false)
  const forme = (mot: string) => vocabulaire.forme(mot) ?? lexique?.forme(mot) ?? mot

  // Mots d'un nom de commune, même à une faute près : laissés à la
  // compréhension, qui reconnaît les communes (« viriat », « viiat »).
  const protege = new Set<number>()
  const significatifs = saisis.map((s, i) => ({ mot: s.mot, i })).filter((x) => !LIAISONS.has(x.mot))
  const suite = significatifs.map((x) => x.mot)
  for (let k = 0; k < suite.length; k++) {
    if (vocabulaire.estMotVide(suite[k]!)) continue
    const commune = communeA(suite, k, connu)
    if (commune) for (let j = k; j < k + commune.longueur; j++) protege.add(significatifs[j]!.i)
  }

  saisis.forEach((s, i) => {
    const mot = s.mot
    const modification =
      !lexique || protege.has(i) || connu(mot) || (enCours && i === saisis.length - 1) ? undefined : corriger(mot, contexte, forme)
    if (modification) modifications.set(i, modification.modification)
    const appliquee = modification && !contexte.litteral ? modification.mots : [mot]
    for (const m of appliquee) resultat.push({ mot: m, origine: i })
  })
  return { texte, saisis, mots: resultat, modifications }
}

function corriger(
  mot: string,
  { vocabulaire, lexique }: ContextePreparation,
  forme: (mot: string) => string,
): { mots: readonly string[]; modification: Modification } | undefined {
  const abreviation = vocabulaire.abreviation(mot)
  if (abreviation) return { mots: abreviation, modification: { saisi: mot, corrige: abreviation.map(forme).join(' '), motif: 'abreviation' } }
  if (!lexique || estMotFrancais(mot)) return undefined

  // Apostrophe oubliée : « durgence », « dhebergement », « lhopital », « jcherche ».
  const elision = /^(?:qu|[cdjlmnst])(.{4,})$/.exec(mot)?.[1]
  if (elision) {
    const article = mot.slice(0, mot.length - elision.length)
    if (vocabulaire.connait(elision) || lexique.connait(elision) || vocabulaire.estMotVide(elision))
      return { mots: [elision], modification: { saisi: mot, corrige: `${article}’${forme(elision)}`, motif: 'decoupage' } }
    // … et le mot qui suit mal écrit (« durgense »).
    const suite = estMotFrancais(elision) ? undefined : corrigerSon(elision, { vocabulaire, lexique }, forme)
    if (suite) return { mots: suite.mots, modification: { saisi: mot, corrige: `${article}’${suite.modification.corrige}`, motif: 'phonetique' } }
  }

  const son = corrigerSon(mot, { vocabulaire, lexique }, forme)
  if (son) return son

  const morceaux = decouper(mot, {
    estMot: (m) => vocabulaire.connait(m) || lexique.connait(m) || vocabulaire.estMotVide(m),
    estLiaison: (m) => LIAISONS.has(m),
  })
  if (morceaux) return { mots: morceaux, modification: { saisi: mot, corrige: morceaux.map(forme).join(' '), motif: 'decoupage' } }
  return undefined
}

/** Le mot de l'annuaire ou du vocabulaire qui se prononce comme le mot saisi et lui ressemble le plus. */
function corrigerSon(
  mot: string,
  { vocabulaire, lexique }: { vocabulaire: VocabulaireCompile; lexique: LexiqueAnnuaire },
  forme: (mot: string) => string,
): { mots: readonly string[]; modification: Modification } | undefined {

  if (mot.length >= LONGUEUR_MIN_PHONETIQUE) {
    const code = codePhonetique(mot)
    let meilleur: { mot: string; d: number; frequence: number } | undefined
    const tolerance = ecartPhonetiqueTolere(mot)
    for (const candidat of [...lexique.parPhonetique(code), ...vocabulaire.parPhonetique(code)]) {
      if (candidat === mot || vocabulaire.estMotVide(candidat)) continue
      const d = distance(mot, candidat, tolerance)
      if (d > tolerance) continue
      const frequence = lexique.frequence(candidat)
      if (!meilleur || d < meilleur.d || (d === meilleur.d && frequence > meilleur.frequence)) meilleur = { mot: candidat, d, frequence }
    }
    // Une faute de frappe plus simple que le son (« seuelle » : sexuelle à une
    // lettre, pas seule à deux) : laissée à la correction des fautes.
    const fauteSimple =
      meilleur !== undefined && meilleur.d > 1 && [...lexique.mots.fuzzyGet(mot, meilleur.d - 1)].some(([m]) => fautesEntre(mot, m) !== undefined)
    if (meilleur && !fauteSimple) return { mots: [meilleur.mot], modification: { saisi: mot, corrige: forme(meilleur.mot), motif: 'phonetique' } }
  }
  return undefined
}

/**
 * Texte corrigé : la saisie où chaque mot modifié est remplacé par sa
 * correction (« hebergemen urgen » → « hébergement urgent »), le reste tel
 * qu'il a été tapé. undefined si rien n'a été modifié.
 */
export function texteCorrige(saisie: Pick<SaisiePreparee, 'texte' | 'saisis'>, modifications: ReadonlyMap<number, Modification>): string | undefined {
  if (modifications.size === 0) return undefined
  let sortie = ''
  let curseur = 0
  saisie.saisis.forEach((s, i) => {
    const m = modifications.get(i)
    if (!m) return
    sortie += saisie.texte.slice(curseur, s.debut) + m.corrige
    curseur = s.fin
  })
  return (sortie + saisie.texte.slice(curseur)).replace(/\s+/g, ' ').trim()
}
