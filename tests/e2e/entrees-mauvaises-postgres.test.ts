import { afterAll, describe, it } from 'vitest'

import { testsLongs } from '../outils/testsLongs'

/**
 * La même campagne d'entrées mauvaises (entrees-mauvaises.test.ts), le portail
 * sur PostgreSQL : les refus ne doivent pas dépendre de la base, et une base
 * qui type ses colonnes (énumérations, entiers) ne doit pas transformer une
 * entrée de travers en erreur 500 (elle en a trouvé trois que SQLite cachait).
 *
 * Avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts) : un portail de
 * plus à construire et démarrer coûte deux minutes. Seul :
 *   PASSERELLE_TESTS_LONGS=oui npx vitest run --project e2e tests/e2e/entrees-mauvaises-postgres.test.ts
 */
if (testsLongs) {
  process.env.PASSERELLE_FUZZ_BASE = 'postgres'
  await import('./entrees-mauvaises.test')
  afterAll(() => {
    delete process.env.PASSERELLE_FUZZ_BASE
  })
} else
  describe.skip('entrées mauvaises en nombre (postgres) : avec PASSERELLE_TESTS_LONGS=oui', () => {
    it('campagne sur un portail PostgreSQL', () => {})
  })
