import { describe, expect, it } from 'vitest'

import { estFerie, jourFerie, joursFeries } from '../../domaine/permanences/jours-feries'

describe('jours fériés (France métropolitaine, type « public »)', () => {
  it('les onze jours fériés de 2026', () => {
    expect(joursFeries(2026).map((j) => j.date)).toEqual([
      '2026-01-01', // jour de l'an
      '2026-04-06', // lundi de Pâques
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // lundi de Pentecôte
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ])
  })

  it('Pâques mobile : lundi de Pâques 2027 le 29 mars, Ascension le 6 mai', () => {
    expect(jourFerie('2027-03-29')?.nom).toBe('Lundi de Pâques')
    expect(estFerie('2027-05-06')).toBe(true)
  })

  it('pas les jours propres à l’Alsace-Moselle (Vendredi saint, 26 décembre), pas les dimanches d’observance', () => {
    expect(estFerie('2026-04-03')).toBe(false) // Vendredi saint
    expect(estFerie('2026-12-26')).toBe(false) // Saint-Étienne
    expect(estFerie('2026-04-05')).toBe(false) // dimanche de Pâques
    expect(estFerie('2026-05-24')).toBe(false) // dimanche de Pentecôte
    expect(estFerie('2026-05-31')).toBe(false) // fête des Mères
  })

  it('un instant est lu à l’heure de Paris', () => {
    expect(estFerie(new Date('2025-11-10T23:00:00Z'))).toBe(true) // 11 novembre, 0 h à Paris
    expect(estFerie(new Date('2025-11-10T22:59:59Z'))).toBe(false) // encore le 10 à Paris
    expect(estFerie(new Date('2026-07-14T21:59:59Z'))).toBe(true) // 23 h 59 à Paris (heure d'été)
    expect(estFerie(new Date('2026-07-14T22:00:00Z'))).toBe(false)
  })

  it('refuse une date illisible', () => {
    expect(() => estFerie('14/07/2026')).toThrow(/AAAA-MM-JJ/)
    expect(() => estFerie(new Date('x'))).toThrow(/date invalide/)
  })
})
