import { describe, expect, it } from 'vitest'

import { communeParCode, communesDeLAin, epciParSiren, optionsCommunesAin } from '../../content/communes'

/** Les communes viennent de @etalab/decoupage-administratif, jamais saisies à la main. */
describe('communes de l’Ain', () => {
  it('liste les communes actuelles de l’Ain, triées par nom', () => {
    const communes = communesDeLAin()
    expect(communes.length).toBeGreaterThan(380)
    expect(communes.every((c) => c.code.startsWith('01'))).toBe(true)
    const noms = communes.map((c) => c.nom)
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, 'fr')))
  })

  it('rattache les anciennes communes à leur commune nouvelle (Bellegarde-sur-Valserine → Valserhône)', () => {
    const valserhone = communeParCode('01033')
    expect(valserhone?.nom).toBe('Valserhône')
    expect(valserhone?.anciensNoms).toContain('Bellegarde-sur-Valserine')
    expect(communesDeLAin().some((c) => c.nom === 'Bellegarde-sur-Valserine')).toBe(false)
  })

  it('connaît l’EPCI de chaque commune', () => {
    expect(communeParCode('01053')?.epci?.nom).toBe('CA du Bassin de Bourg-en-Bresse')
    expect(epciParSiren('240100750')?.nom).toBe('CA du Pays de Gex')
    expect(epciParSiren('240100750')?.membres).toContain('01173')
  })

  it('fournit les options de sélection « Nom (code) » aux formulaires de l’admin', () => {
    expect(optionsCommunesAin()).toContainEqual({ value: '01283', label: 'Oyonnax (01283)' })
  })
})
