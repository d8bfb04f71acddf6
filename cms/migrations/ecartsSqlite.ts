import { preparerPayload } from '../base'

/**
 * Écarts entre le schéma des collections et une base SQLite migrée, tels que
 * drizzle-kit les calcule (instructions à exécuter), sans doublon. Utilisé par
 * `npm run migration:creer` : voir creer.ts.
 */
const payload = await preparerPayload()
const adaptateur = payload.db as unknown as {
  requireDrizzleKit: () => { pushSchema: (schema: unknown, db: unknown) => Promise<{ statementsToExecute: string[] }> }
  schema: unknown
  drizzle: unknown
}
const { statementsToExecute } = await adaptateur.requireDrizzleKit().pushSchema(adaptateur.schema, adaptateur.drizzle)
// drizzle-kit répète les CREATE INDEX d'une table reconstruite : la seconde fois, SQLite refuse.
process.stdout.write(`ECARTS:${JSON.stringify([...new Set(statementsToExecute)])}\n`)
process.exit(0)
