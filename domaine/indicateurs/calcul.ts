import typesPartenaires from '../../content/codes/types-partenaires.json'
import referentiels from '../../content/referentiels.json'
import { CONNAISSANCES, MODES_SAISINE, NATURES_SAISINE, PROFILS, SEXES, SITUATIONS_FAMILIALES, STATUTS_ORIENTATION, TYPES_ACTE } from '../saisines'
import { epciParSiren, nomCommune, resoudreCommune } from '../territoire'
import type { Agregats, DimensionBeneficiaire, DimensionSaisine } from './agregats'
import { type EtatAccompagnement, LIBELLE_NON_RENSEIGNE, NON_RENSEIGNE, TRANCHES_AGE, TRANCHES_DUREE, trancheDuree } from './regles'

/**
 * Les neuf indicateurs, calculés à partir des lignes agrégées (agregats.ts) :
 * des tableaux {code, libellé, valeur} et leur total, que les pages, les
 * exports et le masquage des petits effectifs (secret-statistique.ts)
 * reçoivent tels quels. Aucune lecture de base, aucune horloge.
 */

export type Ligne = { code: string | null; libelle: string; valeur: number }
export type Tableau = { lignes: Ligne[]; total: number }

/** Libellés venus de la base (noms des unités, référentiels tenus par l'opérateur) ; à défaut, ceux du contenu amorcé. */
export type Libelles = {
  unites?: Readonly<Record<string, string>>
  problematiques?: Readonly<Record<string, string>>
  origines?: Readonly<Record<string, string>>
  typesPartenaires?: Readonly<Record<string, string>>
}

export type Part = { tableau: Tableau; oui: number; pourcentage: number | null; pourcentageParmiReponses: number | null }
export type ResumeDuree = { n: number; moyenneJours: number | null; medianeJours: number | null }

export type Indicateurs = {
  beneficiaires: {
    saisines: number
    beneficiaires: number
    nonDedoublonnables: number
    personnesCitees: number
    profilsParSaisine: Tableau
    profilsParBeneficiaire: Tableau
  }
  sociodemographie: { age: Tableau; sexe: Tableau; situationFamiliale: Tableau }
  territoire: { communes: Tableau; epci: Tableau; lieuxAccueil: Tableau }
  problematique: Tableau
  saisines: { total: number; parNature: Tableau; parUnite: { code: string | null; libelle: string; directe: number; indirecte: number; total: number }[] }
  origine: { parOrigine: Tableau; parCanal: Tableau }
  connaissance: { departement: Part; caf: Part }
  orientations: { total: number; parTypePartenaire: Tableau; parStatut: Tableau }
  suivi: {
    actes: { total: number; parType: Tableau; saisinesSuivies: number; moyenneParSaisineSuivie: number | null }
    duree: Record<EtatAccompagnement, ResumeDuree> & { tranches: Tableau }
  }
}

const arrondi1 = (x: number) => Math.round(x * 10) / 10
const somme = (lignes: readonly { n: number }[]) => lignes.reduce((t, l) => t + l.n, 0)
const parCode = (liste: readonly { code: string; libelle: string }[]) => Object.fromEntries(liste.map((e) => [e.code, e.libelle]))

const CLE_NULLE = '\u0000'
function cumuler(entrees: Iterable<{ valeur: string | null; n: number }>): Map<string, number> {
  const m = new Map<string, number>()
  for (const e of entrees) m.set(e.valeur ?? CLE_NULLE, (m.get(e.valeur ?? CLE_NULLE) ?? 0) + e.n)
  return m
}

/** Liste fermée (profils, sexes…) : toutes ses valeurs dans son ordre, zéros compris ; l'inattendu et le non-renseigné à la fin. */
function tableauFerme(comptes: Map<string, number>, libelles: Readonly<Record<string, string>>): Tableau {
  const lignes: Ligne[] = Object.entries(libelles).map(([code, libelle]) => ({ code, libelle, valeur: comptes.get(code) ?? 0 }))
  for (const [code, valeur] of comptes)
    if (!Object.hasOwn(libelles, code) && code !== CLE_NULLE) lignes.push({ code, libelle: code, valeur })
  const nul = comptes.get(CLE_NULLE)
  if (nul) lignes.push({ code: null, libelle: LIBELLE_NON_RENSEIGNE, valeur: nul })
  return { lignes, total: lignes.reduce((t, l) => t + l.valeur, 0) }
}

/** Liste ouverte (communes, unités, problématiques…) : les valeurs présentes, de la plus fréquente à la moins fréquente ; le non-renseigné à la fin. */
function tableauOuvert(comptes: Map<string, number>, libelle: (code: string) => string): Tableau {
  const lignes: Ligne[] = [...comptes]
    .filter(([code]) => code !== CLE_NULLE)
    .map(([code, valeur]) => ({ code, libelle: libelle(code), valeur }))
    .sort((a, b) => b.valeur - a.valeur || a.libelle.localeCompare(b.libelle, 'fr'))
  const nul = comptes.get(CLE_NULLE)
  if (nul) lignes.push({ code: null, libelle: LIBELLE_NON_RENSEIGNE, valeur: nul })
  return { lignes, total: lignes.reduce((t, l) => t + l.valeur, 0) }
}

function part(tableau: Tableau): Part {
  const oui = tableau.lignes.find((l) => l.code === 'oui')?.valeur ?? 0
  const non = tableau.lignes.find((l) => l.code === 'non')?.valeur ?? 0
  return {
    tableau,
    oui,
    pourcentage: tableau.total ? arrondi1((100 * oui) / tableau.total) : null,
    pourcentageParmiReponses: oui + non ? arrondi1((100 * oui) / (oui + non)) : null,
  }
}

function resumeDuree(histogramme: readonly { jours: number; n: number }[]): ResumeDuree {
  const n = somme(histogramme)
  if (!n) return { n: 0, moyenneJours: null, medianeJours: null }
  const tries = [...histogramme].sort((a, b) => a.jours - b.jours)
  // k-ième valeur (0 = la plus courte) de la distribution, sans la déplier.
  const kieme = (k: number) => {
    let vu = 0
    for (const h of tries) if ((vu += h.n) > k) return h.jours
    return tries.at(-1)!.jours
  }
  const mediane = n % 2 ? kieme((n - 1) / 2) : (kieme(n / 2 - 1) + kieme(n / 2)) / 2
  return { n, moyenneJours: arrondi1(tries.reduce((t, h) => t + h.jours * h.n, 0) / n), medianeJours: mediane }
}

/** L'EPCI d'une commune (code SIREN) ; une commune hors de tout EPCI ou inconnue n'en a pas. */
const epciDe = (commune: string) => resoudreCommune(commune)?.epcis[0]

export function indicateursDepuisAgregats(a: Agregats, libelles: Libelles = {}): Indicateurs {
  const s = (d: DimensionSaisine) => cumuler(a.saisines.filter((l) => l.dimension === d))
  const b = (d: DimensionBeneficiaire) => cumuler(a.beneficiaires.filter((l) => l.dimension === d))
  const problematiques = { ...parCode(referentiels.problematique), ...libelles.problematiques }
  const origines = { ...parCode(referentiels['mode-saisine']), ...libelles.origines }
  const partenaires: Record<string, string> = { ...typesPartenaires, ...libelles.typesPartenaires }
  const unites = libelles.unites ?? {}

  const totalSaisines = somme(a.saisines.filter((l) => l.dimension === 'profil'))
  const beneficiairesProfil = a.beneficiaires.filter((l) => l.dimension === 'profil')

  const communes = b('commune')
  const epci = new Map<string, number>()
  for (const [commune, n] of communes) {
    const code = commune === CLE_NULLE ? CLE_NULLE : (epciDe(commune)?.siren ?? CLE_NULLE)
    epci.set(code, (epci.get(code) ?? 0) + n)
  }

  const unitesNatures = new Map<string, { directe: number; indirecte: number }>()
  for (const l of a.saisinesParUnite) {
    const cle = l.unite ?? CLE_NULLE
    const u = unitesNatures.get(cle) ?? { directe: 0, indirecte: 0 }
    if (l.nature === 'indirecte') u.indirecte += l.n
    else u.directe += l.n
    unitesNatures.set(cle, u)
  }
  const libelleUnite = (code: string) => unites[code] ?? `Unité ${code}`
  const lieux = tableauOuvert(new Map([...unitesNatures].map(([k, v]) => [k, v.directe + v.indirecte])), libelleUnite)

  const actes = tableauFerme(cumuler(a.actes.map((l) => ({ valeur: l.type, n: l.n }))), TYPES_ACTE)
  const duree = (etat: EtatAccompagnement) => resumeDuree(a.durees.filter((d) => d.etat === etat))
  const tranchesDuree = new Map<string, number>()
  for (const d of a.durees) tranchesDuree.set(trancheDuree(d.jours), (tranchesDuree.get(trancheDuree(d.jours)) ?? 0) + d.n)

  return {
    beneficiaires: {
      saisines: totalSaisines,
      beneficiaires: somme(beneficiairesProfil),
      nonDedoublonnables: somme(beneficiairesProfil.filter((l) => l.sansCle)),
      personnesCitees: a.personnesCitees,
      profilsParSaisine: tableauFerme(s('profil'), PROFILS),
      profilsParBeneficiaire: tableauFerme(b('profil'), PROFILS),
    },
    sociodemographie: {
      age: tableauFerme(b('trancheAge'), { ...Object.fromEntries(TRANCHES_AGE.map((t) => [t.code, t.libelle])), [NON_RENSEIGNE]: LIBELLE_NON_RENSEIGNE }),
      sexe: tableauFerme(b('sexe'), SEXES),
      situationFamiliale: tableauFerme(b('situationFamiliale'), SITUATIONS_FAMILIALES),
    },
    territoire: {
      communes: tableauOuvert(communes, (c) => nomCommune(c) || c),
      epci: tableauOuvert(epci, (siren) => epciParSiren(siren)?.nom ?? siren),
      lieuxAccueil: lieux,
    },
    problematique: tableauOuvert(s('problematique'), (c) => problematiques[c] ?? c),
    saisines: {
      total: totalSaisines,
      parNature: tableauFerme(cumuler(a.saisinesParUnite.map((l) => ({ valeur: l.nature, n: l.n }))), NATURES_SAISINE),
      parUnite: lieux.lignes.map((l) => {
        const u = unitesNatures.get(l.code ?? CLE_NULLE)!
        return { code: l.code, libelle: l.libelle, directe: u.directe, indirecte: u.indirecte, total: l.valeur }
      }),
    },
    origine: { parOrigine: tableauOuvert(s('origine'), (c) => origines[c] ?? c), parCanal: tableauFerme(s('mode'), MODES_SAISINE) },
    connaissance: { departement: part(tableauFerme(s('connueDepartement'), CONNAISSANCES)), caf: part(tableauFerme(s('connueCaf'), CONNAISSANCES)) },
    orientations: {
      total: somme(a.orientations),
      parTypePartenaire: tableauOuvert(cumuler(a.orientations.map((o) => ({ valeur: o.typePartenaire, n: o.n }))), (c) => partenaires[c] ?? c),
      parStatut: tableauFerme(cumuler(a.orientations.map((o) => ({ valeur: o.statut, n: o.n }))), STATUTS_ORIENTATION),
    },
    suivi: {
      actes: {
        total: actes.total,
        parType: actes,
        saisinesSuivies: a.saisinesSuivies,
        moyenneParSaisineSuivie: a.saisinesSuivies ? arrondi1(actes.total / a.saisinesSuivies) : null,
      },
      duree: {
        terminee: duree('terminee'),
        'en-cours': duree('en-cours'),
        tranches: tableauFerme(tranchesDuree, Object.fromEntries(TRANCHES_DUREE.map((t) => [t.code, t.libelle]))),
      },
    },
  }
}
