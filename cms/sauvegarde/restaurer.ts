import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import tar from 'tar-stream'

import { cheminSqlite, configuration } from '../../socle/configuration'
import { dechiffrerFlux, SauvegardeIllisible } from '../../socle/sauvegarde/fluxChiffre'
import { trousseau } from '../chiffrement'
import { migrations as migrationsPostgres } from '../migrations/postgres'
import { migrations as migrationsSqlite } from '../migrations/sqlite'
import { empreinteCle, schemaManifeste, sha256Fichier, type Manifeste } from './manifeste'

/**
 * `npm run restauration -- FICHIER [--dry-run]`. Tout est vérifié avant la
 * moindre écriture : la sauvegarde se déchiffre et s'authentifie en entier,
 * chaque fichier a l'empreinte du manifeste, la base est du type configuré, le
 * schéma est connu de ce code, et les clés configurées relisent les données
 * chiffrées. Puis la base est remplacée d'un bloc (renommage atomique pour
 * SQLite, une seule transaction pour PostgreSQL), et les médias par échange
 * de dossiers. Le portail doit être arrêté pendant la restauration.
 */

const NOM_PERMIS = /^(manifeste\.json|base\.sqlite|base\.pgdump|medias\/(?!.*(^|\/)\.\.(\/|$))[^\0]+)$/

/** Déchiffre et extrait la sauvegarde dans `dossier`, vérifie le manifeste et les empreintes. */
export async function lireSauvegarde(fichier: string, cle: Buffer, dossier: string): Promise<Manifeste> {
  if (!existsSync(fichier)) throw new SauvegardeIllisible(`Fichier introuvable : ${fichier}`)
  const extraction = tar.extract()
  extraction.on('entry', (entete, flux, suite) => {
    if (entete.type !== 'file' || !NOM_PERMIS.test(entete.name)) {
      flux.resume()
      extraction.destroy(new SauvegardeIllisible(`Entrée inattendue dans la sauvegarde : « ${entete.name.slice(0, 80)} ».`))
      return
    }
    const cible = path.join(dossier, entete.name)
    mkdirSync(path.dirname(cible), { recursive: true })
    pipeline(flux, createWriteStream(cible, { mode: 0o600 })).then(() => suite(), suite)
  })
  await pipeline(createReadStream(fichier), dechiffrerFlux(cle), extraction)
  const cheminManifeste = path.join(dossier, 'manifeste.json')
  if (!existsSync(cheminManifeste)) throw new SauvegardeIllisible('Sauvegarde sans manifeste.')
  const lu = schemaManifeste.safeParse(JSON.parse(readFileSync(cheminManifeste, 'utf8')))
  if (!lu.success) throw new SauvegardeIllisible(`Manifeste illisible : ${lu.error.issues[0]?.path.join('.')} ${lu.error.issues[0]?.message}`)
  for (const f of lu.data.fichiers) {
    const chemin = path.join(dossier, f.chemin)
    if (!existsSync(chemin)) throw new SauvegardeIllisible(`Fichier du manifeste absent de la sauvegarde : ${f.chemin}`)
    if ((await sha256Fichier(chemin)) !== f.sha256) throw new SauvegardeIllisible(`Empreinte différente pour ${f.chemin} : sauvegarde corrompue.`)
  }
  return lu.data
}

/** Ce qui empêcherait de relire la sauvegarde avec la configuration actuelle ; vide : on peut restaurer. */
export function problemesDeCompatibilite(m: Manifeste): string[] {
  const config = configuration()
  const problemes: string[] = []
  if (m.base !== config.base.type)
    problemes.push(`Base : la sauvegarde vient d’une base ${m.base}, la configuration désigne une base ${config.base.type} (DATABASE_URL).`)
  const connues = (m.base === 'postgres' ? migrationsPostgres : migrationsSqlite).map((x) => x.name)
  if (m.migration && !connues.includes(m.migration))
    problemes.push(`Schéma : la sauvegarde vient d’une version plus récente du portail (migration ${m.migration}) ; mettez le portail à jour avant de restaurer.`)
  const kids = new Set(trousseau().kids)
  for (const kid of m.cles.chiffrement)
    if (!kids.has(kid))
      problemes.push(`Clés : des données sont chiffrées avec la clé ${kid}, absente de PASSERELLE_CLE_CHIFFREMENT et de PASSERELLE_CLES_ANCIENNES ; ajoutez-la avant de restaurer.`)
  if (m.cles.pseudonymisation !== empreinteCle(config.clePseudonymisation))
    problemes.push(
      `Clés : PASSERELLE_CLE_PSEUDONYMISATION n’est pas celle de la sauvegarde (empreinte ${m.cles.pseudonymisation}, configurée ${empreinteCle(config.clePseudonymisation)}) ; les personnes déjà saisies ne seraient plus reconnues.`,
    )
  return problemes
}

function psqlDansUneTransaction(url: string, entree: NodeJS.ReadableStream): Promise<void> {
  return new Promise((ok, ko) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`], { stdio: ['pipe', 'ignore', 'pipe'] })
    let erreur = ''
    psql.stderr.on('data', (d: Buffer) => (erreur += d.toString()))
    psql.on('error', ko)
    psql.on('close', (code) => (code === 0 ? ok() : ko(new Error(`psql a échoué (code ${code}) : ${erreur.split('\n')[0]}`))))
    psql.stdin.write('DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n')
    entree.pipe(psql.stdin)
  })
}

async function ecrireBase(m: Manifeste, dossier: string) {
  const { base } = configuration()
  if (m.base === 'sqlite') {
    const cible = cheminSqlite(base.url)
    mkdirSync(path.dirname(cible), { recursive: true })
    copyFileSync(path.join(dossier, 'base.sqlite'), `${cible}.restauration`)
    for (const suffixe of ['-wal', '-shm']) rmSync(`${cible}${suffixe}`, { force: true })
    renameSync(`${cible}.restauration`, cible)
    return
  }
  // Le schéma remplacé et le contenu rechargé dans UNE transaction : une erreur laisse la base d'avant.
  const sql = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', path.join(dossier, 'base.pgdump')], { stdio: ['ignore', 'pipe', 'inherit'] })
  await psqlDansUneTransaction(base.url, sql.stdout)
}

function ecrireMedias(dossier: string) {
  const source = path.join(dossier, 'medias')
  const cible = path.join(configuration().dossierDonnees, 'medias')
  const nouveau = `${cible}.restauration`
  const ancien = `${cible}.avant-restauration`
  for (const d of [nouveau, ancien]) rmSync(d, { recursive: true, force: true })
  // Copie complète à côté d'abord (le dossier temporaire peut être sur un autre disque), puis deux renommages sur place.
  if (existsSync(source)) cpSync(source, nouveau, { recursive: true })
  else mkdirSync(nouveau, { recursive: true })
  if (existsSync(cible)) renameSync(cible, ancien)
  renameSync(nouveau, cible)
  rmSync(ancien, { recursive: true, force: true })
}

export type RapportRestauration = { manifeste: Manifeste; simulation: boolean; problemes: string[] }

export async function restaurer({ fichier, simulation = false }: { fichier: string; simulation?: boolean }): Promise<RapportRestauration> {
  const config = configuration()
  if (!config.cleSauvegarde) throw new Error('PASSERELLE_CLE_SAUVEGARDE manque : sans la clé de la sauvegarde, elle ne se relit pas.')
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-restauration-'))
  try {
    const manifeste = await lireSauvegarde(fichier, config.cleSauvegarde, dossier)
    const problemes = problemesDeCompatibilite(manifeste)
    if (problemes.length || simulation) return { manifeste, simulation, problemes }
    await ecrireBase(manifeste, dossier)
    ecrireMedias(dossier)
    return { manifeste, simulation, problemes }
  } finally {
    rmSync(dossier, { recursive: true, force: true })
  }
}

