import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { verifierJournalSansDonnee } from './journalSansDonnee'

/**
 * Démarre le portail comme `npm start` (base SQLite neuve, contenu amorcé,
 * admin construite si besoin, portail publié) sur un port libre.
 */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const portLibre = () =>
  new Promise<number>((ok, ko) => {
    const s = createServer()
    s.on('error', ko)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => ok(port))
    })
  })

export { portLibre }

/**
 * PASSERELLE_PROFIL_CPU=DOSSIER : le serveur écrit son profil CPU (format .cpuprofile de V8,
 * à ouvrir dans les outils de développement de Chromium) dans DOSSIER à son arrêt. Pour les bancs.
 */
const profilCpu = () => (process.env.PASSERELLE_PROFIL_CPU ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PASSERELLE_PROFIL_CPU}`] : [])

export type PortailDeTest = {
  url: string
  /** Processus lancé (tsx, qui lance le serveur) : les bancs mesurent le temps CPU de son arbre. */
  pid: number
  dossier: string
  /**
   * Arrête le portail, puis cherche dans son journal les données personnelles du contenu et celles
   * que les tests y ont semées (journalSansDonnee.ts) : en cas de fuite, lève une erreur et garde le dossier.
   */
  arreter: () => Promise<void>
  /** Identifiant du groupe de processus du portail (serveur, tsx, constructions astro) ; seulement avec `groupe`. */
  groupe?: number
  /** Coupure franche (kill -9 du groupe : serveur et construction en cours), sans rien nettoyer ; seulement avec `groupe`. */
  tuer: () => Promise<void>
}

/** Le journal du serveur (sorties standard et d'erreur), gardé dans son dossier de données. */
export const fichierJournal = (dossier: string) => path.join(dossier, 'serveur.log')

/**
 * `env` : réglages propres à ce portail (PORTAIL_ACCES, PROCONNECT_*, SMTP_URL…) ; `port` : imposé quand un tiers doit le connaître d'avance ;
 * `dossier` : redémarrer sur les données d'un portail précédent (il n'est alors pas supprimé à l'arrêt) ;
 * `groupe` : le portail a son propre groupe de processus, que `tuer` arrête d'un coup comme une coupure de courant.
 */
export async function demarrerPortailDeTest(
  o: { env?: Record<string, string>; port?: number; dossier?: string; groupe?: boolean } = {},
): Promise<PortailDeTest> {
  const dossier = o.dossier ?? mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'))
  const port = o.port ?? (await portLibre())
  const journal = fichierJournal(dossier)
  const sortie = createWriteStream(journal, { flags: 'a' })
  const env: NodeJS.ProcessEnv = { ...process.env, PASSERELLE_DONNEES: dossier, PORT: String(port), HOST: '127.0.0.1', PUBLICATION_DELAI_MS: '500' }
  delete env.DATABASE_URL
  delete (env as Record<string, string | undefined>).NODE_ENV
  delete env.PASSERELLE_URL
  Object.assign(env, o.env)
  const processus = spawn(process.execPath, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...profilCpu(), 'serveur/demarrer.ts'], {
    cwd: racine,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.groupe ?? false,
  })
  processus.stderr!.pipe(sortie)
  const url = await new Promise<string>((ok, ko) => {
    let tampon = ''
    processus.stdout!.on('data', (d: Buffer) => {
      sortie.write(d)
      tampon += d.toString()
      const m = tampon.match(/Passerelle est prête : (\S+)/)
      if (m) ok(m[1]!)
    })
    processus.on('exit', (code) => ko(new Error(`Le portail s'est arrêté au démarrage (code ${code}) : voir ${journal}`)))
  })
  const fini = () => processus.exitCode !== null || processus.signalCode !== null
  return {
    url,
    pid: processus.pid!,
    dossier,
    groupe: o.groupe ? processus.pid : undefined,
    arreter: async () => {
      if (!fini()) {
        processus.kill('SIGTERM')
        await new Promise((ok) => processus.once('exit', ok))
      }
      await new Promise((ok) => sortie.end(ok))
      verifierJournalSansDonnee(dossier, journal)
      if (!process.env.PASSERELLE_GARDER_E2E && !o.dossier) rmSync(dossier, { recursive: true, force: true })
    },
    tuer: async () => {
      if (!o.groupe) throw new Error('tuer() demande un portail démarré avec { groupe: true }')
      const sortiFin = fini() ? Promise.resolve() : new Promise((ok) => processus.once('exit', ok))
      try {
        process.kill(-processus.pid!, 'SIGKILL')
      } catch {
        // Groupe déjà vide.
      }
      await sortiFin
    },
  }
}
