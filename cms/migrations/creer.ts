import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

/**
 * Pour SQLite, drizzle-kit ajoute la colonne de relation d'une nouvelle
 * collection par ALTER TABLE, sans la clause ON DELETE CASCADE des autres
 * colonnes de payload_locked_documents_rels. On applique la migration à une
 * base neuve, on demande à drizzle-kit ce qui diffère encore, et on l'ajoute à
 * la fin de la migration : la table est reconstruite comme dans une base neuve.
 */
function completerMigrationSqlite() {
  const dossierMigrations = path.join('cms', 'migrations', 'sqlite')
  const derniere = readdirSync(dossierMigrations).filter((f) => /^\d{8}_\d{6}_.*\.ts$/.test(f)).sort().at(-1)
  if (!derniere) return
  const base = mkdtempSync(path.join(os.tmpdir(), 'passerelle-ecarts-'))
  const sortie = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'cms/migrations/ecartsSqlite.ts'], {
    env: { ...process.env, DATABASE_URL: '', PASSERELLE_DONNEES: base },
    encoding: 'utf8',
  })
  rmSync(base, { recursive: true, force: true })
  const ligne = sortie.stdout.split('\n').find((l) => l.startsWith('ECARTS:'))
  if (!ligne) throw new Error(`Impossible de comparer le schéma SQLite : ${sortie.stderr.slice(-500)}`)
  const ecarts: string[] = JSON.parse(ligne.slice('ECARTS:'.length))
  if (ecarts.length === 0) return
  const fichier = path.join(dossierMigrations, derniere)
  const texte = readFileSync(fichier, 'utf8')
  const finUp = texte.lastIndexOf('}', texte.indexOf('export async function down'))
  const lignes = [
    '  // Ajouté par npm run migration:creer : reconstruit les tables que drizzle-kit a modifiées par',
    '  // ALTER TABLE sans leurs clauses ON DELETE, pour obtenir le même schéma qu’une base neuve.',
    '  await db.run(sql`PRAGMA foreign_keys=OFF;`)',
    ...ecarts.map((e) => `  await db.run(sql\`${e.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\`)`),
    '  await db.run(sql`PRAGMA foreign_keys=ON;`)',
  ]
  writeFileSync(fichier, `${texte.slice(0, finUp)}${lignes.join('\n')}\n${texte.slice(finUp)}`)
  console.log(`Migration SQLite complétée (${ecarts.length} instructions) : ${fichier}`)
}

const admin = new pg.Client({ connectionString: `${serveur}/postgres` })
await admin.connect()
try {
  await admin.query(`CREATE DATABASE ${base}`)
  const sqlite = payload({ DATABASE_URL: '' })
  if (sqlite === 0) completerMigrationSqlite()
  const postgres = payload({ DATABASE_URL: `${serveur}/${base}` })
  if (sqlite !== 0 || postgres !== 0) process.exitCode = 1
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`)
  await admin.end()
  rmSync(dossier, { recursive: true, force: true })
}
