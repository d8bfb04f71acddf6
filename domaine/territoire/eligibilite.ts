import { CODES_FRANCE, RE_CODE_COMMUNE } from '../../content/territoire/codes'
import { codeCommuneActuel, departementParCode, epciParSiren, resoudreCommune, type CommuneResolue } from '../../content/territoire/geographie'
import { aCommune, deDepartement } from './noms'

/**
 * Éligibilité d'un service pour la commune de la personne (règle de
 * shared/fixtures/README.md) : `zone_eligibilite` contient
 * - le code de la commune,
 * - ou le code de son département,
 * - ou le SIREN d'un EPCI dont elle est membre,
 * - ou « france » / « 99100 ».
 *
 * Un code ancien (commune fusionnée), en entrée comme dans une zone, est
 * ramené à la commune actuelle. Le motif dit pourquoi le service est éligible,
 * au niveau le plus précis : la commune, puis l'EPCI, le département, la France.
 */

export type NiveauEligibilite = 'commune' | 'epci' | 'departement' | 'france'

export type Eligibilite = {
  niveau: NiveauEligibilite
  /** Code de la zone qui rend le service éligible (INSEE, SIREN, département, « france »). */
  code: string
  /** « intervient sur la CA du Pays de Gex », « intervient à Oyonnax »… */
  motif: string
}

/** Ce qu'il faut savoir d'une commune pour tester des zones, calculé une fois par requête. */
export type ContexteEligibilite = {
  commune: CommuneResolue
  /** Codes de zone qui couvrent la commune, avec leur niveau. */
  codes: Map<string, NiveauEligibilite>
}

/** Contexte d'éligibilité d'une commune (code INSEE actuel ou ancien) ; undefined si le code est inconnu. */
export function contexteEligibilite(codeCommune: string): ContexteEligibilite | undefined {
  const commune = resoudreCommune(codeCommune)
  if (!commune) return undefined
  const codes = new Map<string, NiveauEligibilite>()
  for (const c of CODES_FRANCE) codes.set(c, 'france')
  codes.set(commune.departement, 'departement')
  for (const e of commune.epcis) codes.set(e.siren, 'epci')
  codes.set(commune.code, 'commune')
  if (commune.codeSaisi) codes.set(commune.codeSaisi, 'commune')
  return { commune, codes }
}

const RANG: Record<NiveauEligibilite, number> = { commune: 0, epci: 1, departement: 2, france: 3 }

/** Niveau le plus précis auquel une zone couvre la commune du contexte ; undefined si elle ne la couvre pas. */
export function niveauCouverture(zone: readonly string[], contexte: ContexteEligibilite): { niveau: NiveauEligibilite; code: string } | undefined {
  let meilleur: { niveau: NiveauEligibilite; code: string } | undefined
  for (const code of zone) {
    let niveau = contexte.codes.get(code)
    // Ancien code de commune dans une zone saisie avant une fusion.
    if (!niveau && RE_CODE_COMMUNE.test(code) && codeCommuneActuel(code) === contexte.commune.code) niveau = 'commune'
    if (niveau && (!meilleur || RANG[niveau] < RANG[meilleur.niveau])) meilleur = { niveau, code }
  }
  return meilleur
}

/** Phrase qui explique l'éligibilité. */
export function motifEligibilite(niveau: NiveauEligibilite, code: string, contexte: ContexteEligibilite): string {
  switch (niveau) {
    case 'commune':
      return `intervient ${aCommune(contexte.commune)}`
    case 'epci': {
      const epci = contexte.commune.epcis.find((e) => e.siren === code) ?? epciParSiren(code)
      return epci ? `intervient sur la ${epci.nom}` : `intervient sur l'intercommunalité ${code}`
    }
    case 'departement': {
      const departement = departementParCode(code)
      return departement ? `intervient dans tout le département ${deDepartement(departement)}` : `intervient dans tout le département ${code}`
    }
    case 'france':
      return 'intervient sur toute la France'
  }
}

/** Éligibilité d'une zone pour une commune, avec son motif ; undefined si non éligible. */
export function eligibilite(zone: readonly string[], contexte: ContexteEligibilite): Eligibilite | undefined {
  const couverture = niveauCouverture(zone, contexte)
  if (!couverture) return undefined
  return { ...couverture, motif: motifEligibilite(couverture.niveau, couverture.code, contexte) }
}

/** Raccourci : un service de zone `zone` est-il éligible dans la commune `codeCommune` ? */
export function estEligible(zone: readonly string[], codeCommune: string): boolean {
  const contexte = contexteEligibilite(codeCommune)
  return contexte !== undefined && niveauCouverture(zone, contexte) !== undefined
}

/** Un service sans zone n'est éligible nulle part. */
const zoneVide = (zone: readonly string[] | null | undefined): zone is null | undefined => !zone || zone.length === 0

/**
 * Filtre réutilisable pour un secteur (plusieurs communes) : le service est-il
 * éligible dans au moins une d'elles ? Les contextes sont calculés une fois.
 * C'est la même règle que la recherche : la liste imprimée d'un secteur,
 * l'export filtré par commune et la recherche donnent la même réponse.
 */
export function filtreSecteur(communes: readonly string[]): (zone: readonly string[] | null | undefined) => boolean {
  const contextes = communes.map(contexteEligibilite).filter((c): c is ContexteEligibilite => c !== undefined)
  return (zone) => !zoneVide(zone) && contextes.some((c) => niveauCouverture(zone, c) !== undefined)
}

/** Codes de communes qui ne désignent aucune commune (ni actuelle ni ancienne), pour refuser un secteur mal saisi. */
export const communesInconnues = (communes: readonly string[]) => communes.filter((c) => !resoudreCommune(c))
