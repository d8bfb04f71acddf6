import { natureDuCode, RE_CODE_COMMUNE, type NatureCode } from '../../content/territoire/codes'
import { codeCommuneActuel, departementParCode, epciParSiren } from '../../content/territoire/geographie'

export { CODES_FRANCE, natureDuCode, RE_CODE_COMMUNE, RE_CODE_DEPARTEMENT, RE_CODE_POSTAL, RE_SIREN_EPCI, type NatureCode } from '../../content/territoire/codes'

/**
 * Un code de zone bien formé peut ne rien désigner (commune « 01999 », SIREN
 * inventé) : un service ainsi rattaché deviendrait introuvable. On vérifie donc
 * l'existence dans la géographie officielle ; un code réel hors de l'Ain (une
 * structure nationale, un département voisin) reste accepté.
 */
export function codeDeZoneReel(code: string): boolean {
  switch (natureDuCode(code)) {
    case 'france':
      return true
    case 'epci':
      return Boolean(epciParSiren(code))
    case 'commune':
      return Boolean(codeCommuneActuel(code))
    case 'departement':
      return Boolean(departementParCode(code))
    default:
      return false
  }
}

/**
 * Problème d'un code de zone, en français, ou undefined s'il est valable.
 * `natures` restreint les sortes de codes admises (le territoire d'un poste :
 * communes et EPCI seulement).
 */
export function problemeCodeDeZone(code: string, natures: readonly NatureCode[] = ['commune', 'epci', 'departement', 'france']): string | undefined {
  const nature = natureDuCode(code)
  const attendu = natures
    .map((n) => ({ commune: 'code INSEE de commune (5 caractères)', epci: 'SIREN d’EPCI (9 chiffres)', departement: 'code de département', france: '« france »' })[n])
    .join(', ')
  if (!nature || !natures.includes(nature)) return `« ${code} » n’est pas un code de zone valable (attendu : ${attendu})`
  if (!codeDeZoneReel(code)) {
    const quoi = { commune: 'aucune commune', epci: 'aucun EPCI', departement: 'aucun département', france: 'rien' }[nature]
    return `« ${code} » a la forme d’un code mais ne désigne ${quoi} de la géographie officielle`
  }
  return undefined
}

/** Code INSEE de commune bien formé et réel (actuel ou ancien). */
export const codeCommuneReel = (code: string) => RE_CODE_COMMUNE.test(code) && Boolean(codeCommuneActuel(code))
