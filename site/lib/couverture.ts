import { communeParCode } from '../../content/communes'
import type { Poste, Site } from '../../cms/payload-types'

/**
 * Quel poste d'intervenant social couvre une commune ? D'abord l'unité (ou le
 * lieu de permanence) installée dans la commune, puis le territoire déclaré du
 * poste : la commune elle-même, sinon son EPCI. Plusieurs postes peuvent répondre.
 */
const id = (ref: number | { id: number } | null | undefined) => (ref && typeof ref === 'object' ? ref.id : ref)

export function postesDeLaCommune(code: string, postes: Poste[], sites: Site[]): { poste: Poste; motif: string }[] {
  const commune = communeParCode(code)
  if (!commune) return []
  const sitesIci = sites.filter((s) => s.commune === code && ['commissariat', 'brigade'].includes(s.type))
  const parUnite = postes.filter((p) => (p.sites ?? []).some((s) => sitesIci.some((si) => si.id === id(s as never))))
  if (parUnite.length > 0) {
    const unites = sitesIci.map((s) => s.nom).join(', ')
    return parUnite.map((poste) => ({ poste, motif: `${unites} se trouve à ${commune.nom}` }))
  }
  const parCommune = postes.filter((p) => (p.territoire ?? []).includes(code))
  if (parCommune.length > 0) return parCommune.map((poste) => ({ poste, motif: `${commune.nom} fait partie du secteur ${poste.secteur}` }))
  const siren = commune.epci?.siren
  return postes
    .filter((p) => siren && (p.territoire ?? []).includes(siren))
    .map((poste) => ({ poste, motif: `${commune.nom} (${commune.epci!.nom}) fait partie du secteur ${poste.secteur}` }))
}
