import { defineConfig } from 'vitest/config'


/**
 * Trois familles de tests, une seule commande (`npm test`) :
 * - unit : logique pure ;
 * - integration-sqlite / integration-postgres : API locale de Payload sur une
 *   vraie base (fichier SQLite temporaire, base PostgreSQL jetable) ;
 * - e2e : le portail démarré comme en production, piloté dans Chromium.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
          // Construire un index de recherche de 10 000 services prend plus de 10 s sur une machine chargée.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-sqlite',
          include: ['tests/integration/**/*.test.ts'],
          env: { PASSERELLE_TEST_BASE: 'sqlite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['tests/integration/**/*.test.ts'],
          env: { PASSERELLE_TEST_BASE: 'postgres' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/portail.setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
