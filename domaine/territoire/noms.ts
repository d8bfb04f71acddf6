import { CODES_FRANCE, natureDuCode } from '../../content/territoire/codes'
import { departementParCode, epciParSiren, resoudreCommune, type Departement } from '../../content/territoire/geographie'

/**
 * Noms du territoire tels qu'on les écrit en français : un code brut ne doit
 * jamais être montré à un gendarme ni à une intervenante.
 */

/**
 * « à Oyonnax », « au Poizat-Lalleyriat », « aux Neyrolles », « à La Boisse » :
 * le type de liaison INSEE dit quel article porte le nom.
 */
export function aCommune(commune: { nom: string; typeLiaison: number }): string {
  if (commune.typeLiaison === 2 && commune.nom.startsWith('Le ')) return `au ${commune.nom.slice(3)}`
  if (commune.typeLiaison === 4 && commune.nom.startsWith('Les ')) return `aux ${commune.nom.slice(4)}`
  return `à ${commune.nom}`
}

/** « de l'Ain », « du Rhône », « de la Savoie », « des Yvelines », « de Paris ». */
export function deDepartement(departement: Departement): string {
  const nom = departement.nom
  switch (departement.typeLiaison) {
    case 1:
    case 5:
      return `de l'${nom}`
    case 2:
      return `du ${nom}`
    case 3:
      return `de la ${nom}`
    case 4:
      return `des ${nom}`
    default:
      return `de ${nom}`
  }
}

/** Nom d'une commune (code actuel ou ancien), ou le code lui-même s'il ne désigne rien. */
export const nomCommune = (code: string | null | undefined): string => (code ? (resoudreCommune(code)?.nom ?? code) : '')

/**
 * Libellé d'un code de zone : « Bourg-en-Bresse », « CA du Bassin de
 * Bourg-en-Bresse », « département de l'Ain », « toute la France ».
 */
export function libelleZone(code: string): string {
  switch (natureDuCode(code)) {
    case 'france':
      return 'toute la France'
    case 'epci':
      return epciParSiren(code)?.nom ?? `intercommunalité ${code}`
    case 'departement': {
      const d = departementParCode(code)
      return d ? `département ${deDepartement(d)}` : `département ${code}`
    }
    case 'commune':
      return resoudreCommune(code)?.nom ?? `commune ${code}`
    default:
      return code
  }
}

/** Description d'une zone entière, sans doublon : « Oyonnax, CA Haut-Bugey Agglomération ». */
export const decrireZone = (zone: readonly string[]): string => [...new Set(zone.map(libelleZone))].join(', ')

export { CODES_FRANCE }
