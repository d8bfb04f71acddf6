import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

/**
 * `npm run migration:creer -- nom` : crée la migration d'un changement de
 * schéma pour les deux bases SQL (SQLite et PostgreSQL), à commiter avec le
 * changement. Le schéma n'est jamais « poussé » : seules ces migrations le font évoluer.
 */
const nom = process.argv[2]
if (!nom || !/^[a-z0-9_]+$/.test(nom)) {
  console.error('Usage : npm run migration:creer -- nom_de_la_migration (lettres minuscules, chiffres, _)')
  process.exit(1)
}
const serveur = process.env.PASSERELLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432'
const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-migration-'))
const base = `passerelle_migration_${process.pid}`

const payload = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join('node_modules', 'payload', 'bin.js'), 'migrate:create', nom, '--skip-empty'], {
    env: { ...process.env, PASSERELLE_DONNEES: dossier, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  }).status

const admin = new pg.Client({ connectionString: `${serveur}/postgres` })
await admin.connect()
try {
  await admin.query(`CREATE DATABASE ${base}`)
  const sqlite = payload({ DATABASE_URL: '' })
  const postgres = payload({ DATABASE_URL: `${serveur}/${base}` })
  if (sqlite !== 0 || postgres !== 0) process.exitCode = 1
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`)
  await admin.end()
  rmSync(dossier, { recursive: true, force: true })
}
