import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/** Aucun mot de passe par défaut : le tout premier compte créé devient l'opérateur, les suivants non. */
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

describe(`premier accès (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('aucun compte n’existe après installation et amorçage', async () => {
    const { seeder } = await import('../../cms/seed')
    await seeder(base.payload, { annuaire: false })
    expect((await base.payload.count({ collection: 'utilisateurs' })).totalDocs).toBe(0)
  })

  it('le premier compte est opérateur même sans rôle demandé ; le second garde le rôle par défaut', async () => {
    const premier = await base.payload.create({ collection: 'utilisateurs', data: { email: 'premier@example.org', password: 'motdepasse-1234' } as never })
    expect(premier.role).toBe('operateur')
    const second = await base.payload.create({ collection: 'utilisateurs', data: { email: 'second@example.org', password: 'motdepasse-1234' } as never })
    expect(second.role).toBe('agent-fsi')
  })
})
