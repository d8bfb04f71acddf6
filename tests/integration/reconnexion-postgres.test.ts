import pg from 'pg'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * PostgreSQL redémarré (mise à jour mineure, bascule, `pg_ctl restart`) : le
 * serveur coupe toutes les connexions du portail. Celles qui dorment dans le
 * pool reçoivent alors une erreur que pg-pool ré-émet sur le pool ; sans
 * écouteur, Node en fait une exception non rattrapée et le portail tombe,
 * même la nuit, sans aucune requête en cours (banc `npm run bench:charge`).
 * La coupure est faite ici comme le ferait le redémarrage, par
 * pg_terminate_backend sur les seules connexions de la base jetable du test
 * (le serveur partagé n'est jamais redémarré).
 */
const postgres = process.env.PASSERELLE_TEST_BASE === 'postgres'

describe.runIf(postgres)('connexions PostgreSQL coupées par le serveur', () => {
  let base: BaseDeTest
  const nonRattrapees: unknown[] = []
  const surErreur = (e: unknown) => nonRattrapees.push(e)
  beforeAll(async () => {
    base = await demarrerBaseDeTest()
    process.on('uncaughtException', surErreur)
  })
  afterAll(async () => {
    process.off('uncaughtException', surErreur)
    await base?.fermer()
  })

  it('les connexions inactives coupées ne font pas tomber le processus, et la requête suivante passe', async () => {
    // Plusieurs requêtes simultanées : le pool ouvre plusieurs connexions, qui redeviennent inactives.
    await Promise.all(Array.from({ length: 6 }, () => base.payload.count({ collection: 'sites', overrideAccess: true })))
    const pool = (base.payload.db as unknown as { pool: pg.Pool }).pool
    expect(pool.idleCount).toBeGreaterThan(0)

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    try {
      const coupees = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
      expect(coupees.rowCount).toBeGreaterThan(1)
    } finally {
      await admin.end()
    }
    // Le temps que chaque connexion reçoive la fin de session du serveur.
    await new Promise((ok) => setTimeout(ok, 1000))
    expect(nonRattrapees.map((e) => (e as Error).message)).toEqual([])

    const { totalDocs } = await base.payload.count({ collection: 'sites', overrideAccess: true })
    expect(totalDocs).toBeGreaterThanOrEqual(0)
  })

  it('une transaction en cours coupée : elle échoue, sans exception non rattrapée, et la suivante passe', async () => {
    // Une transaction Payload garde sa connexion hors du pool : c'est le client pg qui reçoit la coupure.
    const req = await createLocalReq({}, base.payload)
    expect(await initTransaction(req)).toBe(true)
    await base.payload.count({ collection: 'sites', overrideAccess: true, req })

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
    } finally {
      await admin.end()
    }
    await new Promise((ok) => setTimeout(ok, 1000))
    expect(nonRattrapees.map((e) => (e as Error).message)).toEqual([])
    await killTransaction(req).catch(() => undefined)

    const { totalDocs } = await base.payload.count({ collection: 'sites', overrideAccess: true })
    expect(totalDocs).toBeGreaterThanOrEqual(0)
  })
})
