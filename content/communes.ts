import { createRequire } from 'node:module'

/**
 * Communes de l'Ain et EPCI, tirés de @etalab/decoupage-administratif (jamais
 * saisis à la main). Les anciennes communes (déléguées ou associées) sont
 * rattachées à leur commune nouvelle : « Bellegarde-sur-Valserine » → Valserhône.
 */

type CommuneBrute = {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  departement?: string
  chefLieu?: string
  codesPostaux?: string[]
}
type EpciBrut = { code: string; nom: string; type: string; membres: { code: string }[] }

export type Commune = {
  code: string
  nom: string
  codesPostaux: string[]
  /** Noms des anciennes communes fusionnées dans celle-ci. */
  anciensNoms: string[]
  epci?: { siren: string; nom: string }
}

export const DEPARTEMENT_AIN = '01'

const require = createRequire(import.meta.url)
let index: { communes: Commune[]; parCode: Map<string, Commune>; epciParSiren: Map<string, { siren: string; nom: string; membres: string[] }> } | undefined

function construire() {
  const brutes: CommuneBrute[] = require('@etalab/decoupage-administratif/data/communes.json')
  const epcis: EpciBrut[] = require('@etalab/decoupage-administratif/data/epci.json')
  const epciDeCommune = new Map<string, { siren: string; nom: string }>()
  const epciParSiren = new Map<string, { siren: string; nom: string; membres: string[] }>()
  for (const e of epcis) {
    const membres = e.membres.map((m) => m.code)
    if (!membres.some((c) => c.startsWith(DEPARTEMENT_AIN))) continue
    epciParSiren.set(e.code, { siren: e.code, nom: e.nom, membres })
    for (const c of membres) epciDeCommune.set(c, { siren: e.code, nom: e.nom })
  }
  const ain = brutes.filter((c) => c.departement === DEPARTEMENT_AIN)
  const communes: Commune[] = ain
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      codesPostaux: c.codesPostaux ?? [],
      anciensNoms: [],
      epci: epciDeCommune.get(c.code),
    }))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
  const parCode = new Map(communes.map((c) => [c.code, c]))
  for (const c of ain) {
    if (c.type === 'commune-actuelle' || !c.chefLieu) continue
    const nouvelle = parCode.get(c.chefLieu)
    if (nouvelle && c.nom !== nouvelle.nom) nouvelle.anciensNoms.push(c.nom)
  }
  return { communes, parCode, epciParSiren }
}

function donnees() {
  index ??= construire()
  return index
}

/** Communes actuelles de l'Ain, triées par nom. */
export const communesDeLAin = (): readonly Commune[] => donnees().communes

export const communeParCode = (code: string): Commune | undefined => donnees().parCode.get(code)

export const epciParSiren = (siren: string) => donnees().epciParSiren.get(siren)

/** Options d'un champ de sélection de commune : « Valserhône (01033) ». */
export const optionsCommunesAin = () =>
  communesDeLAin().map((c) => ({ value: c.code, label: `${c.nom} (${c.code})` }))
