import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { racine } from '../outils/payloadDeTest'

/**
 * Un démarrage qui ne peut pas aboutir pour une raison extérieure au code (port
 * pris, dossier de données ou base inutilisable) s'arrête vite, avec un code de
 * sortie non nul et un message en français qui dit quoi faire, sans pile
 * d'appels. Chaque cas lance vraiment `serveur/demarrer.ts`, comme `npm start`.
 */

const base = process.env.PASSERELLE_TEST_BASE === 'postgres' ? 'postgres' : 'sqlite'
const BLOQUE_APRES_MS = 60_000
const dossiers: string[] = []
/** Fichiers et dossiers privés de droits par un test : rendus à leur propriétaire avant le nettoyage. */
const verrouilles: string[] = []
const serveurs: Server[] = []

afterEach(async () => {
  await Promise.all(serveurs.splice(0).map((s) => new Promise((ok) => s.close(ok))))
})
afterAll(() => {
  for (const v of verrouilles) chmodSync(v, 0o700)
  for (const d of dossiers) rmSync(d, { recursive: true, force: true })
})

function retirerDroits(chemin: string, mode: number) {
  verrouilles.push(chemin)
  chmodSync(chemin, mode)
}

function dossierTemporaire(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'passerelle-demarrage-'))
  // Traversable par l'utilisateur sans droits qui lance certains cas (voir plus bas).
  chmodSync(d, 0o755)
  dossiers.push(d)
  return d
}

/**
 * Les droits de fichiers ne s'appliquent pas à root : quand les tests tournent
 * en root (CI), les cas de droits lancent le démarrage sous « nobody ».
 */
const sansDroits = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
/** Cet utilisateur doit pouvoir lire le dépôt : chaque dossier parent doit être traversable par tous. */
function depotLisibleParTous(): boolean {
  for (let d = racine; ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false
    if (path.dirname(d) === d) return true
  }
}
const casDeDroits = process.getuid?.() !== 0 || depotLisibleParTous()

type Issue = { code: number | null; sortie: string; erreurs: string }

/** Lance le démarrage avec cet environnement ; échoue s'il ne s'est pas arrêté à temps. */
function demarrer(env: Record<string, string>, identite: { uid?: number; gid?: number } = {}): Promise<Issue> {
  const propre = { ...process.env }
  for (const v of ['DATABASE_URL', 'NODE_ENV', 'PASSERELLE_URL', 'PAYLOAD_SECRET', 'PASSERELLE_RACINE', 'MEILI_URL']) delete propre[v]
  return new Promise((ok, ko) => {
    const enfant = spawn(process.execPath, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'serveur/demarrer.ts'], {
      cwd: racine,
      env: { ...propre, HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Un groupe de processus à lui : tsx lance Node dans un sous-processus, qu'un arrêt forcé doit atteindre aussi.
      detached: true,
      ...identite,
    })
    let sortie = ''
    let erreurs = ''
    enfant.stdout.on('data', (d) => (sortie += d))
    enfant.stderr.on('data', (d) => (erreurs += d))
    const minuterie = setTimeout(() => {
      process.kill(-enfant.pid!, 'SIGKILL')
      ko(new Error(`Le démarrage est resté bloqué plus de ${BLOQUE_APRES_MS / 1000} s.\n${sortie}\n${erreurs}`))
    }, BLOQUE_APRES_MS)
    enfant.on('close', (code) => {
      clearTimeout(minuterie)
      ok({ code, sortie, erreurs })
    })
  })
}

function attendreEchecClair(issue: Issue, message: string) {
  expect(issue.erreurs, issue.sortie).toContain(`Démarrage impossible : ${message}`)
  expect(issue.code).not.toBe(0)
  expect(issue.code).not.toBeNull()
  expect(`${issue.sortie}\n${issue.erreurs}`, 'aucune pile d’appels').not.toMatch(/^\s+at /m)
}

function ecouter(port = 0): Promise<Server> {
  return new Promise((ok, ko) => {
    // Les connexions reçues sont coupées aussitôt : rien ne retient la fermeture du serveur.
    const s = createServer((connexion) => connexion.destroy())
    s.once('error', ko)
    s.listen(port, '127.0.0.1', () => {
      serveurs.push(s)
      ok(s)
    })
  })
}
const portDe = (s: Server) => (s.address() as { port: number }).port

/** Un port où personne n'écoute : ouvert puis refermé. */
async function portLibre(): Promise<number> {
  const s = await ecouter()
  const port = portDe(s)
  await new Promise((ok) => s.close(ok))
  serveurs.splice(serveurs.indexOf(s), 1)
  return port
}

/** Une vraie base SQLite, puis des pages du milieu écrasées comme par un disque défaillant. */
async function baseSqliteEndommagee(fichier: string) {
  const client = createClient({ url: `file:${fichier}` })
  await client.execute('CREATE TABLE structures (id INTEGER PRIMARY KEY, nom TEXT)')
  await client.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO structures (nom) SELECT hex(randomblob(100)) FROM n")
  client.close()
  const fd = openSync(fichier, 'r+')
  writeSync(fd, Buffer.alloc(4096 * 4, 0xff), 0, 4096 * 4, 4096 * 3)
  closeSync(fd)
}

describe.runIf(base === 'sqlite')('démarrage impossible, dit en français (port, dossier de données, SQLite)', () => {
  it('port déjà utilisé : le port est nommé, avec la commande pour en choisir un autre', async () => {
    const occupe = await ecouter()
    const port = portDe(occupe)
    const issue = await demarrer({ PASSERELLE_DONNEES: dossierTemporaire(), PORT: String(port) })
    attendreEchecClair(issue, `le port ${port} est déjà utilisé ; choisissez-en un autre : PORT=${port + 1} npm start`)
  })

  it('dossier de données qui est un fichier', async () => {
    const fichier = path.join(dossierTemporaire(), 'donnees')
    writeFileSync(fichier, '')
    const issue = await demarrer({ PASSERELLE_DONNEES: fichier, PORT: String(await portLibre()) })
    attendreEchecClair(issue, `le dossier de données « ${fichier} » n’est pas un dossier`)
  })

  it.runIf(casDeDroits)('dossier de données non inscriptible', async () => {
    const dossier = path.join(dossierTemporaire(), 'donnees')
    mkdirSync(dossier)
    retirerDroits(dossier, 0o555)
    const issue = await demarrer({ PASSERELLE_DONNEES: dossier, PORT: String(await portLibre()) }, sansDroits)
    attendreEchecClair(issue, `le dossier de données « ${dossier} » n’est pas accessible en écriture (droits insuffisants)`)
    expect(issue.erreurs).toContain('PASSERELLE_DONNEES=')
  })

  it.runIf(casDeDroits)('dossier de données illisible', async () => {
    const dossier = path.join(dossierTemporaire(), 'donnees')
    mkdirSync(dossier)
    retirerDroits(dossier, 0o000)
    const issue = await demarrer({ PASSERELLE_DONNEES: dossier, PORT: String(await portLibre()) }, sansDroits)
    attendreEchecClair(issue, `le dossier de données « ${dossier} » est illisible (droits insuffisants)`)
  })

  it('fichier SQLite qui n’est pas une base', async () => {
    const dossier = dossierTemporaire()
    writeFileSync(path.join(dossier, 'passerelle.db'), 'Ceci est une note, pas une base de données.\n'.repeat(200))
    const issue = await demarrer({ PASSERELLE_DONNEES: dossier, PORT: String(await portLibre()) })
    attendreEchecClair(issue, `la base SQLite « ${path.join(dossier, 'passerelle.db')} » est illisible`)
  })

  it('base SQLite endommagée', async () => {
    const dossier = dossierTemporaire()
    await baseSqliteEndommagee(path.join(dossier, 'passerelle.db'))
    const issue = await demarrer({ PASSERELLE_DONNEES: dossier, PORT: String(await portLibre()) })
    attendreEchecClair(issue, `la base SQLite « ${path.join(dossier, 'passerelle.db')} » est illisible`)
    expect(issue.erreurs).toContain('restaurez une sauvegarde')
  })

  it.runIf(casDeDroits)('base SQLite inaccessible (droits)', async () => {
    const dossier = dossierTemporaire()
    chmodSync(dossier, 0o777)
    const fichier = path.join(dossier, 'passerelle.db')
    writeFileSync(fichier, '')
    retirerDroits(fichier, 0o000)
    const issue = await demarrer({ PASSERELLE_DONNEES: dossier, PORT: String(await portLibre()), PAYLOAD_SECRET: 'x'.repeat(40) }, sansDroits)
    attendreEchecClair(issue, `la base SQLite « ${fichier} » n’est pas accessible (droits insuffisants)`)
  })

  it.skipIf(casDeDroits)('cas de droits ignorés : le dépôt n’est pas lisible par l’utilisateur « nobody » (tests lancés en root)', () => {})
})

describe.runIf(base === 'postgres')('démarrage impossible, dit en français (PostgreSQL)', () => {
  it('PostgreSQL injoignable : l’adresse est nommée, sans le mot de passe', async () => {
    const port = await portLibre()
    const issue = await demarrer({
      PASSERELLE_DONNEES: dossierTemporaire(),
      PORT: String(await portLibre()),
      DATABASE_URL: `postgres://postgres:mot-de-passe-secret@127.0.0.1:${port}/passerelle`,
    })
    attendreEchecClair(issue, `PostgreSQL est injoignable à 127.0.0.1:${port}/passerelle (connexion refusée)`)
    expect(issue.erreurs + issue.sortie).not.toContain('mot-de-passe-secret')
  })
})

/** Un Node plus ancien que celui du projet, s'il y en a un sur la machine (Debian fournit Node 20). */
function nodeAncien(): { chemin: string; version: string } | undefined {
  for (const chemin of ['/usr/bin/node', '/usr/local/bin/node']) {
    const r = spawnSync(chemin, ['-p', 'process.versions.node'], { encoding: 'utf8' })
    const version = r.stdout?.trim()
    if (r.status === 0 && version && Number(version.split('.')[0]) < 24) return { chemin, version }
  }
  return undefined
}
const ancien = base === 'sqlite' ? nodeAncien() : undefined

describe.runIf(base === 'sqlite')('démarrage sous un Node trop ancien', () => {
  it.runIf(ancien)(`s’arrête tout de suite et dit de passer par npm (${ancien?.chemin} ${ancien?.version})`, async () => {
    const r = spawnSync(ancien!.chemin, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'serveur/demarrer.ts'], {
      cwd: racine,
      env: { ...process.env, PASSERELLE_DONNEES: dossierTemporaire(), PORT: String(await portLibre()) },
      encoding: 'utf8',
      timeout: BLOQUE_APRES_MS,
    })
    expect(r.stderr).toContain(`Passerelle demande Node.js 24 ; ce processus tourne sous Node.js ${ancien!.version} (${ancien!.chemin}).`)
    expect(r.stderr).toContain('npm install')
    expect(r.status).toBe(1)
  })
  it.skipIf(ancien)('aucun Node plus ancien que 24 sur cette machine : cas non vérifiable ici', () => {})
})
