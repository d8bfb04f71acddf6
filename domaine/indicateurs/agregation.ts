import type { Agregats, DimensionBeneficiaire, DimensionSaisine } from './agregats'
import type { Bornes } from './periodes'
import { accompagnementDansPeriode, cleBeneficiaire, saisineComptee, suiviDansPeriode, saisineDansPeriode, trancheAge } from './regles'

/**
 * L'agrégation de référence, en mémoire : les règles de regles.ts appliquées
 * à un petit jeu de saisines, tel qu'il est en clair dans la base (aucune
 * identité). Elle sert aux tests unitaires et documente ce que les requêtes
 * SQL doivent rendre ; le portail, lui, agrège en SQL.
 */

export type PersonneStat = { clePersonne: string | null; age: number | null; sexe: string; situationFamiliale: string; commune: string | null }
export type SaisineStat = {
  id: number
  date: string
  poste: number | null
  unite: number | null
  mode: string
  nature: string
  origine: string | null
  profil: string
  problematique: string
  connueDepartement: string | null
  connueCaf: string | null
  /** Jours civils à Paris de la prise en charge et de la clôture. */
  priseEnChargeJour: string | null
  clotureeJour: string | null
  /** Statut courant ; absent : compté (les jeux écrits avant le tri de la synthèse du GGD). */
  statut?: string
  personnes: PersonneStat[]
  actes: { type: string; date: string }[]
  orientations: { typePartenaire: string | null; statut: string; date: string }[]
}

export type Filtre = { poste?: number; unite?: number }

const compter = <K extends string>(cles: Iterable<K>) => {
  const m = new Map<K, number>()
  for (const k of cles) m.set(k, (m.get(k) ?? 0) + 1)
  return m
}

export function agregerEnMemoire(toutes: readonly SaisineStat[], b: Bornes, filtre: Filtre = {}): Agregats {
  const retenues = toutes.filter((s) => saisineComptee(s.statut) && (filtre.poste === undefined || s.poste === filtre.poste) && (filtre.unite === undefined || s.unite === filtre.unite))
  const dePeriode = retenues.filter((s) => saisineDansPeriode(s.date, b))

  const saisines: Agregats['saisines'] = []
  const dims: Record<DimensionSaisine, (s: SaisineStat) => string | null> = {
    profil: (s) => s.profil,
    mode: (s) => s.mode,
    origine: (s) => s.origine,
    problematique: (s) => s.problematique,
    connueDepartement: (s) => s.connueDepartement,
    connueCaf: (s) => s.connueCaf,
  }
  for (const [dimension, lire] of Object.entries(dims) as [DimensionSaisine, (s: SaisineStat) => string | null][])
    for (const [valeur, n] of compter(dePeriode.map((s) => lire(s) ?? '\u0000'))) saisines.push({ dimension, valeur: valeur === '\u0000' ? null : valeur, n })

  const parUnite = compter(dePeriode.map((s) => JSON.stringify([s.unite === null ? null : String(s.unite), s.nature])))
  const saisinesParUnite = [...parUnite].map(([k, n]) => {
    const [unite, nature] = JSON.parse(k) as [string | null, string]
    return { unite, nature, n }
  })

  // Première mention de chaque bénéficiaire : date de saisine, puis identifiant, puis rang dans la saisine.
  const premieres = new Map<string, { sansCle: boolean; profil: string; p: PersonneStat }>()
  let personnesCitees = 0
  for (const s of [...dePeriode].sort((a, c) => (a.date === c.date ? a.id - c.id : a.date < c.date ? -1 : 1)))
    s.personnes.forEach((p, rang) => {
      personnesCitees++
      const { cle, sansCle } = cleBeneficiaire(p.clePersonne, `${s.id}.${rang}`)
      if (!premieres.has(cle)) premieres.set(cle, { sansCle, profil: s.profil, p })
    })
  const dimsB: Record<DimensionBeneficiaire, (x: { profil: string; p: PersonneStat }) => string | null> = {
    profil: (x) => x.profil,
    trancheAge: (x) => trancheAge(x.p.age),
    sexe: (x) => x.p.sexe,
    situationFamiliale: (x) => x.p.situationFamiliale,
    commune: (x) => x.p.commune,
  }
  const beneficiaires: Agregats['beneficiaires'] = []
  for (const [dimension, lire] of Object.entries(dimsB) as [DimensionBeneficiaire, (x: { profil: string; p: PersonneStat }) => string | null][])
    for (const [k, n] of compter([...premieres.values()].map((x) => JSON.stringify([lire(x), x.sansCle])))) {
      const [valeur, sansCle] = JSON.parse(k) as [string | null, boolean]
      beneficiaires.push({ dimension, valeur, sansCle, n })
    }

  const actesDatees = retenues.flatMap((s) => s.actes.filter((a) => suiviDansPeriode(a.date, b)).map((a) => ({ ...a, saisine: s.id })))
  const actes = [...compter(actesDatees.map((a) => a.type))].map(([type, n]) => ({ type, n }))
  const saisinesSuivies = new Set(actesDatees.map((a) => a.saisine)).size

  const orientationsDatees = retenues.flatMap((s) => s.orientations.filter((o) => suiviDansPeriode(o.date, b)))
  const orientations = [...compter(orientationsDatees.map((o) => JSON.stringify([o.typePartenaire, o.statut])))].map(([k, n]) => {
    const [typePartenaire, statut] = JSON.parse(k) as [string | null, string]
    return { typePartenaire, statut, n }
  })

  const accompagnements = retenues.map((s) => accompagnementDansPeriode(s.priseEnChargeJour, s.clotureeJour, b)).filter((a) => a !== null)
  const durees = [...compter(accompagnements.map((a) => `${a.etat}|${a.jours}`))].map(([k, n]) => {
    const [etat, jours] = k.split('|') as ['terminee' | 'en-cours', string]
    return { etat, jours: Number(jours), n }
  })

  return { saisines, saisinesParUnite, beneficiaires, personnesCitees, actes, saisinesSuivies, orientations, durees }
}
