import { describe, expect, it } from 'vitest'

import { codeCommuneSaisie } from '../../site/lib/saisines'

/** La commune de résidence tapée dans le formulaire de saisine (autocomplétion sans JavaScript) → code INSEE de l'Ain. */
describe('commune tapée dans le formulaire de saisine', () => {
  it('le nom de la liste, sans souci des accents, de la casse ni des tirets', () => {
    expect(codeCommuneSaisie('Bourg-en-Bresse')).toBe('01053')
    expect(codeCommuneSaisie('  bourg en bresse ')).toBe('01053')
    expect(codeCommuneSaisie('Valserhone')).toBe('01033')
  })

  it('un ancien nom, seul ou tel que la liste l’affiche, mène à la commune actuelle', () => {
    expect(codeCommuneSaisie('Bellegarde-sur-Valserine')).toBe('01033')
    expect(codeCommuneSaisie('Lancrans (aujourd’hui Valserhône)')).toBe('01033')
  })

  it('un code INSEE tapé tel quel, ou entre parenthèses après le nom', () => {
    expect(codeCommuneSaisie('01053')).toBe('01053')
    expect(codeCommuneSaisie('Bourg-en-Bresse (01053)')).toBe('01053')
  })

  it('rien pour une commune hors de l’Ain ou inconnue', () => {
    expect(codeCommuneSaisie('Paris')).toBeUndefined()
    expect(codeCommuneSaisie('75056')).toBeUndefined()
    expect(codeCommuneSaisie('Bourg')).toBeUndefined()
    expect(codeCommuneSaisie('')).toBeUndefined()
  })
})
