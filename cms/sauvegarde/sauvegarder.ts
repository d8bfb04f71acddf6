import { execFile } from 'node:child_process'
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import pg from 'pg'
import tar from 'tar-stream'

import { cheminSqlite, configuration } from '../../socle/configuration'
import { chiffrerFlux } from '../../socle/sauvegarde/fluxChiffre'
import { kidsPresents } from '../saisines/rotation'
import { empreinteCle, FORMAT_MANIFESTE, sha256Fichier, type Manifeste } from './manifeste'

const executer = promisify(execFile)

/**
 * `npm run sauvegarde` : une copie cohérente de la base prise pendant que le
 * portail tourne (API de sauvegarde de SQLite, `pg_dump` au format custom de
 * PostgreSQL), les médias téléversés et un manifeste, dans une archive tar
 * chiffrée en flux avec PASSERELLE_CLE_SAUVEGARDE (socle/sauvegarde/fluxChiffre.ts).
 * Les clés des données n'y sont PAS : une sauvegarde volée ne livre rien, et
 * une sauvegarde sans ses clés ne se relit pas (README, « Sauvegardes »).
 */

function listerFichiers(racine: string, sous = ''): string[] {
  const dossier = path.join(racine, sous)
  if (!existsSync(dossier)) return []
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listerFichiers(racine, path.join(sous, e.name)) : e.isFile() ? [path.join(sous, e.name)] : [],
  )
}

/** Table SQL d'une collection Payload (SQLite et PostgreSQL) : le slug, tirets en soulignés. */
export const tableDe = (slug: string) => slug.replace(/-/g, '_')

type Instantane = { nom: string; chemin: string; comptes: Record<string, number>; migration: string | null }

/**
 * L'instantané de la base, et ce que le manifeste en dit, lus DANS l'instantané
 * (comptes, dernière migration) : le portail peut écrire pendant la
 * sauvegarde, le manifeste décrit exactement ce qui est sauvegardé.
 */
export async function instantaneBase(dossier: string, slugs: readonly string[]): Promise<Instantane> {
  const { base } = configuration()
  if (base.type === 'sqlite') {
    const { DatabaseSync, backup } = await import('node:sqlite')
    const chemin = path.join(dossier, 'base.sqlite')
    const source = new DatabaseSync(cheminSqlite(base.url), { readOnly: true })
    try {
      await backup(source, chemin)
    } finally {
      source.close()
    }
    const copie = new DatabaseSync(chemin, { readOnly: true })
    try {
      const comptes = Object.fromEntries(slugs.map((slug) => [slug, Number((copie.prepare(`SELECT count(*) AS n FROM "${tableDe(slug)}"`).get() as { n: number }).n)]))
      const m = copie.prepare('SELECT name FROM payload_migrations ORDER BY created_at DESC, id DESC LIMIT 1').get() as { name: string } | undefined
      return { nom: 'base.sqlite', chemin, comptes, migration: m?.name ?? null }
    } finally {
      copie.close()
    }
  }
  if (base.type === 'postgres') {
    const chemin = path.join(dossier, 'base.pgdump')
    // Un instantané exporté : les comptes et pg_dump voient la même base, à la même transaction près.
    const client = new pg.Client({ connectionString: base.url })
    await client.connect()
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const instantane = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s
      const comptes: Record<string, number> = {}
      for (const slug of slugs) comptes[slug] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${tableDe(slug)}"`)).rows[0]!.n)
      const m = (await client.query<{ name: string }>('SELECT name FROM payload_migrations ORDER BY created_at DESC, id DESC LIMIT 1')).rows[0]
      await executer('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${instantane}`, `--file=${chemin}`, `--dbname=${base.url}`])
      await client.query('COMMIT')
      return { nom: 'base.pgdump', chemin, comptes, migration: m?.name ?? null }
    } finally {
      await client.end()
    }
  }
  throw new Error('La sauvegarde de MongoDB n’est pas prise en charge : utilisez mongodump.')
}

export async function sauvegarder(payload: Payload, { sortie, maintenant = new Date() }: { sortie: string; maintenant?: Date }): Promise<Manifeste> {
  const config = configuration()
  if (!config.cleSauvegarde) throw new Error('PASSERELLE_CLE_SAUVEGARDE manque : générez-la (« openssl rand -hex 32 ») et gardez-la ailleurs que la base et ses sauvegardes.')
  const travail = mkdtempSync(path.join(os.tmpdir(), 'passerelle-sauvegarde-'))
  try {
    const cles = { chiffrement: await kidsPresents(payload), pseudonymisation: empreinteCle(config.clePseudonymisation) }
    const base = await instantaneBase(travail, payload.config.collections.map((c) => c.slug))
    const { comptes, migration } = base
    const dossierMedias = path.join(config.dossierDonnees, 'medias')
    const entrees = [
      { nom: base.nom, chemin: base.chemin },
      ...listerFichiers(dossierMedias).map((f) => ({ nom: path.posix.join('medias', f.split(path.sep).join('/')), chemin: path.join(dossierMedias, f) })),
    ]
    const fichiers: Manifeste['fichiers'] = []
    for (const e of entrees) fichiers.push({ chemin: e.nom, taille: statSync(e.chemin).size, sha256: await sha256Fichier(e.chemin) })
    const manifeste: Manifeste = {
      format: FORMAT_MANIFESTE,
      creeLe: maintenant.toISOString(),
      base: config.base.type as 'sqlite' | 'postgres',
      migration,
      comptes,
      fichiers,
      cles,
    }

    const paquet = tar.pack()
    const ecriture = pipeline(paquet, chiffrerFlux(config.cleSauvegarde), createWriteStream(sortie, { mode: 0o600 }))
    paquet.entry({ name: 'manifeste.json' }, JSON.stringify(manifeste, null, 2))
    for (const [i, e] of entrees.entries()) {
      await new Promise<void>((ok, ko) => {
        const flux = paquet.entry({ name: e.nom, size: fichiers[i]!.taille }, (err) => (err ? ko(err) : ok()))
        createReadStream(e.chemin).on('error', ko).pipe(flux)
      })
    }
    paquet.finalize()
    await ecriture
    chmodSync(sortie, 0o600)
    return manifeste
  } finally {
    rmSync(travail, { recursive: true, force: true })
  }
}
