import { getPayload, type Payload } from 'payload'

import { configuration } from '../socle/configuration'
import { migrations as migrationsPostgres } from './migrations/postgres'
import { migrations as migrationsSqlite } from './migrations/sqlite'
import config from './payload.config'

/**
 * Accès à Payload pour le serveur, les scripts et les tests. Les migrations
 * commitées sont appliquées ici, par code : la commande `payload migrate` pose
 * des questions interactives qui bloquent sans terminal (notes de pile).
 */
export async function obtenirPayload(): Promise<Payload> {
  return getPayload({ config })
}

export async function migrer(payload: Payload): Promise<void> {
  const type = configuration().base.type
  if (type === 'mongodb') return // schéma souple : pas de migration SQL
  const migrations = type === 'postgres' ? migrationsPostgres : migrationsSqlite
  await payload.db.migrate({ migrations: migrations as never })
}

/** Payload prêt à l'emploi : connecté et base à jour. */
export async function preparerPayload(): Promise<Payload> {
  const payload = await obtenirPayload()
  await migrer(payload)
  return payload
}
