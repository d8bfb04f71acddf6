import { beginTransaction as debuterTransactionDrizzle } from '@payloadcms/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Une transaction de base de données pour tout l'import.
 *
 * PostgreSQL : `initTransaction` suffit. SQLite : l'adaptateur
 * `@payloadcms/db-sqlite` désactive les transactions quand `transactionOptions`
 * n'est pas renseigné (c'est le cas dans payload.config.ts) : `initTransaction`
 * ne fait alors rien et chaque écriture serait validée aussitôt. On ouvre donc
 * la transaction nous-mêmes avec la fonction de `@payloadcms/drizzle` que
 * l'adaptateur utiliserait (mêmes sessions, mêmes commit et rollback).
 *
 * Conséquence côté libsql : la connexion courante est confiée à la transaction
 * et une nouvelle est ouverte pour les autres requêtes ; on lui réapplique le
 * délai d'attente (busy_timeout) que l'adaptateur avait posé sur la première.
 */

type AdaptateurSqlite = {
  name: string
  busyTimeout?: number
  client?: { execute: (sql: string) => Promise<unknown> }
  drizzle?: unknown
}

export async function ouvrirTransaction(req: PayloadRequest): Promise<void> {
  // `req` est neuf : s'il n'obtient pas de transaction, c'est que l'adaptateur n'en ouvre pas
  // (il laisse alors dans req.transactionID une promesse de null, à retirer).
  if (!(await initTransaction(req))) {
    delete req.transactionID
    const db = req.payload.db as unknown as AdaptateurSqlite
    if (db.name === 'sqlite' && db.drizzle) {
      const id = await debuterTransactionDrizzle.call(req.payload.db as never, undefined)
      if (id !== null) req.transactionID = id
      if (db.busyTimeout && db.busyTimeout > 0) await db.client?.execute(`PRAGMA busy_timeout = ${db.busyTimeout};`)
    }
  }
  if (!req.transactionID || req.transactionID instanceof Promise)
    throw new Error(
      `la base « ${req.payload.db.name} » n'offre pas de transaction : import refusé, aucune donnée modifiée.`,
    )
}

/**
 * Vérifie que la transaction est toujours ouverte. Payload annule (et oublie)
 * la transaction de `req` dès qu'une opération échoue : écrire ensuite avec ce
 * `req` reviendrait à écrire hors transaction. On s'arrête plutôt.
 */
export function transactionOuverte(req: PayloadRequest): boolean {
  return Boolean(req.transactionID) && !(req.transactionID instanceof Promise)
}

export const validerTransaction = (req: PayloadRequest) => commitTransaction(req)
export const annulerTransaction = (req: PayloadRequest) => killTransaction(req)
