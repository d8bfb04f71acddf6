import { communeParCode } from '../../../content/communes'

/**
 * Éligibilité d'un service pour une commune (règle de shared/fixtures/README.md) :
 * `zone_eligibilite` contient le code INSEE de la commune, le code de son
 * département, le SIREN d'un EPCI dont elle est membre, ou « france » / « 99100 ».
 * Un service sans zone n'est éligible nulle part (comme dans la recherche).
 */

const departementDe = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2))

/** Codes de zone qui couvrent la commune (commune, département, EPCI, France). */
export function codesCouvrant(codeCommune: string): Set<string> {
  const codes = new Set<string>(['france', '99100', codeCommune, departementDe(codeCommune)])
  const epci = communeParCode(codeCommune)?.epci?.siren
  if (epci) codes.add(epci)
  return codes
}

/** Le service de zone `zone` est-il éligible dans au moins une des communes ? */
export function eligibleDansUneCommune(zone: readonly string[] | null | undefined, communes: readonly string[]): boolean {
  if (!zone || zone.length === 0) return false
  return communes.some((c) => {
    const codes = codesCouvrant(c)
    return zone.some((z) => codes.has(z))
  })
}

/** Prépare un filtre réutilisable pour un ensemble de communes (codes calculés une fois). */
export function filtreSecteur(communes: readonly string[]): (zone: readonly string[] | null | undefined) => boolean {
  const ensembles = communes.map(codesCouvrant)
  return (zone) => Boolean(zone && zone.length > 0 && ensembles.some((codes) => zone.some((z) => codes.has(z))))
}

/** Codes de communes inconnus (hors de l'Ain ou mal formés), pour refuser un secteur mal saisi. */
export const communesInconnues = (communes: readonly string[]) => communes.filter((c) => !communeParCode(c))
