import { motsDeLieu } from '../../communes.ts'
import type { Clause, ClauseMot } from '../../comprehension.ts'
import type { Joignabilite } from '../../joignable.ts'
import { contexteEligibilite, niveauCouverture, type ContexteEligibilite, type NiveauEligibilite } from '../../../domaine/territoire/index.ts'
import { fautesEntre, fautesToleres, motsSignificatifs, racine } from '../../texte.ts'
import type { VocabulaireCompile } from '../../vocabulaire/index.ts'
import type { Etat } from './etat.ts'

/**
 * Classement du moteur embarqué. Chaque clause de la requête (concept,
 * commune, mot) donne à chaque service un score entre 0 et 1 ; un service
 * « couvre » la clause si ce score est positif. L'ordre est :
 * 1. le nombre de clauses couvertes (un CCAS de Belley avant tout CCAS et
 *    avant tout service de Belley) ;
 * 2. la somme des scores, plus de petits bonus (nom, proximité, étendue) ;
 * 3. l'identifiant, pour un ordre stable.
 * Seuls les services admissibles (filtres, éligibilité) sont notés : le filtre
 * passe avant le classement, jamais après.
 *
 * Les scores vivent dans des tableaux typés indexés par le numéro interne des
 * services, réutilisés d'une requête à l'autre : à 10 000 services, une
 * requête n'alloue presque rien.
 */

// ---------------------------------------------------------------------------
// Réglages (justifiés dans search/DECISION.md)
// ---------------------------------------------------------------------------

/**
 * Un concept du vocabulaire est satisfait selon quatre signaux (type de
 * partenaire, thématique, public, texte), combinés en « ou » probabiliste
 * 1 − Π(1 − poids × signal) : les signaux se renforcent sans dépasser 1. Les
 * poids dépendent de ce que l'entrée définit : si elle nomme des types de
 * partenaires, le type est la preuve forte et le texte un appoint ; une entrée
 * qui ne définit qu'un public (« gamin » → jeunes) qualifie le besoin sans le
 * porter, et son texte ne doit pas l'emporter sur le besoin.
 */
type PoidsConcept = readonly [type: number, thematique: number, public_: number, texte: number]
const POIDS_CONCEPT_AVEC_TYPES: PoidsConcept = [0.9, 0.5, 0.3, 0.6]
const POIDS_CONCEPT_THEMATIQUE: PoidsConcept = [0, 0.8, 0.3, 0.7]
const POIDS_CONCEPT_PUBLIC: PoidsConcept = [0, 0, 0.75, 0.5]
const POIDS_CONCEPT_TEXTE: PoidsConcept = [0, 0, 0, 0.9]
/**
 * Score minimal pour qu'un service réponde à un concept : un signal fort (le
 * type de partenaire, la thématique d'une entrée sans type, le public d'une
 * entrée qui n'a que lui, un texte très proche) ou deux signaux faibles. Une
 * thématique partagée par des centaines de services ne suffit pas seule :
 * « CCAS » ne doit pas répondre par tout service d'accès aux droits.
 */
const SEUIL_CONCEPT = 0.55

/** Une commune citée : le service y a lieu ou la nomme (1), ou sa zone la couvre (moins). */
const POIDS_COMMUNE = { lieu: 1, citee: 1, commune: 0.5, epci: 0.5, departement: 0.2, france: 0.1 } as const

/** Avec la commune de la personne : à pertinence égale, le service le plus proche d'abord. */
const BONUS_PROXIMITE: Record<NiveauEligibilite, number> = { commune: 0.12, epci: 0.08, departement: 0.03, france: 0 }

/**
 * Sans commune : à pertinence égale, le service qui couvre le plus de
 * territoire d'abord (il a plus de chances de servir la personne, dont on ne
 * sait pas où elle habite). Indexé par l'étendue : commune, EPCI, département, France.
 */
const BONUS_ETENDUE = [0, 0.01, 0.02, 0.02] as const

/**
 * Bonus de nom : part des mots saisis retrouvés dans le nom du service ou de sa
 * structure, au carré, pour une requête d'au moins 3 mots (« Centre hospitalier
 * de Bourg-en-Bresse » trouve cette structure avant une autre qui n'en partage
 * que la moitié des mots). En deçà, les clauses suffisent à départager.
 */
const BONUS_NOM = 0.15
const MOTS_MIN_BONUS_NOM = 3

/**
 * Intention : quand la requête nomme un public à côté d'un besoin (« mineur
 * fugueur », « personne âgée désorientée »), les services qui répondent au
 * besoin ET servent ce public passent devant, puis ceux ouverts à tous ; ceux
 * réservés à un autre public viennent après. Quand elle dit l'urgence
 * (« cette nuit », « tout de suite »), les services joignables maintenant
 * passent devant. Ces bonus départagent des services qui couvrent les mêmes
 * clauses ; ils ne font jamais passer un service qui couvre moins de besoins.
 */
const BONUS_PUBLIC = { cible: 0.35, tous: 0.12, autre: 0 } as const
const BONUS_JOIGNABLE = 0.35
/** Public data·inclusion de l'urgence : une entrée qui ne désigne que lui demande un service joignable maintenant. */
const PUBLIC_URGENCE = 'personnes-en-situation-durgence'

/** Somme de tous les bonus possibles : borne utilisée pour ne calculer les bonus que des services qui peuvent finir premiers. */
const BONUS_MAX = BONUS_PROXIMITE.commune + BONUS_ETENDUE[3] + BONUS_NOM + BONUS_PUBLIC.cible + BONUS_JOIGNABLE

/** Poids d'un mot corrigé (1 ou 2 fautes) ou complété, par rapport au mot exact. */
const POIDS_FAUTE = [1, 0.7, 0.5] as const
const POIDS_PREFIXE = 0.6
/**
 * Correction des fautes d'un mot libre à partir de 5 lettres : en deçà, un mot
 * à une lettre près en désigne trop d'autres (« foot » → « fort »). Les sigles
 * et expressions du vocabulaire, eux, sont reconnus avec une faute dès 4 lettres.
 */
const LONGUEUR_MIN_CORRECTION = 5
/** Au plus tant de mots de l'index pour un mot corrigé ou complété : au-delà, c'est du bruit (et du temps). */
const MAX_EXPANSIONS = 12
/**
 * Pour un concept, un mot présent dans plus de 10 % des services ne départage
 * rien (« social », « accompagnement ») : on ne le cherche pas, les signaux
 * structurés portent le sens. C'est aussi ce qui borne le coût d'une requête
 * à 10 000 services. Un mot libre (hors vocabulaire) est toujours cherché.
 */
const PART_MAX_MOT_ASSOCIE = 0.1
/**
 * Champs lus pour le texte d'un concept : les libellés de type, de
 * thématiques et de publics sont déjà comptés par les signaux structurés,
 * inutile de les relire (et chaque champ lu coûte un parcours de l'index).
 */
const CHAMPS_CONCEPT = ['nom', 'structure_nom', 'description', 'structure_description']

// ---------------------------------------------------------------------------

export type Classement = {
  /** Mots saisis absents de l'annuaire, même corrigés ou complétés. */
  inconnus: string[]
  /** Mots saisis trouvés seulement après correction d'une faute (comptés comme à moitié compris). */
  incertains: string[]
  /** Nombre de clauses évaluées (mots inconnus exclus) et, parmi elles, de besoins (hors communes). */
  clauses: number
  besoins: number
  couvertureMax: number
  /** Services qui couvrent le plus de clauses (les résultats pertinents). */
  premiers: number[]
  /** Racines cherchées dans les textes, pour le surlignage. */
  racines: Set<string>
  /** Mots libres corrigés d'une faute de frappe : mot saisi (son indice) → mot de l'annuaire. */
  corrections: Array<{ origine: number; saisi: string; corrige: string }>
  /** Score final d'un service noté. */
  score(idx: number): number
  /** Les k meilleurs services parmi `premiers` (ou parmi tous les services notés). */
  meilleurs(k: number, parmi: 'premiers' | 'tous'): number[]
}

export class Classeur {
  private capacite = 0
  private couverture = new Uint8Array(0)
  /** Mots libres couverts quand la requête exprime aussi des besoins ou des lieux (départagent sans exclure). */
  private secondaires = new Uint8Array(0)
  private cumul = new Float64Array(0)
  private clause = new Float64Array(0)
  private signaux = [new Float32Array(0), new Float32Array(0), new Float32Array(0), new Float32Array(0)] as const
  private admis = new Int8Array(0)
  /** Services notés par la requête précédente : remis à zéro au début de la suivante. */
  private aRemettre: number[] = []

  private dimensionner(n: number) {
    if (n <= this.capacite) return
    const c = Math.max(n, Math.ceil(this.capacite * 1.5), 1024)
    this.capacite = c
    this.couverture = new Uint8Array(c)
    this.secondaires = new Uint8Array(c)
    this.cumul = new Float64Array(c)
    this.clause = new Float64Array(c)
    this.signaux = [new Float32Array(c), new Float32Array(c), new Float32Array(c), new Float32Array(c)]
    this.admis = new Int8Array(c)
  }

  classer(
    etat: Etat,
    vocabulaire: VocabulaireCompile,
    clauses: readonly Clause[],
    admissible: (idx: number) => boolean,
    contexte: ContexteEligibilite | undefined,
    intention: { litteral: boolean; instant: Date; joignabilite: Joignabilite },
  ): Classement {
    for (const idx of this.aRemettre) {
      this.couverture[idx] = 0
      this.secondaires[idx] = 0
      this.cumul[idx] = 0
    }
    this.aRemettre = []
    this.dimensionner(etat.capacite)
    const { couverture, secondaires, cumul, admis } = this
    /**
     * Dans une phrase (« le proprio veut le mettre dehors »), les mots hors
     * vocabulaire sont surtout du liant : quand la requête exprime un besoin
     * ou un lieu, les mots libres départagent les services qui y répondent,
     * ils n'en écartent aucun. Seuls, ils sont la requête (« halte de nuit »).
     */
    const principales = clauses.some((c) => c.genre === 'concept' || c.genre === 'commune')
    const notes: number[] = []
    const racines = new Set<string>()
    const motsDuNom: Array<Set<string>> = []
    const inconnus: string[] = []
    const incertains: string[] = []
    let evaluees = 0
    let besoins = 0
    // admis : 0 = pas encore vu, 1 = admissible, 2 = écarté (filtres, éligibilité).
    const estAdmis = (idx: number) => {
      let a = admis[idx]!
      if (a === 0) admis[idx] = a = admissible(idx) ? 1 : 2
      return a === 1
    }
    const vusAdmis: number[] = []
    const corrections: Classement['corrections'] = []
    // Publics nommés à côté d'un besoin : ils classent, ils ne restreignent pas.
    const publicsVoulus = new Set<string>()
    let urgence = false
    for (const clause of clauses)
      if (clause.genre === 'public')
        for (const p of clause.entree.publics) {
          if (p === PUBLIC_URGENCE) urgence = true
          else publicsVoulus.add(p)
        }

    for (const clause of clauses) {
      if (clause.genre === 'public') continue
      const touches = this.evaluer(etat, vocabulaire, clause, racines, motsDuNom, incertains, intention.litteral, corrections)
      if (!touches) {
        if (clause.genre === 'mot') inconnus.push(clause.mot)
        continue
      }
      const secondaire = principales && clause.genre === 'mot'
      if (!secondaire) evaluees++
      if (clause.genre !== 'commune') besoins++
      for (const idx of touches) {
        const s = this.clause[idx]!
        if (s <= 0) continue
        this.clause[idx] = 0
        if (admis[idx] === 0) vusAdmis.push(idx)
        if (!estAdmis(idx)) continue
        if (couverture[idx] === 0 && secondaires[idx] === 0) notes.push(idx)
        if (secondaire) secondaires[idx]!++
        else couverture[idx]!++
        cumul[idx]! += s
      }
    }

    for (const idx of vusAdmis) admis[idx] = 0
    this.aRemettre = notes

    let couvertureMax = 0
    for (const idx of notes) if (couverture[idx]! > couvertureMax) couvertureMax = couverture[idx]!
    const premiers = couvertureMax === 0 ? [] : notes.filter((idx) => couverture[idx] === couvertureMax)

    // Bonus : proximité (avec commune) ou étendue (sans), et nom ; calculés
    // seulement pour les services que l'on classe (ajoutés une fois à `cumul`).
    const avecNom = motsDuNom.length >= MOTS_MIN_BONUS_NOM
    const dejaBonifie = new Set<number>()
    const bonifier = (liste: readonly number[]) => {
      for (const idx of liste) {
        if (dejaBonifie.has(idx)) continue
        dejaBonifie.add(idx)
        const interne = etat.internes[idx]!
        let bonus = 0
        if (contexte) {
          const niveau = niveauCouverture(interne.zone, contexte)?.niveau
          if (niveau) bonus += BONUS_PROXIMITE[niveau]
        } else bonus += BONUS_ETENDUE[interne.etendue]
        if (avecNom) {
          let trouves = 0
          for (const groupe of motsDuNom)
            for (const r of groupe)
              if (interne.racinesNom.has(r)) {
                trouves++
                break
              }
          bonus += BONUS_NOM * (trouves / motsDuNom.length) ** 2
        }
        if (publicsVoulus.size > 0) {
          const publics = interne.doc.publics
          bonus += publics.some((p) => publicsVoulus.has(p))
            ? BONUS_PUBLIC.cible
            : publics.length === 0 || publics.includes('tous-publics')
              ? BONUS_PUBLIC.tous
              : BONUS_PUBLIC.autre
        }
        if (urgence && intention.joignabilite.maintenant(interne.doc, intention.instant)) bonus += BONUS_JOIGNABLE
        cumul[idx]! += bonus
      }
    }

    // Les tableaux restent valables jusqu'à la requête suivante : le
    // classement s'utilise aussitôt, de façon synchrone.
    const avant = (a: number, b: number) => {
      const ca = couverture[a]!
      const cb = couverture[b]!
      if (ca !== cb) return ca > cb
      const sa2 = secondaires[a]!
      const sb2 = secondaires[b]!
      if (sa2 !== sb2) return sa2 > sb2
      const sa = cumul[a]!
      const sb = cumul[b]!
      if (sa !== sb) return sa > sb
      return etat.internes[a]!.doc.id < etat.internes[b]!.doc.id
    }
    return {
      inconnus,
      incertains,
      clauses: evaluees,
      besoins,
      couvertureMax,
      premiers,
      racines,
      corrections,
      score: (idx) => cumul[idx]!,
      meilleurs: (k, parmi) => {
        const liste = parmi === 'premiers' ? premiers : notes
        // Les bonus sont bornés (BONUS_MAX) : un service que k autres
        // devancent de plus que cette borne ne peut pas entrer dans les k
        // premiers. On ne calcule les bonus que pour les autres (à 10 000
        // services, une requête large en touche des milliers).
        const sansBonus = meilleurs(liste, k, avant)
        const dernier = sansBonus.at(-1)
        const candidats =
          dernier === undefined || sansBonus.length < k
            ? liste
            : liste.filter(
                (idx) =>
                  couverture[idx]! > couverture[dernier]! ||
                  (couverture[idx] === couverture[dernier] &&
                    (secondaires[idx]! > secondaires[dernier]! ||
                      (secondaires[idx] === secondaires[dernier] && cumul[idx]! + BONUS_MAX >= cumul[dernier]!))),
              )
        bonifier(candidats)
        return meilleurs(candidats, k, avant)
      },
    }
  }

  /**
   * Note les services pour une clause dans `this.clause` et renvoie les
   * numéros touchés ; undefined si la clause ne correspond à rien de connu
   * (mot absent de l'annuaire).
   */
  private evaluer(
    etat: Etat,
    vocabulaire: VocabulaireCompile,
    clause: Clause,
    racines: Set<string>,
    motsDuNom: Array<Set<string>>,
    incertains: string[],
    litteral = false,
    corrections: Classement['corrections'] = [],
  ): Iterable<number> | undefined {
    const note = this.clause
    const touches: number[] = []
    const garder = (idx: number, s: number) => {
      if (s <= 0) return
      if (note[idx] === 0) touches.push(idx)
      if (s > note[idx]!) note[idx] = s
    }

    if (clause.genre === 'mot') {
      const { termes, incertain, corrige } = resoudreMot(etat, clause, litteral)
      if (termes.size === 0) return undefined
      if (incertain) incertains.push(clause.mot)
      if (corrige) corrections.push({ origine: clause.origine, saisi: clause.mot, corrige })
      // Mémorisé comme le texte d'un concept : un mot fréquent (« maison »)
      // touche des milliers de fiches à 10 000 services.
      const texte = etat.scoresMemorises(`mot ${cleTermes(termes)}`, () => {
        const paires: Array<[number, number]> = []
        scoresTexte(etat, termes, (idx, s) => paires.push([idx, s]))
        return paires
      })
      for (let k = 0; k < texte.idx.length; k++) garder(texte.idx[k]!, texte.score[k]!)
      for (const t of termes.keys()) racines.add(t)
      motsDuNom.push(new Set(termes.keys()))
      return touches
    }

    if (clause.genre === 'public') return undefined

    if (clause.genre === 'commune') {
      for (const idx of etat.parLieu.get(clause.code) ?? []) garder(idx, POIDS_COMMUNE.lieu)
      for (const idx of etat.parCitee.get(clause.code) ?? []) garder(idx, POIDS_COMMUNE.citee)
      const zone = contexteEligibilite(clause.code)
      if (zone) for (const [code, niveau] of zone.codes) for (const idx of etat.parZone.get(code) ?? []) garder(idx, POIDS_COMMUNE[niveau])
      for (const m of motsDeLieu(clause.nom)) {
        racines.add(racine(m))
        motsDuNom.push(new Set([racine(m)]))
      }
      return touches
    }

    // Concept du vocabulaire : type de partenaire, thématique, public, texte.
    const { entree } = clause
    const [t, h, p, l] = this.signaux
    const vus: number[] = []
    const signal = (tableau: Float32Array, idx: number, v: number) => {
      if (t[idx] === 0 && h[idx] === 0 && p[idx] === 0 && l[idx] === 0) vus.push(idx)
      if (v > tableau[idx]!) tableau[idx] = v
    }
    for (const code of entree.types) for (const idx of etat.parType.get(code) ?? []) signal(t, idx, 1)
    for (const code of entree.thematiques) for (const idx of etat.parThematique.get(code) ?? []) signal(h, idx, 1)
    for (const code of entree.publics) for (const idx of etat.parPublic.get(code) ?? []) signal(p, idx, 1)
    const termes = new Map<string, number>()
    const plafond = Math.max(50, PART_MAX_MOT_ASSOCIE * etat.taille)
    for (const [r, poids] of entree.racinesAssociees) {
      const frequence = etat.lexique.racines.get(r)
      if (frequence !== undefined && frequence <= plafond) termes.set(r, poids)
    }
    for (const m of clause.mots) {
      const r = racine(m)
      const frequence = etat.lexique.racines.get(r)
      if (!vocabulaire.estMotVide(m) && frequence !== undefined && frequence <= plafond) termes.set(r, 1)
    }
    const texte = etat.scoresMemorises(cleTermes(termes), () => {
      const paires: Array<[number, number]> = []
      scoresTexte(etat, termes, (idx, s) => paires.push([idx, s]), CHAMPS_CONCEPT)
      return paires
    })
    for (let k = 0; k < texte.idx.length; k++) signal(l, texte.idx[k]!, texte.score[k]!)
    const poids =
      entree.types.length > 0
        ? POIDS_CONCEPT_AVEC_TYPES
        : entree.thematiques.length > 0
          ? POIDS_CONCEPT_THEMATIQUE
          : entree.publics.length > 0
            ? POIDS_CONCEPT_PUBLIC
            : POIDS_CONCEPT_TEXTE
    for (const idx of vus) {
      const s = 1 - (1 - poids[0] * t[idx]!) * (1 - poids[1] * h[idx]!) * (1 - poids[2] * p[idx]!) * (1 - poids[3] * l[idx]!)
      t[idx] = h[idx] = p[idx] = l[idx] = 0
      if (s >= SEUIL_CONCEPT) garder(idx, s)
    }
    for (const r of termes.keys()) racines.add(r)
    // Pour le bonus de nom : le mot saisi et le mot du vocabulaire reconnu (« mision » → « mission »).
    const formes = motsSignificatifs(clause.forme)
    clause.mots.forEach((m, k) => {
      if (vocabulaire.estMotVide(m)) return
      motsDuNom.push(new Set([racine(m), ...(formes.length === clause.mots.length ? [racine(formes[k]!)] : [])]))
    })
    return touches
  }
}

/**
 * Racines de l'index pour un mot libre saisi :
 * - le mot (sa racine) est dans l'annuaire : lui seul, sans élargir à ses
 *   voisins (« mari » ne devient pas « marie »), ce qui évite aussi
 *   l'essentiel du coût de la recherche approchée ;
 * - sinon, une faute de frappe corrigée : mot entier d'au moins 5 lettres,
 *   même première lettre (les fautes portent rarement sur la première), à
 *   une faute près (deux à partir de 8 lettres) ; un mot corrigé reste
 *   « incertain » pour la décision de silence (« dentiste » n'est pas « identité ») ;
 * - et, si la saisie est en cours, les mots qui prolongent ce début.
 */
function resoudreMot(etat: Etat, clause: ClauseMot, litteral: boolean): { termes: Map<string, number>; incertain: boolean; corrige?: string } {
  const termes = new Map<string, number>()
  let incertain = false
  let corrige: string | undefined
  if (etat.lexique.racines.has(clause.racine)) termes.set(clause.racine, 1)
  else if (!litteral && clause.mot.length >= LONGUEUR_MIN_CORRECTION) {
    const tolerance = fautesToleres(clause.mot)
    const proches = [...etat.lexique.mots.fuzzyGet(clause.mot, tolerance)]
      .filter(([mot]) => fautesEntre(clause.mot, mot) !== undefined)
      .map(([mot, [compte, d]]) => ({ mot, frequence: compte.n, d }))
      .sort((a, b) => a.d - b.d || b.frequence - a.frequence)
    const meilleure = proches[0]?.d
    corrige = proches[0]?.mot
    for (const x of proches.slice(0, MAX_EXPANSIONS))
      if (x.d === meilleure) {
        const r = racine(x.mot)
        termes.set(r, Math.max(termes.get(r) ?? 0, POIDS_FAUTE[Math.min(x.d, 2)] ?? 0.5))
      }
    incertain = termes.size > 0
  }
  if (clause.enCours && clause.mot.length >= 3) {
    const completions = [...etat.lexique.mots.atPrefix(clause.mot)].sort((a, b) => b[1].n - a[1].n).slice(0, MAX_EXPANSIONS)
    for (const [mot] of completions) {
      const r = racine(mot)
      if (!termes.has(r)) termes.set(r, POIDS_PREFIXE)
    }
    if (completions.length > 0) {
      incertain = false
      corrige = undefined
    }
  }
  return corrige === undefined ? { termes, incertain } : { termes, incertain, corrige }
}

/** Clé de mémoire d'un ensemble de racines pondérées. */
const cleTermes = (termes: ReadonlyMap<string, number>) =>
  [...termes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, poids]) => `${r}:${poids}`).join(' ')

/** Score texte (BM25 par champ, normalisé au meilleur service) pour des racines pondérées. */
function scoresTexte(
  etat: Etat,
  termes: ReadonlyMap<string, number>,
  noter: (idx: number, s: number) => void,
  champs?: string[],
): void {
  if (termes.size === 0) return
  const resultats = etat.index.search([...termes.keys()].join(' '), {
    boostTerm: (terme) => termes.get(terme) ?? 1,
    ...(champs ? { fields: champs } : {}),
  })
  const max = resultats[0]?.score ?? 0
  if (max <= 0) return
  for (const r of resultats) noter(r.id as number, r.score / max)
}

/** Les k premiers d'une liste selon `avant`, sans trier toute la liste (tas de taille k). */
export function meilleurs(liste: readonly number[], k: number, avant: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return []
  // Tas « pire en tête » : le pire des k meilleurs courants est à la racine.
  const tas: number[] = []
  const pire = (a: number, b: number) => avant(b, a)
  const monter = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!pire(tas[i]!, tas[parent]!)) break
      ;[tas[i], tas[parent]] = [tas[parent]!, tas[i]!]
      i = parent
    }
  }
  const descendre = (i: number) => {
    for (;;) {
      const g = 2 * i + 1
      const d = g + 1
      let m = i
      if (g < tas.length && pire(tas[g]!, tas[m]!)) m = g
      if (d < tas.length && pire(tas[d]!, tas[m]!)) m = d
      if (m === i) break
      ;[tas[i], tas[m]] = [tas[m]!, tas[i]!]
      i = m
    }
  }
  for (const x of liste) {
    if (tas.length < k) {
      tas.push(x)
      monter(tas.length - 1)
    } else if (avant(x, tas[0]!)) {
      tas[0] = x
      descendre(0)
    }
  }
  return tas.sort((a, b) => (avant(a, b) ? -1 : avant(b, a) ? 1 : 0))
}
