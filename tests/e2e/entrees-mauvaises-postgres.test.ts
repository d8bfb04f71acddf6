import { afterAll } from 'vitest'

/**
 * La même campagne d'entrées mauvaises (entrees-mauvaises.test.ts), le portail
 * sur PostgreSQL : les refus ne doivent pas dépendre de la base, et une base
 * qui type ses colonnes (énumérations, entiers) ne doit pas transformer une
 * entrée de travers en erreur 500.
 */
process.env.PASSERELLE_FUZZ_BASE = 'postgres'
await import('./entrees-mauvaises.test')
afterAll(() => {
  delete process.env.PASSERELLE_FUZZ_BASE
})
