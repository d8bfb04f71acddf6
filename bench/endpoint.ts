/**
 * Banc d'essai de l'endpoint JSON de recherche, comme le vivrait le portail :
 *
 *   npm run bench:endpoint -- [--connexions 20] [--duree 15]
 *
 * Démarre le portail (base SQLite jetable, annuaire de démonstration) sur un
 * port libre de la boucle locale, envoie avec autocannon les requêtes
 * publiques de ../shared/fixtures/requetes-annuaire.json à
 * /annuaire/recherche.json par N clients simultanés pendant D secondes, puis
 * arrête tout. Dernière ligne de stdout, en JSON :
 *   {"connexions","duree_s","requetes","erreurs","rps","p50_ms","p90_ms","p97_5_ms","p99_ms"}
 * (autocannon donne p90 et p97,5 : le p95 est entre les deux.)
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { connexions: { type: 'string', default: '20' }, duree: { type: 'string', default: '15' } } })
const log = (m: string) => process.stderr.write(`${m}\n`)

const portLibre = () =>
  new Promise<number>((ok) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => ok(port))
    })
  })

const donnees = mkdtempSync(path.join(os.tmpdir(), 'passerelle-banc-endpoint-'))
const port = await portLibre()
const env: NodeJS.ProcessEnv = { ...process.env, PASSERELLE_DONNEES: donnees, PORT: String(port), HOST: '127.0.0.1' }
delete env.DATABASE_URL
delete (env as Record<string, string | undefined>).NODE_ENV
const serveur = spawn(process.execPath, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'serveur/demarrer.ts'], { cwd: racine, env, stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise<string>((ok, ko) => {
  let tampon = ''
  serveur.stdout!.on('data', (d: Buffer) => {
    tampon += d.toString()
    const m = tampon.match(/Passerelle est prête : (\S+)/)
    if (m) ok(m[1]!)
  })
  serveur.on('exit', (code) => ko(new Error(`le portail s'est arrêté (code ${code})`)))
})
log(`Portail prêt : ${url}`)

const requetes = (JSON.parse(readFileSync(path.join(racine, '..', 'shared', 'fixtures', 'requetes-annuaire.json'), 'utf8')) as {
  requetes: { texte: string; commune?: string }[]
}).requetes.map((r) => `/annuaire/recherche.json?${new URLSearchParams({ q: r.texte, ...(r.commune ? { commune: r.commune } : {}) })}`)
let i = 0
const resultat = await autocannon({
  url,
  connections: Number(values.connexions),
  duration: Number(values.duree),
  requests: [{ setupRequest: (req) => ({ ...req, path: requetes[i++ % requetes.length]! }) }],
})
serveur.kill('SIGTERM')
await new Promise((ok) => serveur.once('exit', ok))
rmSync(donnees, { recursive: true, force: true })
const l = resultat.latency as unknown as Record<string, number>
console.log(
  JSON.stringify({
    connexions: Number(values.connexions),
    duree_s: Number(values.duree),
    requetes: resultat.requests.total,
    erreurs: resultat.errors + resultat.non2xx,
    rps: Math.round(resultat.requests.average),
    p50_ms: l.p50,
    p90_ms: l.p90,
    p97_5_ms: l.p97_5,
    p99_ms: l.p99,
  }),
)
process.exit(0)
