import { getPayload, type Payload } from 'payload'

import { configuration } from '../socle/configuration'
import { journalServeur } from '../socle/journal'
import { typeErreur } from '../socle/journauxCaviardes'
import { migrations as migrationsPostgres } from './migrations/postgres'
import { migrations as migrationsSqlite } from './migrations/sqlite'
import config from './payload.config'

/**
 * Accès à Payload pour le serveur, les scripts et les tests. Les migrations
 * commitées sont appliquées ici, par code : la commande `payload migrate` pose
 * des questions interactives qui bloquent sans terminal (notes de pile).
 */
export async function obtenirPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  surveillerPool(payload)
  return payload
}

type Emetteur = { on: (evenement: 'error', f: (e: unknown) => void) => void; listenerCount: (evenement: 'error') => number }
type PoolPostgres = Emetteur & { on: ((evenement: 'error', f: (e: unknown) => void) => void) & ((evenement: 'connect', f: (client: Emetteur) => void) => void) }

const connexionCoupee = (quelle: string) => (e: unknown) =>
  journalServeur.warn({ erreur: typeErreur(e), code: (e as { code?: string }).code }, `Connexion ${quelle} à PostgreSQL coupée par le serveur ; une nouvelle sera ouverte`)

/**
 * PostgreSQL redémarré (mise à jour, bascule) coupe toutes les connexions du
 * pool. Une connexion inactive : pg-pool la retire puis ré-émet l'erreur sur
 * le pool ; une connexion en cours d'usage (transaction) : le client pg émet
 * l'erreur lui-même. Un EventEmitter sans écouteur d'« error » en fait une
 * exception non rattrapée, qui arrête un script (import, sauvegarde) et que
 * seul le gestionnaire de Next rattrapait dans le serveur. Écoutées ici, les
 * coupures sont journalisées ; la requête en cours échoue, la suivante ouvre
 * une connexion neuve (tests/integration/reconnexion-postgres.test.ts).
 */
function surveillerPool(payload: Payload) {
  const pool = (payload.db as unknown as { pool?: PoolPostgres }).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', connexionCoupee('inactive'))
  pool.on('connect', (client) => client.on('error', connexionCoupee('en cours d’usage')))
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
