import {
  aCommune,
  codeCommuneActuel,
  deDepartement,
  departementParCode,
  epciFranceParSiren,
  resoudreCommune,
  type CommuneResolue,
} from './communes.ts'

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

export const CODES_FRANCE = ['france', '99100'] as const

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
    if (!niveau && /^(?:\d{5}|2[AB]\d{3})$/.test(code) && codeCommuneActuel(code) === contexte.commune.code) niveau = 'commune'
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
      const epci = contexte.commune.epcis.find((e) => e.siren === code) ?? epciFranceParSiren(code)
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

/**
 * Description d'une zone sans commune de référence, pour la fiche d'un service :
 * « Oyonnax, CA Haut-Bugey Agglomération », « département de l'Ain », « toute la France ».
 */
export function decrireZone(zone: readonly string[]): string {
  const parties: string[] = []
  for (const code of zone) {
    if ((CODES_FRANCE as readonly string[]).includes(code)) parties.push('toute la France')
    else if (/^\d{9}$/.test(code)) parties.push(epciFranceParSiren(code)?.nom ?? `intercommunalité ${code}`)
    else if (/^(?:\d{2}|2[AB]|97\d)$/.test(code)) {
      const d = departementParCode(code)
      parties.push(d ? `département ${deDepartement(d)}` : `département ${code}`)
    } else parties.push(resoudreCommune(code)?.nom ?? code)
  }
  return [...new Set(parties)].join(', ')
}
