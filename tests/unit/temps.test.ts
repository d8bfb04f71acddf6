import { describe, expect, it } from 'vitest'

import { dateDocument, dateEnMots, heureEnMots, heureLocale, instantEnMots, instantLocal, jourLocal, plageEnMots } from '../../domaine/temps'

/** L'heure de Paris ne dépend pas du fuseau de la machine, ni des changements d'heure. */
describe('heure de Paris et ses mots', () => {
  it('lit l’heure murale de Paris de part et d’autre des changements d’heure', () => {
    // Samedi 28 mars 2026, 13 h Z = 14 h à Paris (hiver) ; lundi 30 mars, 12 h Z = 14 h (été).
    expect(heureLocale(new Date('2026-03-28T13:00:00Z'))).toBe('14:00')
    expect(heureLocale(new Date('2026-03-30T12:00:00Z'))).toBe('14:00')
    expect(instantLocal('2026-10-26', '14:00').toISOString()).toBe('2026-10-26T13:00:00.000Z')
    expect(instantLocal('2026-10-23', '14:00').toISOString()).toBe('2026-10-23T12:00:00.000Z')
    // 23 h 30 Z le 31 décembre : déjà le 1er janvier à Paris.
    expect(jourLocal(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
  })

  it('dit dates et heures comme on les écrit', () => {
    expect(dateEnMots('2026-12-01')).toBe('mardi 1er décembre')
    expect(dateEnMots(new Date('2026-12-01T10:00:00Z'), { avecAnnee: true })).toBe('mardi 1er décembre 2026')
    expect(dateDocument(new Date('2027-03-12T09:05:00Z'))).toBe('12 mars 2027')
    expect(heureEnMots('09:00')).toBe('9 h')
    expect(heureEnMots('14:05')).toBe('14 h 05')
    expect(heureEnMots(new Date('2026-07-01T12:30:00Z'))).toBe('14 h 30')
    expect(plageEnMots('14:00', '17:00')).toBe('14 h – 17 h')
    expect(instantEnMots(new Date('2026-12-01T13:00:00Z'))).toBe('mardi 1er décembre, 14 h')
  })

  it('refuse une date civile mal formée en le disant', () => {
    expect(() => dateEnMots('01/12/2026')).toThrow('Date invalide : « 01/12/2026 »')
  })
})
