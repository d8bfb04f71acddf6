import type { Indicateurs, Ligne, Tableau } from './calcul'
import { type Effectif, type IndicateursFinanceur, versionFinanceur } from './financeur'
import { type Bornes, libellePeriode, memePeriodeAnPasse, type Periode, periodePrecedente } from './periodes'
import { DEFINITIONS, type Indicateur, INDICATEURS, REGLES_COMMUNES } from './regles'
import type { TableauProtege } from './secret-statistique'

/**
 * Le rapport d'une période, tel que la page /espace/indicateurs et les trois
 * exports (XLSX, CSV, PDF) le montrent : pour chaque indicateur, ses
 * tableaux, chaque ligne avec la période, la période précédente et la même
 * période l'an passé. Une seule mise en forme, pour que la page et les
 * fichiers disent exactement la même chose.
 *
 * Vue « secret-statistique » (financeur) : chaque colonne est la version du
 * financeur de sa période (financeur.ts) ; une case masquée n'a pas de
 * valeur, seulement son affichage (« < 5 », « secret ») : rien de ce qui
 * sort d'ici ne permet de la retrouver.
 */

export type Vue = 'complete' | 'secret-statistique'
export type Cellule = { valeur: number | null; affichage: string }
export type LigneRapport = { libelle: string; periode: Cellule; precedente: Cellule; anPasse: Cellule }
export type TableauRapport = { titre: string; lignes: LigneRapport[]; total: LigneRapport | null }
export type SectionRapport = { cle: Indicateur; titre: string; definition: string; tableaux: TableauRapport[] }
export type Rapport = {
  vue: Vue
  /** Seuil du secret statistique (vue du financeur seulement). */
  seuil: number | null
  periode: Periode
  libelle: string
  bornes: Bornes
  libellePrecedente: string
  libelleAnPasse: string
  /** « Département de l'Ain », ou le poste / l'unité filtrés. */
  perimetre: string
  reglesCommunes: string
  sections: SectionRapport[]
}

/** Ce qu'il faut pour bâtir un rapport : les indicateurs entiers des trois périodes (le masquage se fait ici). */
export type Entree = {
  periode: Periode
  bornes: Bornes
  perimetre: string
  courante: Indicateurs
  precedente: Indicateurs
  anPasse: Indicateurs
}

export const NON_COMMUNIQUE = 'non communiqué'
const VIDE: Cellule = { valeur: 0, affichage: '0' }
const nombreFr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })

/** Un tableau d'une période, sous la forme commune : lignes repérées par leur clé. */
type TableauBrut = { titre: string; lignes: { cle: string; libelle: string; cellule: Cellule }[]; total: Cellule | null }
type SectionBrute = Record<Indicateur, TableauBrut[]>

const cellule = (n: number): Cellule => ({ valeur: n, affichage: nombreFr(n) })
const cleDe = (l: { code?: string | null; libelle: string }) => l.code ?? `libelle:${l.libelle}`

/** Indicateurs entiers ou version du financeur, vus de la même façon : des cases {valeur, affichage}. */
type Source =
  | { vue: 'complete'; i: Indicateurs }
  | { vue: 'secret-statistique'; i: IndicateursFinanceur }

function depuisTableau(titre: string, brut: Tableau | TableauProtege<Ligne>, avecTotal = true): TableauBrut {
  // Tableau protégé : déjà brouillé par versionFinanceur quand son total a dû être masqué.
  const t = brut
  return {
    titre,
    lignes: (t.lignes as (Ligne | TableauProtege<Ligne>['lignes'][number])[]).map((l) => ({
      cle: cleDe(l),
      libelle: l.libelle,
      cellule: 'affichage' in l ? { valeur: l.valeur, affichage: l.affichage } : cellule(l.valeur),
    })),
    total: !avecTotal ? null : typeof t.total === 'number' ? cellule(t.total) : { valeur: t.total.valeur, affichage: t.total.affichage },
  }
}
const depuisEffectif = (e: number | Effectif): Cellule => (typeof e === 'number' ? cellule(e) : { valeur: e.valeur, affichage: e.affichage })
const chiffres = (titre: string, lignes: [string, Cellule][]): TableauBrut => ({
  titre,
  lignes: lignes.map(([libelle, c]) => ({ cle: `libelle:${libelle}`, libelle, cellule: c })),
  total: null,
})

function tableauxDe(s: Source): SectionBrute {
  const f = s.vue === 'secret-statistique' ? s.i : null
  const c = s.vue === 'complete' ? s.i : null
  const i = s.i
  // Sans donnée (aucune saisine), une moyenne n'existe pas ; chez le financeur, elle peut aussi être tue.
  const moyenne = (n: number | null): Cellule => (n === null ? { valeur: null, affichage: f ? NON_COMMUNIQUE : '—' } : { valeur: n, affichage: nombreFr(n) })
  const b = i.beneficiaires
  const connaissance = (nom: string, p: (typeof i.connaissance)['caf']) => [
    depuisTableau(`Déjà connus ${nom}`, p.tableau),
    chiffres(`Part des dossiers déjà connus ${nom}`, [
      ['Part sur l’ensemble des saisines (%)', moyenne(p.pourcentage)],
      ['Part parmi les réponses connues (%)', moyenne(p.pourcentageParmiReponses)],
    ]),
  ]
  const duree = (r: (typeof i.suivi.duree)['terminee']) => [depuisEffectif(r.n), moyenne(r.moyenneJours), moyenne(r.medianeJours)] as const
  const terminee = duree(i.suivi.duree.terminee)
  const enCours = duree(i.suivi.duree['en-cours'])

  const saisines: TableauBrut[] = [
    chiffres('Saisines de la période', [['Saisines', depuisEffectif(i.saisines.total)]]),
    depuisTableau('Saisines par nature (directe, indirecte)', i.saisines.parNature),
  ]
  if (f) saisines.push(depuisTableau('Saisines par unité qui a saisi', f.saisines.parUnite))
  if (c) {
    const parUnite = (nom: 'directe' | 'indirecte' | 'total') => ({
      lignes: c.saisines.parUnite.map((u) => ({ code: u.code, libelle: u.libelle, valeur: u[nom] })),
      total: c.saisines.parUnite.reduce((t, u) => t + u[nom], 0),
    })
    saisines.push(
      depuisTableau('Saisines par unité qui a saisi', parUnite('total')),
      depuisTableau('Saisines directes par unité', parUnite('directe')),
      depuisTableau('Saisines indirectes par unité', parUnite('indirecte')),
    )
  }

  return {
    beneficiaires: [
      chiffres('Chiffres clés', [
        ['Saisines', depuisEffectif(b.saisines)],
        ['Bénéficiaires (personnes distinctes)', depuisEffectif(b.beneficiaires)],
        ['dont non dédoublonnables', depuisEffectif(b.nonDedoublonnables)],
        ['Personnes nommées dans les saisines', depuisEffectif(b.personnesCitees)],
      ]),
      depuisTableau('Profils, par bénéficiaire', b.profilsParBeneficiaire),
      depuisTableau('Profils, par saisine', b.profilsParSaisine),
    ],
    sociodemographie: [
      depuisTableau('Tranche d’âge', i.sociodemographie.age),
      depuisTableau('Sexe', i.sociodemographie.sexe),
      depuisTableau('Situation familiale', i.sociodemographie.situationFamiliale),
    ],
    territoire: [
      depuisTableau('Commune de résidence', i.territoire.communes),
      depuisTableau('EPCI de résidence', i.territoire.epci),
      depuisTableau('Lieu d’accueil (unité qui a saisi)', i.territoire.lieuxAccueil),
    ],
    problematique: [depuisTableau('Problématique sociale principale', i.problematique)],
    saisines,
    origine: [depuisTableau('Origine de la saisine', i.origine.parOrigine), depuisTableau('Canal de la saisine', i.origine.parCanal)],
    connaissance: [...connaissance('du Département', i.connaissance.departement), ...connaissance('de la CAF', i.connaissance.caf)],
    orientations: [
      chiffres('Orientations de la période', [['Orientations', depuisEffectif(i.orientations.total)]]),
      depuisTableau('Orientations par type de partenaire', i.orientations.parTypePartenaire),
      depuisTableau('Orientations par statut', i.orientations.parStatut),
    ],
    suivi: [
      chiffres('Actes', [
        ['Actes', depuisEffectif(i.suivi.actes.total)],
        ['Saisines suivies (au moins un acte)', depuisEffectif(i.suivi.actes.saisinesSuivies)],
        ['Actes par saisine suivie (moyenne)', moyenne(i.suivi.actes.moyenneParSaisineSuivie)],
      ]),
      depuisTableau('Actes par type', i.suivi.actes.parType),
      chiffres('Durée d’accompagnement', [
        ['Accompagnements clôturés dans la période', terminee[0]],
        ['durée moyenne (jours)', terminee[1]],
        ['durée médiane (jours)', terminee[2]],
        ['Accompagnements en cours à la fin de la période', enCours[0]],
        ['durée moyenne jusqu’à la fin de la période (jours)', enCours[1]],
        ['durée médiane jusqu’à la fin de la période (jours)', enCours[2]],
      ]),
      depuisTableau('Durée d’accompagnement par tranche', i.suivi.duree.tranches),
    ],
  }
}

/**
 * Réunit trois périodes : les lignes de la période, puis celles qui
 * n'existent qu'avant (une commune qui n'a plus de bénéficiaire), à zéro
 * pour la période. Une ligne absente d'une période vaut 0 : une liste
 * ouverte ne garde que les valeurs présentes.
 */
function reunir(courant: TableauBrut, precedent: TableauBrut, anPasse: TableauBrut): TableauRapport {
  const cles = [...courant.lignes, ...precedent.lignes, ...anPasse.lignes]
  const vues = new Set<string>()
  const lignes: LigneRapport[] = []
  const trouver = (t: TableauBrut, cle: string) => t.lignes.find((l) => l.cle === cle)?.cellule ?? VIDE
  for (const l of cles) {
    if (vues.has(l.cle)) continue
    vues.add(l.cle)
    lignes.push({ libelle: l.libelle, periode: trouver(courant, l.cle), precedente: trouver(precedent, l.cle), anPasse: trouver(anPasse, l.cle) })
  }
  const total =
    courant.total && precedent.total && anPasse.total ? { libelle: 'Total', periode: courant.total, precedente: precedent.total, anPasse: anPasse.total } : null
  return { titre: courant.titre, lignes, total }
}

/** Le rapport d'une période, dans la vue de l'acteur ; `seuil` : celui du secret statistique (vue du financeur). */
export function construireRapport(e: Entree, vue: Vue, seuil: number): Rapport {
  const source = (i: Indicateurs): Source => (vue === 'complete' ? { vue, i } : { vue, i: versionFinanceur(i, seuil) })
  const [c, p, a] = [e.courante, e.precedente, e.anPasse].map((i) => tableauxDe(source(i))) as [SectionBrute, SectionBrute, SectionBrute]
  const sections = (Object.keys(INDICATEURS) as Indicateur[]).map((cle) => ({
    cle,
    titre: INDICATEURS[cle],
    definition: DEFINITIONS[cle],
    tableaux: c[cle].map((t, k) => reunir(t, p[cle][k]!, a[cle][k]!)),
  }))
  return {
    vue,
    seuil: vue === 'secret-statistique' ? seuil : null,
    periode: e.periode,
    libelle: libellePeriode(e.periode),
    bornes: e.bornes,
    libellePrecedente: libellePeriode(periodePrecedente(e.periode)),
    libelleAnPasse: libellePeriode(memePeriodeAnPasse(e.periode)),
    perimetre: e.perimetre,
    reglesCommunes: REGLES_COMMUNES,
    sections,
  }
}

/** Texte qui dit le secret statistique, repris par la page et les exports du financeur. */
export const noteSecret = (seuil: number) =>
  `Secret statistique : toute case de moins de ${seuil} personnes est affichée « < ${seuil} » ; les cases qui permettraient de la retrouver par différence avec le total sont affichées « secret » (une case « secret » peut être petite, grande ou nulle). ` +
  'Moyennes, médianes et parts calculées sur trop peu de personnes ne sont pas communiquées.'
