import { describe, expect, it } from 'vitest'

import { memoireCourte } from '../../socle/memoireCourte'

describe('memoireCourte', () => {
  it('relit après expiration, pas avant', async () => {
    let t = 0
    let lectures = 0
    const m = memoireCourte<number>(1000, () => t)
    const charger = async () => ++lectures
    expect(await m.lire('a', charger)).toBe(1)
    t = 999
    expect(await m.lire('a', charger)).toBe(1)
    t = 1000
    expect(await m.lire('a', charger)).toBe(2)
    expect(await m.lire('b', charger)).toBe(3)
  })

  it('des lectures simultanées ne chargent qu’une fois', async () => {
    let lectures = 0
    const m = memoireCourte<number>(1000)
    const valeurs = await Promise.all(Array.from({ length: 20 }, () => m.lire('a', async () => ++lectures)))
    expect(new Set(valeurs)).toEqual(new Set([1]))
    expect(lectures).toBe(1)
  })

  it('vider oublie tout ; un échec n’est pas gardé', async () => {
    let lectures = 0
    const m = memoireCourte<number>(60_000)
    await m.lire('a', async () => ++lectures)
    m.vider()
    expect(await m.lire('a', async () => ++lectures)).toBe(2)
    await expect(m.lire('c', async () => Promise.reject(new Error('base indisponible')))).rejects.toThrow('base indisponible')
    expect(await m.lire('c', async () => 42)).toBe(42)
  })
})
