import { RE_CODE_COMMUNE, RE_SIREN_EPCI } from '../../content/territoire/codes'
import { DEPARTEMENT_AIN, epciParSiren, resoudreCommune } from '../../content/territoire/geographie'
import { idDe, type Reference as Ref } from '../reference'

/**
 * Secteur d'un poste d'intervenant social : ses communes déclarées et celles
 * de ses EPCI (membres dans l'Ain). Les fonctions prennent la forme minimale
 * dont elles ont besoin, pour servir aussi bien un document Payload qu'une
 * entrée du contenu amorcé ou un test.
 */
type PosteTerritoire = { territoire?: readonly string[] | null }
type PosteAvecSites = PosteTerritoire & { secteur: string; sites?: readonly Ref[] | null }
type SiteLocalise = { id: number | string; nom: string; commune?: string | null; type: string }


/** Communes de l'Ain couvertes par le territoire d'un poste (codes INSEE actuels). */
export function communesDuSecteur(poste: PosteTerritoire): string[] {
  const codes = new Set<string>()
  for (const code of poste.territoire ?? []) {
    if (RE_SIREN_EPCI.test(code)) {
      for (const c of epciParSiren(code)?.membres ?? []) if (resoudreCommune(c)?.departement === DEPARTEMENT_AIN) codes.add(c)
    } else if (RE_CODE_COMMUNE.test(code)) {
      const commune = resoudreCommune(code)
      if (commune) codes.add(commune.code)
    }
  }
  return [...codes]
}

/**
 * Quel poste couvre une commune (code actuel ou ancien) ? D'abord celui de
 * l'unité de police ou de gendarmerie installée dans la commune, puis le
 * territoire déclaré des postes : la commune elle-même, sinon son EPCI.
 * Plusieurs postes peuvent répondre ; le motif dit pourquoi.
 */
export function postesDeLaCommune<P extends PosteAvecSites>(code: string, postes: readonly P[], sites: readonly SiteLocalise[]): { poste: P; motif: string }[] {
  const commune = resoudreCommune(code)
  if (!commune) return []
  const sitesIci = sites.filter((s) => s.commune === commune.code && ['commissariat', 'brigade'].includes(s.type))
  const parUnite = postes.filter((p) => (p.sites ?? []).some((s) => sitesIci.some((si) => si.id === idDe(s))))
  if (parUnite.length > 0) {
    const unites = sitesIci.map((s) => s.nom).join(', ')
    return parUnite.map((poste) => ({ poste, motif: `${unites} se trouve à ${commune.nom}` }))
  }
  const parCommune = postes.filter((p) => (p.territoire ?? []).includes(commune.code))
  if (parCommune.length > 0) return parCommune.map((poste) => ({ poste, motif: `${commune.nom} fait partie du secteur ${poste.secteur}` }))
  for (const epci of commune.epcis) {
    const parEpci = postes.filter((p) => (p.territoire ?? []).includes(epci.siren))
    if (parEpci.length > 0) return parEpci.map((poste) => ({ poste, motif: `${commune.nom} (${epci.nom}) fait partie du secteur ${poste.secteur}` }))
  }
  return []
}
