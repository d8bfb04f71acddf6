import { describe, expect, it } from 'vitest'

import { descriptionCleRecherche } from '../../search/adapters/cleRecherche'

/** Meilisearch est interrogé avec une clé qui ne sait que chercher, dans le seul index de l'annuaire. */
describe('clé de recherche Meilisearch', () => {
  const maitresse = 'f'.repeat(64)

  it('ne permet que la recherche, sur le seul index des services, sans expiration', () => {
    const cle = descriptionCleRecherche(maitresse, 'passerelle-services')
    expect(cle.actions).toEqual(['search'])
    expect(cle.indexes).toEqual(['passerelle-services'])
    expect(cle.expiresAt).toBeNull()
  })

  it('a un uid UUID v4 stable d’un démarrage à l’autre, propre à la clé maîtresse et à l’index', () => {
    const { uid } = descriptionCleRecherche(maitresse, 'passerelle-services')
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(descriptionCleRecherche(maitresse, 'passerelle-services').uid).toBe(uid)
    expect(descriptionCleRecherche('e'.repeat(64), 'passerelle-services').uid).not.toBe(uid)
    expect(descriptionCleRecherche(maitresse, 'autre-index').uid).not.toBe(uid)
    expect(uid).not.toContain(maitresse.slice(0, 8))
  })
})
