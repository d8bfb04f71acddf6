import { describe, expect, it } from 'vitest'

import { codeCommuneActuel, contexteEligibilite, decrireZone, eligibilite, estEligible, resoudreCommune } from '../../domaine/territoire'

const motif = (zone: string[], commune: string) => eligibilite(zone, contexteEligibilite(commune)!)?.motif

describe('éligibilité d’un service pour la commune de la personne', () => {
  it('accepte la commune, un EPCI dont elle est membre, son département ou la France', () => {
    expect(estEligible(['01283'], '01283')).toBe(true)
    expect(estEligible(['200042935'], '01283')).toBe(true) // CA Haut-Bugey Agglomération
    expect(estEligible(['01'], '01283')).toBe(true)
    expect(estEligible(['france'], '01283')).toBe(true)
    expect(estEligible(['99100'], '01283')).toBe(true)
  })

  it('refuse une autre commune, un autre EPCI, un autre département', () => {
    expect(estEligible(['01034'], '01283')).toBe(false)
    expect(estEligible(['240100750'], '01283')).toBe(false) // CA du Pays de Gex
    expect(estEligible(['69'], '01283')).toBe(false)
    expect(estEligible([], '01283')).toBe(false)
  })

  it('dit pourquoi, au niveau le plus précis', () => {
    expect(motif(['01', '01283'], '01283')).toBe('intervient à Oyonnax')
    expect(motif(['france', '240100750'], '01173')).toBe('intervient sur la CA du Pays de Gex')
    expect(motif(['01'], '01173')).toBe("intervient dans tout le département de l'Ain")
    expect(motif(['01', '69'], '69123')).toBe('intervient dans tout le département du Rhône')
    expect(motif(['france'], '01173')).toBe('intervient sur toute la France')
    // Article du nom de commune : « au Poizat-Lalleyriat ».
    expect(motif(['01204'], '01204')).toBe('intervient au Poizat-Lalleyriat')
    expect(motif(['01034'], '01283')).toBeUndefined()
  })

  it('suit les EPCI à cheval sur deux départements', () => {
    expect(motif(['200070852'], '74269')).toBe('intervient sur la CC Usses et Rhône') // Seyssel (Haute-Savoie)
    expect(motif(['200070852'], '01407')).toBe('intervient sur la CC Usses et Rhône') // Seyssel (Ain)
  })

  it('ramène un ancien code de commune à la commune nouvelle, en entrée comme dans une zone', () => {
    expect(codeCommuneActuel('01091')).toBe('01033') // Châtillon-en-Michaille → Valserhône
    expect(resoudreCommune('01091')).toMatchObject({ code: '01033', nom: 'Valserhône', codeSaisi: '01091' })
    expect(motif(['01033'], '01091')).toBe('intervient à Valserhône')
    expect(motif(['01091'], '01033')).toBe('intervient à Valserhône')
    expect(motif(['240100891'], '01091')).toBe('intervient sur la CC Terre Valserhône (CCTV)')
  })

  it('refuse un code de commune inconnu', () => {
    expect(contexteEligibilite('00000')).toBeUndefined()
  })

  it('décrit une zone sans commune de référence', () => {
    expect(decrireZone(['01283', '200042935'])).toBe('Oyonnax, CA Haut-Bugey Agglomération')
    expect(decrireZone(['01', '69'])).toBe("département de l'Ain, département du Rhône")
    expect(decrireZone(['france', '99100'])).toBe('toute la France')
  })
})
