import { createRequire } from 'node:module'

/**
 * Géographie officielle, tirée de @etalab/decoupage-administratif (jamais
 * saisie à la main), chargée une seule fois dans un seul modèle :
 * - toute commune actuelle de France, car une personne peut habiter hors de
 *   l'Ain et un service intervenir sur un EPCI à cheval sur deux départements
 *   (CC Usses et Rhône, MSA Ain-Rhône) ;
 * - les anciens codes INSEE (communes fusionnées, déléguées, associées), car un
 *   code saisi ou importé peut dater d'avant la fusion : il mène toujours à la
 *   commune actuelle (« Bellegarde-sur-Valserine » → Valserhône) ;
 * - les EPCI et les départements.
 *
 * C'est une donnée de référence, comme les listes de codes data·inclusion de
 * `content/codes/` : elle vit dans `content/` pour que les schémas de contenu
 * puissent vérifier une commune. Les règles qui s'en servent (éligibilité,
 * secteurs, phrases) sont dans `domaine/territoire/`, que le reste du code appelle.
 */

type CommuneBrute = {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  typeLiaison?: number
  departement?: string
  chefLieu?: string
  commune?: string
  anciensCodes?: string[]
  codesPostaux?: string[]
  population?: number
}
type EpciBrut = { code: string; nom: string; membres: { code: string }[] }
type DepartementBrut = { code: string; nom: string; typeLiaison: number }

export type Epci = { siren: string; nom: string; membres: readonly string[] }
export type Departement = { code: string; nom: string; typeLiaison: number }

/** Une commune actuelle. */
export type Commune = {
  code: string
  nom: string
  /** Type de liaison INSEE du nom (article) : 2 = « Le », 4 = « Les »… */
  typeLiaison: number
  departement: string
  codesPostaux: readonly string[]
  population: number
  /** EPCI dont la commune est membre (un seul en pratique ; la donnée permet davantage). */
  epcis: readonly Epci[]
  /** Noms des anciennes communes fusionnées dans celle-ci. */
  anciensNoms: readonly string[]
}

/** Commune actuelle atteinte depuis un code, actuel ou ancien. */
export type CommuneResolue = Commune & {
  /** Code saisi quand c'était un ancien code (commune fusionnée). */
  codeSaisi?: string
}

export const DEPARTEMENT_AIN = '01'

const require = createRequire(import.meta.url)

type Donnees = {
  actuelles: Map<string, Commune>
  ancienVersActuel: Map<string, string>
  epciParSiren: Map<string, Epci>
  departements: Map<string, Departement>
  ain: Commune[]
}
let donnees: Donnees | undefined

function construire(): Donnees {
  const brutes: CommuneBrute[] = require('@etalab/decoupage-administratif/data/communes.json')
  const epcisBruts: EpciBrut[] = require('@etalab/decoupage-administratif/data/epci.json')
  const departementsBruts: DepartementBrut[] = require('@etalab/decoupage-administratif/data/departements.json')

  const epciParSiren = new Map<string, Epci>()
  const epcisDeCommune = new Map<string, Epci[]>()
  for (const e of epcisBruts) {
    const epci: Epci = { siren: e.code, nom: e.nom, membres: e.membres.map((m) => m.code) }
    epciParSiren.set(e.code, epci)
    for (const m of epci.membres) {
      const liste = epcisDeCommune.get(m)
      if (liste) liste.push(epci)
      else epcisDeCommune.set(m, [epci])
    }
  }

  const actuelles = new Map<string, Commune & { anciensNoms: string[] }>()
  const ancienVersActuel = new Map<string, string>()
  for (const c of brutes) {
    if (c.type !== 'commune-actuelle' || !c.departement) continue
    actuelles.set(c.code, {
      code: c.code,
      nom: c.nom,
      typeLiaison: c.typeLiaison ?? 0,
      departement: c.departement,
      codesPostaux: c.codesPostaux ?? [],
      population: c.population ?? 0,
      epcis: epcisDeCommune.get(c.code) ?? [],
      anciensNoms: [],
    })
    for (const ancien of c.anciensCodes ?? []) if (ancien !== c.code) ancienVersActuel.set(ancien, c.code)
  }
  for (const c of brutes) {
    // Communes déléguées ou associées : leur code mène à la commune nouvelle, et
    // leur nom reste connu (« Bellegarde-sur-Valserine »). Arrondissements
    // municipaux (Paris, Lyon, Marseille) : à la commune.
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.type !== 'commune-actuelle' ? c.chefLieu : undefined
    if (!parent) continue
    if (!actuelles.has(c.code) && !ancienVersActuel.has(c.code)) ancienVersActuel.set(c.code, parent)
    const nouvelle = actuelles.get(parent)
    if (nouvelle && c.type !== 'arrondissement-municipal' && c.nom !== nouvelle.nom && !nouvelle.anciensNoms.includes(c.nom))
      nouvelle.anciensNoms.push(c.nom)
  }

  const departements = new Map(departementsBruts.map((d) => [d.code, { code: d.code, nom: d.nom, typeLiaison: d.typeLiaison }]))
  const ain = [...actuelles.values()]
    .filter((c) => c.departement === DEPARTEMENT_AIN)
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
  return { actuelles, ancienVersActuel, epciParSiren, departements, ain }
}

const geo = (): Donnees => (donnees ??= construire())

/** Code INSEE actuel d'une commune, depuis un code actuel ou ancien ; undefined si inconnu. */
export function codeCommuneActuel(code: string): string | undefined {
  const { actuelles, ancienVersActuel } = geo()
  if (actuelles.has(code)) return code
  const actuel = ancienVersActuel.get(code)
  return actuel && actuelles.has(actuel) ? actuel : undefined
}

/** Commune actuelle (n'importe où en France) d'un code INSEE actuel ou ancien. */
export function resoudreCommune(code: string): CommuneResolue | undefined {
  const actuel = codeCommuneActuel(code)
  if (!actuel) return undefined
  const commune = geo().actuelles.get(actuel)!
  return actuel === code ? commune : { ...commune, codeSaisi: code }
}

/** Communes actuelles de l'Ain, triées par nom. */
export const communesDeLAin = (): readonly Commune[] => geo().ain

/** Commune actuelle de l'Ain de ce code (un ancien code ne compte pas ici). */
export function communeDeLAin(code: string): Commune | undefined {
  const c = geo().actuelles.get(code)
  return c?.departement === DEPARTEMENT_AIN ? c : undefined
}

/** EPCI de France par SIREN (un EPCI peut déborder de l'Ain). */
export const epciParSiren = (siren: string): Epci | undefined => geo().epciParSiren.get(siren)

export const departementParCode = (code: string): Departement | undefined => geo().departements.get(code)
