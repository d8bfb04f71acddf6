import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Le dépôt garde en mémoire courte les référentiels et le poste de chaque
 * unité (cms/saisines/memoires.ts) : une écriture dans l'admin doit se voir au
 * dépôt suivant, sans attendre l'expiration. Et la base SQLite écrit comme la
 * configuration le dit.
 */
let base: BaseDeTest
let d: DecorSaisines
let depot: typeof import('../../cms/saisines/depot')
const options = { urlPortail: 'http://127.0.0.1' }

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  d = await poserDecor(base, 'memoires')
  depot = await import('../../cms/saisines/depot')
})
afterAll(async () => {
  await base?.fermer()
  delete process.env.SAISINES_EN_LIGNE
})

describe(`mémoire courte du dépôt (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('une problématique retirée du référentiel est refusée dès le dépôt suivant', async () => {
    const code = 'problematique-ephemere'
    const entree = await base.payload.create({
      collection: 'referentiels',
      data: { referentiel: 'problematique', code, libelle: 'Problématique éphémère', actif: true },
      overrideAccess: true,
      context: { sansPublication: true },
    })
    const avant = await depot.deposerSaisine(base.payload, d.agentA, { ...champsSaisine(), problematique: code }, options)
    expect(avant.ok).toBe(true)
    await base.payload.update({ collection: 'referentiels', id: entree.id, data: { actif: false }, overrideAccess: true, context: { sansPublication: true } })
    const apres = await depot.deposerSaisine(base.payload, d.agentA, { ...champsSaisine(), problematique: code }, options)
    expect(apres.ok).toBe(false)
    if (!apres.ok) expect(apres.erreurs.problematique).toMatch(/Problématique/)
  })

  it('une unité confiée à un autre poste : la saisine suivante va à ce poste', async () => {
    const premiere = await depot.deposerSaisine(base.payload, d.agentA, champsSaisine(), options)
    expect(premiere.ok && premiere.poste).toBe(d.posteA)
    await base.payload.update({ collection: 'postes', id: d.posteA, data: { sites: [] }, overrideAccess: true, context: { sansPublication: true } })
    await base.payload.update({ collection: 'postes', id: d.posteB, data: { sites: [d.siteB, d.siteA] }, overrideAccess: true, context: { sansPublication: true } })
    const seconde = await depot.deposerSaisine(base.payload, d.agentA, champsSaisine(), options)
    expect(seconde.ok && seconde.poste).toBe(d.posteB)
  })

  it('brouillon : des envois simultanés du même auteur ne font ni erreur ni second brouillon', async () => {
    const { garderBrouillon, lireBrouillon } = await import('../../cms/saisines/brouillons')
    await Promise.all(Array.from({ length: 6 }, (_, i) => garderBrouillon(base.payload, d.intervB.id, { 'personnes.0.nom': `Essai ${i}` })))
    const { totalDocs } = await base.payload.count({ collection: 'brouillons-saisines', where: { auteur: { equals: d.intervB.id } }, overrideAccess: true })
    expect(totalDocs).toBe(1)
    expect((await lireBrouillon(base.payload, d.intervB.id))?.champs['personnes.0.nom']).toMatch(/^Essai \d$/)
  })

  it.runIf(process.env.PASSERELLE_TEST_BASE !== 'postgres')('SQLite en WAL, synchronous NORMAL par défaut', async () => {
    const client = (base.payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
    expect((await client.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal')
    // 1 = NORMAL, 2 = FULL (documentation de SQLite, « PRAGMA synchronous »).
    expect(Number(Object.values((await client.execute('PRAGMA synchronous')).rows[0] ?? {})[0])).toBe(1)
  })
})
