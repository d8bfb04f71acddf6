import { describe, expect, it } from 'vitest'

import {
  codeCommuneActuel,
  codeDeZoneReel,
  communeDeLAin,
  communesDeLAin,
  communesDuSecteur,
  decrireZone,
  epciParSiren,
  filtreSecteur,
  libelleZone,
  natureDuCode,
  problemeCodeDeZone,
  resoudreCommune,
} from '../../domaine/territoire'

/** Le territoire vient de @etalab/decoupage-administratif, jamais saisi à la main. */
describe('communes de l’Ain', () => {
  it('liste les communes actuelles de l’Ain, triées par nom', () => {
    const communes = communesDeLAin()
    expect(communes.length).toBeGreaterThan(380)
    expect(communes.every((c) => c.code.startsWith('01') && c.departement === '01')).toBe(true)
    const noms = communes.map((c) => c.nom)
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, 'fr')))
  })

  it('rattache les anciennes communes à leur commune nouvelle (Bellegarde-sur-Valserine → Valserhône)', () => {
    const valserhone = communeDeLAin('01033')
    expect(valserhone?.nom).toBe('Valserhône')
    expect(valserhone?.anciensNoms).toContain('Bellegarde-sur-Valserine')
    expect(valserhone?.anciensNoms).toContain('Châtillon-en-Michaille')
    expect(communesDeLAin().some((c) => c.nom === 'Bellegarde-sur-Valserine')).toBe(false)
    // Châtillon-en-Michaille avait son propre code : il mène à Valserhône.
    expect(codeCommuneActuel('01091')).toBe('01033')
    expect(resoudreCommune('01091')).toMatchObject({ code: '01033', nom: 'Valserhône', codeSaisi: '01091' })
    expect(communeDeLAin('01091')).toBeUndefined()
  })

  it('connaît l’EPCI de chaque commune, et les EPCI par SIREN avec leurs membres', () => {
    expect(communeDeLAin('01053')?.epcis.map((e) => e.nom)).toEqual(['CA du Bassin de Bourg-en-Bresse'])
    expect(epciParSiren('240100750')?.nom).toBe('CA du Pays de Gex')
    expect(epciParSiren('240100750')?.membres).toContain('01173')
    expect(communesDeLAin().filter((c) => c.epcis.length === 0)).toEqual([])
  })

  it('connaît aussi les communes hors de l’Ain (une personne peut habiter à Lyon)', () => {
    expect(resoudreCommune('69123')?.nom).toBe('Lyon')
    expect(resoudreCommune('69381')?.nom).toBe('Lyon') // arrondissement municipal
    expect(communeDeLAin('69123')).toBeUndefined()
  })
})

describe('codes du territoire', () => {
  it('reconnaît la nature d’un code à sa forme', () => {
    expect(natureDuCode('01053')).toBe('commune')
    expect(natureDuCode('2A004')).toBe('commune')
    expect(natureDuCode('200071751')).toBe('epci')
    expect(natureDuCode('01')).toBe('departement')
    expect(natureDuCode('974')).toBe('departement')
    expect(natureDuCode('france')).toBe('france')
    expect(natureDuCode('99100')).toBe('france')
    expect(natureDuCode('1053')).toBeUndefined()
    expect(natureDuCode('ain')).toBeUndefined()
  })

  it('refuse un code bien formé qui ne désigne rien, et accepte un code réel hors de l’Ain', () => {
    expect(codeDeZoneReel('01999')).toBe(false)
    expect(codeDeZoneReel('123456789')).toBe(false)
    expect(codeDeZoneReel('96')).toBe(false)
    expect(codeDeZoneReel('69123')).toBe(true) // Lyon
    expect(codeDeZoneReel('69')).toBe(true)
    expect(codeDeZoneReel('01091')).toBe(true) // ancienne commune : menée à Valserhône
    expect(problemeCodeDeZone('01999')).toBe('« 01999 » a la forme d’un code mais ne désigne aucune commune de la géographie officielle')
    expect(problemeCodeDeZone('01', ['commune', 'epci'])).toMatch(/n’est pas un code de zone valable/)
    expect(problemeCodeDeZone('200042935')).toBeUndefined()
  })
})

describe('noms et secteurs', () => {
  it('dit une zone en français', () => {
    expect(libelleZone('01')).toBe('département de l\'Ain')
    expect(libelleZone('69')).toBe('département du Rhône')
    expect(libelleZone('france')).toBe('toute la France')
    expect(libelleZone('200042935')).toBe('CA Haut-Bugey Agglomération')
    expect(decrireZone(['01283', '200042935', '01283'])).toBe('Oyonnax, CA Haut-Bugey Agglomération')
  })

  it('déroule un secteur déclaré en EPCI et en communes (anciens codes compris) en communes de l’Ain', () => {
    const communes = communesDuSecteur({ territoire: ['200042935', '01091'] })
    expect(communes).toContain('01283')
    expect(communes).toContain('01033')
    expect(communes.every((c) => communeDeLAin(c))).toBe(true)
  })

  it('un secteur à plusieurs communes retient un service éligible dans l’une d’elles seulement', () => {
    const filtre = filtreSecteur(['01283', '01053'])
    expect(filtre(['01053'])).toBe(true)
    expect(filtre(['01091'])).toBe(false)
    expect(filtreSecteur(['01091'])(['01033'])).toBe(true)
    expect(filtre(['france'])).toBe(true)
    expect(filtre(['99100'])).toBe(true)
    expect(filtre(['69'])).toBe(false)
    expect(filtre([])).toBe(false)
    expect(filtre(null)).toBe(false)
  })
})
