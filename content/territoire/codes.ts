/**
 * Formats des codes du territoire, écrits une seule fois : les schémas de
 * contenu (sites, postes, data·inclusion) les vérifient, et
 * `domaine/territoire` les réexporte avec les règles (existence, éligibilité).
 *
 * - commune : code INSEE à 5 caractères (Corse : 2A/2B) ;
 * - EPCI : SIREN à 9 chiffres ;
 * - département : 2 caractères, ou 3 chiffres outre-mer (971 à 976) ;
 * - France entière : « france » ou le code pays INSEE « 99100 » (schéma data·inclusion).
 */
export const RE_CODE_COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/
export const RE_SIREN_EPCI = /^\d{9}$/
export const RE_CODE_DEPARTEMENT = /^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/
export const RE_CODE_POSTAL = /^\d{5}$/
export const CODES_FRANCE = ['france', '99100'] as const

export type NatureCode = 'commune' | 'epci' | 'departement' | 'france'

/** Nature d'un code de zone d'après sa seule forme ; undefined s'il n'a la forme d'aucun. */
export function natureDuCode(code: string): NatureCode | undefined {
  if ((CODES_FRANCE as readonly string[]).includes(code)) return 'france'
  if (RE_SIREN_EPCI.test(code)) return 'epci'
  if (RE_CODE_COMMUNE.test(code)) return 'commune'
  if (RE_CODE_DEPARTEMENT.test(code)) return 'departement'
  return undefined
}
