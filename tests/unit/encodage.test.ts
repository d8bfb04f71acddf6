import { describe, expect, it } from 'vitest'

import { choisirEncodage } from '../../serveur/encodage'

describe('choix de la version précompressée (Accept-Encoding)', () => {
  const tout = ['br', 'gzip'] as const

  it('préfère brotli à préférence égale, quel que soit l’ordre annoncé par le navigateur', () => {
    expect(choisirEncodage('gzip, deflate, br, zstd', tout)).toBe('br')
    expect(choisirEncodage('gzip, br', tout)).toBe('br')
  })

  it('suit les valeurs q, y compris q=0 (refus) et « * »', () => {
    expect(choisirEncodage('br;q=0.5, gzip', tout)).toBe('gzip')
    expect(choisirEncodage('br;q=0, gzip;q=0.1', tout)).toBe('gzip')
    expect(choisirEncodage('gzip;q=0, *', tout)).toBe('br')
    expect(choisirEncodage('*;q=0', tout)).toBeUndefined()
    expect(choisirEncodage('identity', tout)).toBeUndefined()
    expect(choisirEncodage('BR', tout)).toBe('br')
  })

  it('ne propose que les versions qui existent, et l’original sans en-tête', () => {
    expect(choisirEncodage('br, gzip', ['gzip'])).toBe('gzip')
    expect(choisirEncodage('br', ['gzip'])).toBeUndefined()
    expect(choisirEncodage(undefined, tout)).toBeUndefined()
    expect(choisirEncodage('', tout)).toBeUndefined()
  })
})
