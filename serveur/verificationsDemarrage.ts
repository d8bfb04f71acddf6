import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'
import pg from 'pg'

import type { Configuration } from '../socle/configuration'

/**
 * Ce qui fait échouer un démarrage sans que le code soit en cause (port pris,
 * dossier ou base inutilisable) est vérifié avant tout le reste et dit en
 * français, avec quoi faire : sinon l'erreur arrive en anglais, avec une pile,
 * parfois après une minute de construction, et le processus reste bloqué.
 */
export class ErreurDemarrage extends Error {
  override name = 'ErreurDemarrage'
}

type ErreurSysteme = NodeJS.ErrnoException

const CONSEIL_DROITS = 'donnez-en les droits à l’utilisateur qui lance Passerelle, ou choisissez un autre dossier : PASSERELLE_DONNEES=/chemin/vers/donnees npm start'

/** La cause d'une erreur du système de fichiers, en mots. */
function raisonFichier(e: ErreurSysteme): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'droits insuffisants'
    case 'EROFS':
      return 'système de fichiers en lecture seule'
    case 'ENOSPC':
      return 'disque plein'
    default:
      return `erreur ${e.code ?? e.name}`
  }
}

/** Le dossier de données doit exister (il est créé au besoin), se lire et s'écrire. */
export function verifierDossierDonnees(dossier: string): void {
  const nomme = `le dossier de données « ${dossier} »`
  try {
    mkdirSync(dossier, { recursive: true })
  } catch (e) {
    const { code } = e as ErreurSysteme
    if (code === 'ENOTDIR' || code === 'EEXIST')
      throw new ErreurDemarrage(`${nomme} n’est pas un dossier ; choisissez un dossier : PASSERELLE_DONNEES=/chemin/vers/donnees npm start`)
    throw new ErreurDemarrage(`${nomme} ne peut pas être créé (${raisonFichier(e as ErreurSysteme)}) ; ${CONSEIL_DROITS}`)
  }
  if (!statSync(dossier).isDirectory())
    throw new ErreurDemarrage(`${nomme} n’est pas un dossier ; choisissez un dossier : PASSERELLE_DONNEES=/chemin/vers/donnees npm start`)
  try {
    readdirSync(dossier)
  } catch (e) {
    throw new ErreurDemarrage(`${nomme} est illisible (${raisonFichier(e as ErreurSysteme)}) ; ${CONSEIL_DROITS}`)
  }
  try {
    // Une vraie écriture : access() ne voit ni un montage en lecture seule ni certaines ACL.
    const sonde = path.join(dossier, `.sonde-ecriture-${process.pid}`)
    writeFileSync(sonde, '')
    rmSync(sonde)
  } catch (e) {
    throw new ErreurDemarrage(`${nomme} n’est pas accessible en écriture (${raisonFichier(e as ErreurSysteme)}) ; ${CONSEIL_DROITS}`)
  }
}

/** L'erreur d'écoute d'un serveur, en français ; les autres erreurs passent telles quelles. */
export function erreurEcoute(e: ErreurSysteme, port: number, hote: string): Error {
  const autre = port < 65535 ? port + 1 : port - 1
  switch (e.code) {
    case 'EADDRINUSE':
      return new ErreurDemarrage(`le port ${port} est déjà utilisé ; choisissez-en un autre : PORT=${autre} npm start`)
    case 'EACCES':
      return new ErreurDemarrage(`le port ${port} est réservé à l’administrateur du système ; choisissez-en un au-dessus de 1023 : PORT=3000 npm start`)
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ErreurDemarrage(`l’adresse d’écoute HOST=${hote} n’est pas une adresse de cette machine ; retirez HOST (127.0.0.1 par défaut) ou indiquez HOST=0.0.0.0`)
    default:
      return e
  }
}

/** Le port est essayé dès le début : sinon il ne serait découvert pris qu'après la construction de l'admin et du portail. */
export async function verifierPortLibre(port: number, hote: string): Promise<void> {
  const essai = createServer()
  try {
    await new Promise<void>((ok, ko) => {
      essai.once('error', ko)
      essai.listen({ port, host: hote, exclusive: true }, ok)
    })
  } catch (e) {
    throw erreurEcoute(e as ErreurSysteme, port, hote)
  }
  await new Promise((ok) => essai.close(ok))
}

/** Chemin du fichier d'une URL SQLite (`file:/…`, `file:///…` ou `file:relatif`). */
function fichierSqlite(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url)
  return path.resolve(url.slice('file:'.length).split('?')[0]!)
}

async function verifierSqlite(url: string): Promise<void> {
  const fichier = fichierSqlite(url)
  if (!existsSync(fichier)) {
    // Base neuve : Payload la créera, pourvu que son dossier s'écrive.
    try {
      accessSync(path.dirname(fichier), constants.W_OK | constants.X_OK)
    } catch (e) {
      throw new ErreurDemarrage(
        `la base SQLite « ${fichier} » ne peut pas être créée (${raisonFichier(e as ErreurSysteme)} sur son dossier) ; donnez les droits sur ce dossier à l’utilisateur qui lance Passerelle`,
      )
    }
    return
  }
  try {
    accessSync(fichier, constants.R_OK | constants.W_OK)
  } catch (e) {
    throw new ErreurDemarrage(`la base SQLite « ${fichier} » n’est pas accessible (${raisonFichier(e as ErreurSysteme)}) ; donnez-en les droits à l’utilisateur qui lance Passerelle`)
  }
  const client = createClient({ url: `file:${fichier}` })
  try {
    // quick_check parcourt tout le fichier sans vérifier les index : quelques dixièmes de seconde pour l'annuaire complet.
    const { rows } = await client.execute('PRAGMA quick_check(1)')
    if (rows[0]?.[0] !== 'ok') throw Object.assign(new Error('quick_check'), { code: 'SQLITE_CORRUPT' })
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    if (/NOTADB|CORRUPT/.test(code))
      throw new ErreurDemarrage(
        `la base SQLite « ${fichier} » est illisible : ce fichier n’est pas une base SQLite valide ou il est endommagé ; restaurez une sauvegarde à sa place, ou déplacez-le pour repartir d’une base neuve`,
      )
    if (/CANTOPEN|PERM|READONLY|AUTH/.test(code))
      throw new ErreurDemarrage(`la base SQLite « ${fichier} » ne peut pas être ouverte (${code}) ; vérifiez ses droits et ceux de son dossier`)
    throw new ErreurDemarrage(`la base SQLite « ${fichier} » est illisible (${code || (e as Error).name})`)
  } finally {
    client.close()
  }
}

/** Hôte, port et base de l'URL, jamais l'utilisateur ni le mot de passe. */
function cibleSansSecret(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'l’adresse de DATABASE_URL'
  }
}

async function verifierPostgres(url: string): Promise<void> {
  const cible = cibleSansSecret(url)
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  // Une erreur survenue après coup sur cette connexion d'essai ne doit pas arrêter le processus.
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (e) {
    const { code, message } = e as ErreurSysteme
    // Base absente : Payload la crée lui-même au premier démarrage.
    if (code === '3D000') return
    const conseil = 'vérifiez que le serveur PostgreSQL tourne et que DATABASE_URL désigne le bon hôte, le bon port et la bonne base'
    if (code === 'ECONNREFUSED') throw new ErreurDemarrage(`PostgreSQL est injoignable à ${cible} (connexion refusée) ; ${conseil}`)
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new ErreurDemarrage(`PostgreSQL est injoignable : l’hôte de ${cible} est inconnu ; ${conseil}`)
    if (code === '28P01' || code === '28000')
      throw new ErreurDemarrage(`PostgreSQL refuse la connexion à ${cible} (utilisateur ou mot de passe refusé) ; vérifiez ceux de DATABASE_URL`)
    if (/timeout/i.test(message)) throw new ErreurDemarrage(`PostgreSQL ne répond pas à ${cible} (aucune réponse en 5 s) ; ${conseil}`)
    throw new ErreurDemarrage(`PostgreSQL est injoignable à ${cible} (${code ?? (e as Error).name}) ; ${conseil}`)
  } finally {
    await client.end().catch(() => {})
  }
}

/** La base répond-elle ? Vérifié avant Payload, qui journaliserait l'erreur avec sa pile. */
export async function verifierBase(base: Configuration['base']): Promise<void> {
  if (base.type === 'sqlite') return verifierSqlite(base.url)
  if (base.type === 'postgres') return verifierPostgres(base.url)
}
