import { describe, expect, it } from 'vitest'

import { idDe, idNumerique } from '../../domaine/reference'

describe('référence à un enregistrement', () => {
  it('idDe : identifiant seul ou document peuplé', () => {
    expect(idDe(3)).toBe(3)
    expect(idDe('a1')).toBe('a1')
    expect(idDe({ id: 7 })).toBe(7)
    expect(idDe(null)).toBeNull()
    expect(idDe(undefined)).toBeNull()
  })

  it('idNumerique : un entier, ou null pour tout le reste', () => {
    expect(idNumerique(12)).toBe(12)
    expect(idNumerique('12')).toBe(12)
    expect(idNumerique({ id: '4' })).toBe(4)
    for (const x of ['', '1.5', '-2', 'abc', '1e3', 1.5, NaN, null, undefined, {}, [], { id: 'x' }]) expect(idNumerique(x), String(x)).toBeNull()
  })
})

describe('identifiant au-delà de ce que la base accepte', () => {
  it('null au-delà de l’entier de PostgreSQL (2 147 483 647)', () => {
    expect(idNumerique('2147483647')).toBe(2_147_483_647)
    expect(idNumerique('2147483648')).toBeNull()
    expect(idNumerique('999999999999999999999999999999')).toBeNull()
    expect(idNumerique(2 ** 53)).toBeNull()
  })
})
