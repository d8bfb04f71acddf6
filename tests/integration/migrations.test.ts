import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Le schéma n'évolue que par les migrations commitées (jamais de « push ») :
 * après migration, la base doit correspondre exactement aux collections. Un
 * champ ajouté sans `npm run migration:creer` fait échouer ce test.
 */
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

type AdaptateurDrizzle = {
  requireDrizzleKit: () => { pushSchema: (...a: unknown[]) => Promise<{ statementsToExecute?: string[]; warnings: string[] }> }
  schema: unknown
  drizzle: unknown
  schemaName?: string
}

describe(`migrations (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('les migrations commitées produisent exactement le schéma des collections', async () => {
    const adaptateur = base.payload.db as unknown as AdaptateurDrizzle
    const { pushSchema } = adaptateur.requireDrizzleKit()
    const { statementsToExecute = [] } = await pushSchema(adaptateur.schema, adaptateur.drizzle, adaptateur.schemaName ? [adaptateur.schemaName] : undefined)
    // drizzle-kit relit les valeurs par défaut des colonnes numeric de PostgreSQL
    // sous forme de texte ('100' ≠ 100) et propose de les reposer : faux écart.
    const ecarts = statementsToExecute.filter((s) => !/^ALTER TABLE "\w+" ALTER COLUMN "\w+" SET DEFAULT \d+;$/.test(s))
    expect(ecarts.map((s) => s.slice(0, 160)), 'Schéma différent des migrations : lancez « npm run migration:creer -- nom »').toEqual([])
  })

  it('rejouer les migrations au démarrage ne fait rien', async () => {
    const { migrer } = await import('../../cms/base')
    const avant = (await base.payload.find({ collection: 'payload-migrations', pagination: false })).totalDocs
    await migrer(base.payload)
    expect((await base.payload.find({ collection: 'payload-migrations', pagination: false })).totalDocs).toBe(avant)
  })
})
