import { dateDocument } from '../../domaine/temps'
import { referentiels } from '../../content/schemas/data-inclusion'
import { PUBLICS_PLAQUETTE } from '../../cms/collections/Plaquettes/publics'
import { TYPES_DE_SITE } from '../../content/schemas/site'

/** Libellés en français des codes affichés sur le portail (aucun code brut ne doit être montré). */
const depuis = (liste: Record<string, string>) => (code: string | null | undefined) => (code ? (liste[code] ?? code) : '')

export const libelleTypePartenaire = depuis(referentiels.typesPartenaires)
export const libelleThematique = depuis(referentiels.thematiques)
export const libellePublic = depuis(referentiels.publics)
export const libelleModeAccueil = depuis(referentiels.modesAccueil)
export const libelleModeMobilisation = depuis(referentiels.modesMobilisation)
export const libelleFrais = depuis(referentiels.frais)
export const libelleTypeService = depuis(referentiels.typesDeServices)
export const libelleTypeSite = depuis(TYPES_DE_SITE)
export const libellePublicPlaquette = depuis(PUBLICS_PLAQUETTE)
export { libelleZone, nomCommune } from '../../domaine/territoire'

export const dateFr = (iso: string | null | undefined) => (iso ? dateDocument(new Date(iso)) : '')

/** « 04 65 71 12 34 » → « tel:+33465711234 » */
export const lienTel = (numero: string) => {
  const chiffres = numero.replace(/\D/g, '')
  return chiffres.length === 10 && chiffres.startsWith('0') ? `tel:+33${chiffres.slice(1)}` : `tel:${chiffres}`
}

/** Les données de l'annuaire amorcé sont fictives : le portail le dit partout où il les montre. */
export const estDemonstration = (source: string | null | undefined) => source === 'passerelle-demo'
