/**
 * Banc de charge et de pannes (issue 14) :
 *
 *   npm run bench:charge -- [--duree 60] [--connexions 50] [--base sqlite|postgres] [--garder]
 *
 * Le vrai portail (serveur/demarrer.ts, comme `npm start`, dans son propre
 * groupe de processus) sur la boucle locale, SAISINES_EN_LIGNE=oui, un
 * opérateur installé et un agent FSI invité puis connecté avec son second
 * facteur, par HTTP. Avec --base postgres, le portail tourne sur un cluster
 * PostgreSQL PRIVÉ et jetable (initdb dans un dossier temporaire, port libre),
 * jamais sur le serveur partagé de 127.0.0.1:5432 : c'est lui qu'on redémarre.
 *
 * Scénarios, dans cet ordre :
 * 1. charge : recherche (/annuaire/recherche.json) puis création de saisines
 *    (le POST du formulaire de /espace/saisines/nouvelle, CSRF et session de
 *    l'agent ; 303 = déposée), chacune par N clients pendant D secondes
 *    (autocannon) ; chaque temps gardé (p50/p95 exacts) ; les saisines en base
 *    sont recomptées, un écart compte comme erreur ;
 * 2. (postgres) redémarrage de PostgreSQL sous charge (`pg_ctl restart -m fast`) :
 *    erreurs comptées, temps jusqu'à la première saisine de nouveau enregistrée
 *    et /sante/pret de nouveau prêt, sans intervention ; aucune saisine acquittée perdue ;
 * 3. kill -9 du groupe du portail pendant des écritures de saisines : chaque
 *    dépôt porte une marque unique ; au redémarrage, toute saisine acquittée
 *    (303) est en base, aucune marque n'y est deux fois ;
 * 4. kill -9 pendant une publication (`astro build` en cours après la
 *    modification d'une structure) : le dernier portail bon est servi dès le
 *    redémarrage, puis la modification est publiée ;
 * 5. kill -9 pendant un import de l'annuaire (`npm run annuaire:import` d'un
 *    gros fichier, tué avec le serveur quand sa transaction écrit) : rien du
 *    fichier en base au redémarrage ; relancé, l'import passe en entier.
 * Après chaque coupure : temps de reprise = du lancement du serveur à la
 * première réponse 200 de /sante/pret.
 *
 * Tout est borné : durées fixes, nombres de requêtes plafonnés, et un délai
 * global au-delà duquel le banc arrête tout et sort en erreur. Progression sur
 * stderr ; dernière ligne de stdout, en JSON :
 *   {"base","duree_s","connexions","charge_machine","recherche","saisines","erreurs_journal_charge",
 *    "redemarrage_postgres","kill_ecriture_saisine","kill_publication","kill_import","defauts"}
 * (`erreurs_journal_*` : lignes d'erreur du journal du serveur pendant le scénario.)
 * `defauts` liste ce qui contredit une exigence (vide si tout va bien) ; le
 * code de sortie est 1 s'il n'est pas vide.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'
import pg from 'pg'

import { demarrerPortailDeTest, fichierJournal, portLibre, type PortailDeTest } from '../tests/e2e/demarrerPortail'
import { creerCompteParInvitation, sessionOperateur } from '../tests/e2e/operateur'
import { generateur } from './aleatoire'
import { racine } from '../tests/outils/payloadDeTest'

const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`)
const echec = (m: string): never => {
  log(`bench:charge : ${m}`)
  process.exit(2)
}

let options: { duree: string; connexions: string; base: string; garder: boolean }
try {
  options = parseArgs({
    options: {
      duree: { type: 'string', default: '60' },
      connexions: { type: 'string', default: '50' },
      base: { type: 'string', default: 'sqlite' },
      garder: { type: 'boolean', default: false },
    },
  }).values
} catch (e) {
  echec(`ligne de commande invalide (${(e as Error).message}) ; options : --duree S, --connexions N, --base sqlite|postgres, --garder`)
  throw e
}
const entier = (nom: string, v: string, min: number, max: number) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) echec(`--${nom} : nombre entier de ${min} à ${max} attendu (reçu « ${v} »)`)
  return n
}
const DUREE_S = entier('duree', options.duree, 1, 600)
const CONNEXIONS = entier('connexions', options.connexions, 1, 500)
const typeBase = options.base
if (typeBase !== 'sqlite' && typeBase !== 'postgres') echec(`--base : « sqlite » ou « postgres » attendu (reçu « ${typeBase} »)`)

/** Au-delà, le banc s'arrête de lui-même, quoi qu'il arrive : constructions comprises, jamais plus de 45 minutes. */
const DELAI_GLOBAL_MS = 45 * 60_000 + DUREE_S * 3_000
/** Plafond de dépôts par scénario de charge (60 s à 50 clients en font quelques milliers). */
const PLAFOND_DEPOTS = 200_000

const attendreMs = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
const centile = (valeurs: number[], p: number) => {
  if (!valeurs.length) return null
  const triees = [...valeurs].sort((a, b) => a - b)
  return Math.round(triees[Math.min(triees.length - 1, Math.ceil((p / 100) * triees.length) - 1)]! * 10) / 10
}
const charge = () => os.loadavg().map((c) => Math.round(c * 100) / 100)

async function attendre<T>(quoi: string, delaiMs: number, essai: () => Promise<T | undefined>, pasMs = 200): Promise<T> {
  const limite = Date.now() + delaiMs
  for (;;) {
    const r = await essai().catch(() => undefined)
    if (r !== undefined) return r
    if (Date.now() > limite) throw new Error(`pas obtenu en ${delaiMs / 1000} s : ${quoi}`)
    await attendreMs(pasMs)
  }
}

const defauts: string[] = []
const defaut = (m: string) => {
  log(`DÉFAUT : ${m}`)
  defauts.push(m)
}

// ---------------------------------------------------------------------------
// Cluster PostgreSQL privé (jamais le serveur partagé de 127.0.0.1:5432).

type ClusterPrive = { dossier: string; port: number; url: string; redemarrer: () => void; arreter: () => void }

function binairePg(nom: string): string {
  const versions = readdirSafe('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
  for (const v of versions) {
    const chemin = `/usr/lib/postgresql/${v}/bin/${nom}`
    try {
      execFileSync(chemin, ['--version'], { stdio: 'ignore' })
      return chemin
    } catch {
      // version suivante
    }
  }
  throw new Error(`${nom} introuvable dans /usr/lib/postgresql/*/bin`)
}
function readdirSafe(dossier: string): string[] {
  try {
    return readdirSync(dossier)
  } catch {
    return []
  }
}

async function creerClusterPrive(): Promise<ClusterPrive> {
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-banc-pg-'))
  const donnees = path.join(dossier, 'donnees')
  const root = process.getuid?.() === 0
  // initdb refuse root : le cluster appartient à l'utilisateur postgres, comme le dossier.
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dossier, uid, gid)
  }
  const commePostgres = (binaire: string, args: string[]) =>
    execFileSync(root ? 'runuser' : binaire, root ? ['-u', 'postgres', '--', binaire, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dossier })
  const port = await portLibre()
  commePostgres(binairePg('initdb'), ['-D', donnees, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale'])
  const pgCtl = binairePg('pg_ctl')
  const journal = path.join(dossier, 'postgres.log')
  commePostgres(pgCtl, ['-D', donnees, '-l', journal, '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dossier}`, 'start'])
  const url = `postgres://postgres@127.0.0.1:${port}`
  const client = new pg.Client({ connectionString: `${url}/postgres` })
  await client.connect()
  await client.query('CREATE DATABASE passerelle')
  await client.end()
  return {
    dossier,
    port,
    url: `${url}/passerelle`,
    // Mêmes options qu'au démarrage (postmaster.opts) ; -m fast : les connexions en cours sont coupées.
    redemarrer: () => commePostgres(pgCtl, ['-D', donnees, '-l', journal, '-w', '-m', 'fast', 'restart']),
    arreter: () => {
      try {
        commePostgres(pgCtl, ['-D', donnees, '-w', '-m', 'immediate', 'stop'])
      } catch {
        // déjà arrêté
      }
    },
  }
}

// ---------------------------------------------------------------------------
// Le portail, redémarrable sur les mêmes données.

let cluster: ClusterPrive | undefined
let portail: PortailDeTest | undefined
let dossier: string | undefined
let port: number | undefined
let envPortail: Record<string, string> = {}
let payload: import('payload').Payload | undefined
const enfants = new Set<ChildProcess>()

/** Démarre (ou redémarre) le portail ; le temps de reprise va du lancement à /sante/pret en 200. */
async function lancerPortail(): Promise<{ pretMs: number }> {
  const debut = Date.now()
  portail = await demarrerPortailDeTest({ dossier, port, groupe: true, env: envPortail })
  await attendre('/sante/pret en 200', 300_000, async () => ((await fetch(`${portail!.url}/sante/pret`)).status === 200 ? true : undefined), 100)
  return { pretMs: Date.now() - debut }
}

const vivant = () => {
  if (!portail?.groupe) return false
  try {
    process.kill(portail.groupe, 0)
    return true
  } catch {
    return false
  }
}

/** Le journal du serveur (tous ses démarrages) : sa taille maintenant, et ses lignes d'erreur écrites depuis. */
const tailleJournal = () => (dossier ? readFileSync(fichierJournal(dossier)).length : 0)
const erreursJournalDepuis = (depuis: number) =>
  readFileSync(fichierJournal(dossier!))
    .subarray(depuis)
    .toString('utf8')
    .split('\n')
    .filter((l) => /Erreur serveur|"niveau":"error"|uncaughtException/.test(l)).length

// ---------------------------------------------------------------------------
// Dépôt de saisines par le formulaire du portail.

type Session = { cookie: string; csrf: string }
type Depot = { marque: string; statut: number | 'reseau'; cause?: string; id?: number; debut: number; fin: number }

let problematiques: string[] = []
let communes: string[] = []
let formulaire: (r: ReturnType<typeof generateur>, marque: string) => Record<string, string> = () => ({})

async function deposer(url: string, session: Session, champs: Record<string, string>, marque: string): Promise<Depot> {
  const debut = performance.now()
  try {
    const r = await fetch(`${url}/espace/saisines/nouvelle`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: session.cookie, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...champs, csrf: session.csrf, action: 'deposer' }),
      signal: AbortSignal.timeout(60_000),
    })
    await r.arrayBuffer()
    const id = Number(r.headers.get('location')?.match(/^\/espace\/saisines\/(\d+)\?fait=deposee$/)?.[1]) || undefined
    return { marque, statut: r.status, id, debut, fin: performance.now() }
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause
    return { marque, statut: 'reseau', cause: cause?.code ?? cause?.message ?? (e as Error).name, debut, fin: performance.now() }
  }
}

const acquittee = (d: Depot) => d.statut === 303 && d.id !== undefined

/** Les saisines d'id > depuis, avec la marque lue dans leur texte libre (déchiffré). */
async function marquesEnBase(depuis: number): Promise<Map<number, string | null>> {
  const { dechiffrerChamp } = await import('../cms/saisines/chiffrement')
  const docs = (
    await payload!.find({ collection: 'saisines', where: { id: { greater_than: depuis } }, pagination: false, depth: 0, overrideAccess: true, select: { jeton: true, texteLibre: true } })
  ).docs as unknown as { id: number; jeton: string; texteLibre: string | null }[]
  return new Map(docs.map((d) => [d.id, dechiffrerChamp('saisines', d.jeton, 'texteLibre', d.texteLibre)?.match(/\[(banc-[a-z0-9-]+)\]/)?.[1] ?? null]))
}

const dernierId = async () =>
  Number((await payload!.find({ collection: 'saisines', sort: '-id', limit: 1, depth: 0, overrideAccess: true, select: {} })).docs[0]?.id ?? 0)

/** Saisines acquittées absentes, marques en double, saisines en vol (sans réponse) enregistrées quand même. */
async function bilanDepots(depots: Depot[], depuis: number, prefixe: string) {
  // Seules les saisines de ce scénario : un dépôt d'un scénario précédent peut s'achever après `depuis`.
  const enBase = new Map([...(await marquesEnBase(depuis))].filter(([, m]) => m?.startsWith(`banc-${prefixe}-`)))
  const parMarque = new Map<string, number>()
  for (const marque of enBase.values()) if (marque) parMarque.set(marque, (parMarque.get(marque) ?? 0) + 1)
  const acquittees = depots.filter(acquittee)
  const perdues = acquittees.filter((d) => enBase.get(d.id!) !== d.marque).length
  const dupliquees = [...parMarque.values()].filter((n) => n > 1).length
  const nonAcquittees = new Set(depots.filter((d) => !acquittee(d)).map((d) => d.marque))
  const enVolEnregistrees = [...parMarque.keys()].filter((m) => nonAcquittees.has(m)).length
  return { envoyees: depots.length, acquittees: acquittees.length, perdues, dupliquees, sans_reponse_mais_enregistrees: enVolEnregistrees, en_base: enBase.size }
}

// ---------------------------------------------------------------------------

async function nettoyer() {
  for (const e of enfants) {
    try {
      process.kill(-e.pid!, 'SIGKILL')
    } catch {
      // déjà fini
    }
  }
  try {
    ;(payload?.db as unknown as { pool?: { on: (e: string, f: () => void) => void } } | undefined)?.pool?.on('error', () => {})
    await payload?.destroy()
  } catch {
    // fermeture au mieux
  }
  await portail?.arreter().catch(() => undefined)
  if (options.garder) {
    log(`Gardés (--garder) : dossier ${dossier}${cluster ? `, cluster PostgreSQL ${cluster.dossier} (arrêté)` : ''}`)
    cluster?.arreter()
    return
  }
  cluster?.arreter()
  if (cluster) rmSync(cluster.dossier, { recursive: true, force: true })
  if (dossier) rmSync(dossier, { recursive: true, force: true })
}

const minuterieGlobale = setTimeout(() => {
  log(`bench:charge : délai global de ${Math.round(DELAI_GLOBAL_MS / 60_000)} min dépassé, arrêt.`)
  void nettoyer().finally(() => process.exit(1))
}, DELAI_GLOBAL_MS)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void nettoyer().finally(() => process.exit(130)))

const resultat: Record<string, unknown> = { base: typeBase, duree_s: DUREE_S, connexions: CONNEXIONS }

try {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-banc-charge-'))
  port = await portLibre()
  envPortail = { SAISINES_EN_LIGNE: 'oui', PUBLICATION_DELAI_MS: '500' }
  if (typeBase === 'postgres') {
    cluster = await creerClusterPrive()
    envPortail.DATABASE_URL = cluster.url
    log(`Cluster PostgreSQL privé : port ${cluster.port}, dossier ${cluster.dossier}`)
  }
  const premier = await lancerPortail()
  const url = portail!.url
  log(`Portail prêt : ${url} (base ${typeBase}, premier démarrage ${Math.round(premier.pretMs / 1000)} s)`)

  // Les comptes, comme des personnes : opérateur installé, agent invité, connecté avec son second facteur.
  const operateur = await sessionOperateur(url, dossier)
  const pageComptes = await (await fetch(`${url}/espace/comptes`, { headers: { Cookie: operateur } })).text()
  const site = pageComptes.match(/<select[^>]*id="invitation-site"[\s\S]*?<option value="(\d+)"/)?.[1] ?? ''
  const agentCompte = { email: 'agent.banc-charge@interieur.gouv.fr', motDePasse: 'phrase-de-passe-du-banc-de-charge' }
  const cookie = await creerCompteParInvitation(url, dossier, operateur, agentCompte, 'agent-fsi', { site })
  const pageNouvelle = await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: cookie } })
  const csrf = (await pageNouvelle.text()).match(/name="csrf" value="([^"]*)"/)?.[1]
  if (pageNouvelle.status !== 200 || !csrf) throw new Error(`/espace/saisines/nouvelle répond ${pageNouvelle.status} sans jeton CSRF`)
  const session: Session = { cookie, csrf }

  // Le code du portail, dans ce processus, sur la même base : référentiels, comptes et relecture des saisines.
  Object.assign(process.env, { PASSERELLE_DONNEES: dossier, PASSERELLE_RACINE: racine, SAISINES_EN_LIGNE: 'oui' })
  if (envPortail.DATABASE_URL) process.env.DATABASE_URL = envPortail.DATABASE_URL
  else delete process.env.DATABASE_URL
  delete (process.env as Record<string, string | undefined>).NODE_ENV
  const { preparerPayload } = await import('../cms/base')
  const { entreesActives } = await import('../cms/saisines/referentiels')
  const { communesDeLAin } = await import('../domaine/territoire')
  const { PROFILS, SEXES, SITUATIONS_FAMILIALES, ACCORDS_CONTACT } = await import('../domaine/saisines')
  payload = await preparerPayload()
  problematiques = (await entreesActives(payload, 'problematique')).map((e) => e.code)
  communes = communesDeLAin().map((c) => c.code)
  const jour = new Date().toISOString().slice(0, 10)
  formulaire = (r, marque) => ({
    mode: 'portail',
    nature: r.oui(0.7) ? 'directe' : 'indirecte',
    date: jour,
    urgence: r.oui(0.1) ? 'oui' : 'non',
    profil: r.parmi(Object.keys(PROFILS)),
    problematique: r.parmi(problematiques),
    accepteContact: r.parmi(Object.keys(ACCORDS_CONTACT)),
    texteLibre: `Situation synthétique du banc de charge [${marque}].`,
    'personnes.0.nom': r.parmi(['Albarède', 'Bérangier', 'Castagnol', 'Dufresnoy', 'Escoffier']),
    'personnes.0.prenom': r.parmi(['Aurore', 'Basile', 'Capucine', 'Désiré', 'Eulalie']),
    'personnes.0.dateNaissance': `${r.entre(1940, 2005)}-0${r.entre(1, 9)}-1${r.entre(0, 9)}`,
    'personnes.0.sexe': r.parmi(Object.keys(SEXES)),
    'personnes.0.situationFamiliale': r.parmi(Object.keys(SITUATIONS_FAMILIALES)),
    'personnes.0.commune': r.parmi(communes),
  })
  const rng = generateur(20_261_204)
  let numero = 0
  const nouvelleMarque = (prefixe: string) => `banc-${prefixe}-${++numero}`

  // Charger Payload a bloqué ce processus plus longtemps que le keep-alive du serveur (5 s) : la connexion
  // gardée par fetch est fermée de l'autre côté, et un POST n'est jamais rejoué. Deux GET la renouvellent.
  for (let k = 0; k < 2; k++) await fetch(`${url}/sante`).then((r) => r.arrayBuffer()).catch(() => undefined)
  // Une saisine d'essai : le formulaire de ce banc est accepté tel quel.
  const essai = await deposer(url, session, formulaire(rng, nouvelleMarque('essai')), 'essai')
  if (!acquittee(essai)) throw new Error(`dépôt d’essai refusé (HTTP ${essai.statut}${essai.cause ? ` : ${essai.cause}` : ''}, serveur ${vivant() ? 'vivant' : 'arrêté'}) ; journal du serveur : ${portail?.dossier}/serveur.log`)

  // -------------------------------------------------------------------------
  // 1. Charge : recherche, puis création de saisines.
  const requetes = (
    JSON.parse(readFileSync(path.join(racine, '..', 'shared', 'fixtures', 'requetes-annuaire.json'), 'utf8')) as { requetes: { texte: string; commune?: string }[] }
  ).requetes.map((r) => `/annuaire/recherche.json?${new URLSearchParams({ q: r.texte, ...(r.commune ? { commune: r.commune } : {}) })}`)

  type Mesure = { requetes: number; erreurs: number; p50_ms: number | null; p95_ms: number | null; rps: number }
  const mesurer = (quoi: string, o: autocannon.Options, attendu: number) =>
    new Promise<Mesure & { reussies: number }>((ok, ko) => {
      const temps: number[] = []
      let erreurs = 0
      const debut = performance.now()
      const instance = autocannon({ ...o, connections: CONNEXIONS, duration: DUREE_S, timeout: 30 }, (e) => {
        if (e) return ko(e)
        const s = (performance.now() - debut) / 1000
        ok({ requetes: temps.length, erreurs, p50_ms: centile(temps, 50), p95_ms: centile(temps, 95), rps: Math.round(temps.length / s), reussies: temps.length - erreurs })
      })
      instance.on('response', (_c, statut, _o, ms) => {
        temps.push(ms)
        if (statut !== attendu) erreurs++
        if (temps.length >= PLAFOND_DEPOTS) instance.stop()
      })
      instance.on('reqError', () => erreurs++)
      log(`Charge ${quoi} : ${CONNEXIONS} clients pendant ${DUREE_S} s…`)
    })

  const chargeAvant = charge()
  const journalAvantCharge = tailleJournal()
  let i = 0
  const recherche = await mesurer('recherche', { url, requests: [{ setupRequest: (req) => ({ ...req, path: requetes[i++ % requetes.length]! }) }] }, 200)
  log(`Recherche : ${JSON.stringify(recherche)}`)
  const avantSaisines = (await payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
  const saisines = await mesurer(
    'saisines',
    {
      url: `${url}/espace/saisines/nouvelle`,
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/x-www-form-urlencoded' },
      requests: [{ setupRequest: (req) => ({ ...req, body: new URLSearchParams({ ...formulaire(rng, nouvelleMarque('charge')), csrf, action: 'deposer' }).toString() }) }],
    },
    303,
  )
  // À l'arrêt d'autocannon, des dépôts envoyés sans réponse lue s'achèvent encore côté serveur : on attend qu'ils aient fini.
  let creees = -1
  await attendre('le nombre de saisines stable', 60_000, async () => {
    const n = (await payload!.count({ collection: 'saisines', overrideAccess: true })).totalDocs - avantSaisines
    const stable = n === creees
    creees = n
    return stable ? true : undefined
  }, 2_000)
  // Moins de saisines que de 303 : des dépôts acquittés perdus. Plus : les dépôts en vol à l'arrêt (au plus un par client).
  const sansReponse = creees - saisines.reussies
  if (sansReponse < 0 || sansReponse > CONNEXIONS) {
    log(`Écart : ${saisines.reussies} réponses 303 pour ${creees} saisines créées.`)
    saisines.erreurs += Math.abs(sansReponse)
  }
  log(`Saisines : ${JSON.stringify({ ...saisines, creees })}`)
  resultat.charge_machine = { avant: chargeAvant, apres: charge(), coeurs: os.cpus().length }
  const { reussies: _r1, ...rechercheJson } = recherche
  const { reussies: _r2, ...saisinesJson } = saisines
  resultat.recherche = rechercheJson
  resultat.saisines = { ...saisinesJson, creees, en_vol_a_l_arret: Math.max(0, sansReponse) }
  // Les erreurs que le serveur a journalisées pendant la charge (recherche et saisines), vues ou non des clients.
  resultat.erreurs_journal_charge = erreursJournalDepuis(journalAvantCharge)
  if (recherche.erreurs) defaut(`recherche sous charge : ${recherche.erreurs} erreur(s)`)
  if (saisines.erreurs) defaut(`création de saisines sous charge : ${saisines.erreurs} erreur(s)`)

  /** Des clients qui déposent en boucle jusqu'à `arreter()` ; chaque dépôt gardé avec sa marque. */
  const deposants = (nombre: number, prefixe: string) => {
    const depots: Depot[] = []
    let actif = true
    const boucles = Array.from({ length: nombre }, async () => {
      while (actif && depots.length < PLAFOND_DEPOTS) {
        const marque = nouvelleMarque(prefixe)
        const d = await deposer(portail!.url, session, formulaire(rng, marque), marque)
        depots.push(d)
        // Serveur coupé : inutile de marteler une connexion refusée.
        if (d.statut === 'reseau') await attendreMs(50)
      }
    })
    return { depots, arreter: async () => ((actif = false), await Promise.all(boucles)) }
  }

  // -------------------------------------------------------------------------
  // 2. PostgreSQL redémarré sous charge (cluster privé seulement).
  if (cluster) {
    const journalAvant = tailleJournal()
    const depuis = await dernierId()
    const clients = Math.max(2, Math.floor(CONNEXIONS / 2))
    const ecrivains = deposants(clients, 'pg')
    const lectures: { statut: number | 'reseau'; fin: number }[] = []
    let lire = true
    const lecteurs = Array.from({ length: clients }, async () => {
      let k = 0
      while (lire && lectures.length < PLAFOND_DEPOTS) {
        try {
          const r = await fetch(`${portail!.url}${requetes[k++ % requetes.length]}`, { signal: AbortSignal.timeout(30_000) })
          await r.arrayBuffer()
          lectures.push({ statut: r.status, fin: performance.now() })
        } catch {
          lectures.push({ statut: 'reseau', fin: performance.now() })
          await attendreMs(50)
        }
      }
    })
    await attendreMs(5_000)
    log('Redémarrage de PostgreSQL (pg_ctl restart -m fast) sous charge…')
    const debutRedemarrage = performance.now()
    cluster.redemarrer()
    const finRedemarrage = performance.now()
    // Reprise : première saisine acquittée dont l'envoi a commencé après le retour de PostgreSQL, et /sante/pret en 200.
    let repriseMs: number | null = null
    try {
      repriseMs = await attendre('une saisine enregistrée après le redémarrage de PostgreSQL', 120_000, async () => {
        const d = ecrivains.depots.find((x) => x.debut >= finRedemarrage && acquittee(x))
        return d ? d.fin - debutRedemarrage : undefined
      })
    } catch (e) {
      defaut(`PostgreSQL redémarré : ${(e as Error).message}`)
    }
    let pretMs: number | null = null
    try {
      pretMs = await attendre('/sante/pret en 200 après le redémarrage de PostgreSQL', 120_000, async () =>
        (await fetch(`${portail!.url}/sante/pret`)).status === 200 ? performance.now() - debutRedemarrage : undefined,
      )
    } catch (e) {
      defaut(`PostgreSQL redémarré : ${(e as Error).message}`)
    }
    await attendreMs(3_000)
    await ecrivains.arreter()
    lire = false
    await Promise.all(lecteurs)
    const erreursEcriture = ecrivains.depots.filter((d) => !acquittee(d))
    const erreursLecture = lectures.filter((l) => l.statut !== 200)
    const bilan = await bilanDepots(ecrivains.depots, depuis, 'pg')
    const fenetre = [...erreursEcriture.map((d) => d.fin), ...erreursLecture.map((l) => l.fin)]
    resultat.redemarrage_postgres = {
      pg_ctl_restart_ms: Math.round(finRedemarrage - debutRedemarrage),
      reprise_ecriture_ms: repriseMs === null ? null : Math.round(repriseMs),
      sante_pret_ms: pretMs === null ? null : Math.round(pretMs),
      erreurs_ecriture: erreursEcriture.length,
      erreurs_lecture: erreursLecture.length,
      statuts_en_erreur: [...new Set([...erreursEcriture.map((d) => d.statut), ...erreursLecture.map((l) => l.statut)])],
      fenetre_erreurs_ms: fenetre.length ? Math.round(Math.max(...fenetre) - Math.min(...fenetre)) : 0,
      serveur_vivant: vivant(),
      erreurs_journal_serveur: erreursJournalDepuis(journalAvant),
      ...bilan,
    }
    log(`PostgreSQL redémarré : ${JSON.stringify(resultat.redemarrage_postgres)}`)
    if (!vivant()) defaut('PostgreSQL redémarré : le processus du portail est tombé')
    if (bilan.perdues) defaut(`PostgreSQL redémarré : ${bilan.perdues} saisine(s) acquittée(s) perdue(s)`)
    if (bilan.dupliquees) defaut(`PostgreSQL redémarré : ${bilan.dupliquees} saisine(s) dupliquée(s)`)
    // Bornées : les erreurs ne débordent pas du redémarrage lui-même (plus quelques secondes).
    if (fenetre.length && Math.max(...fenetre) - finRedemarrage > 15_000) defaut('PostgreSQL redémarré : des erreurs encore plus de 15 s après son retour')
    if (!vivant()) {
      log('Le portail est tombé : redémarrage pour les scénarios suivants.')
      await lancerPortail()
    }
  } else resultat.redemarrage_postgres = null

  // -------------------------------------------------------------------------
  // 3. kill -9 pendant des écritures de saisines.
  {
    const depuis = await dernierId()
    const ecrivains = deposants(Math.min(CONNEXIONS, 20), 'kill')
    await attendre('50 saisines acquittées', 60_000, async () => (ecrivains.depots.filter(acquittee).length >= 50 ? true : undefined), 20)
    log('kill -9 du portail pendant des écritures de saisines…')
    await portail!.tuer()
    await ecrivains.arreter()
    const { pretMs } = await lancerPortail()
    const bilan = await bilanDepots(ecrivains.depots, depuis, 'kill')
    resultat.kill_ecriture_saisine = { reprise_ms: pretMs, ...bilan }
    log(`kill pendant l’écriture : ${JSON.stringify(resultat.kill_ecriture_saisine)}`)
    if (bilan.perdues) defaut(`kill pendant l’écriture : ${bilan.perdues} saisine(s) acquittée(s) perdue(s)`)
    if (bilan.dupliquees) defaut(`kill pendant l’écriture : ${bilan.dupliquees} saisine(s) dupliquée(s)`)
    const apres = await deposer(portail!.url, session, formulaire(rng, nouvelleMarque('apres')), 'apres')
    if (!acquittee(apres)) defaut(`kill pendant l’écriture : au redémarrage, dépôt refusé (HTTP ${apres.statut})`)
  }

  // -------------------------------------------------------------------------
  // 4. kill -9 pendant une publication (astro build en cours).
  {
    const cookieOp = await sessionOperateur(portail!.url, dossier)
    const entetes = { Cookie: cookieOp, 'Content-Type': 'application/json' }
    const liste = (await (await fetch(`${portail!.url}/api/structures?limit=1&depth=0&sort=id`, { headers: entetes })).json()) as {
      docs: { id: number; id_source: string; nom: string }[]
    }
    const structure = liste.docs[0]!
    const fiche = `/annuaire/${structure.id_source}/`
    const nouveauNom = `${structure.nom} (banc ${Date.now().toString(36)})`
    const modification = await fetch(`${portail!.url}/api/structures/${structure.id}`, { method: 'PATCH', headers: entetes, body: JSON.stringify({ nom: nouveauNom }) })
    if (modification.status !== 200) throw new Error(`modification de la structure refusée (HTTP ${modification.status})`)
    const groupe = portail!.groupe!
    const astroConstruit = () => {
      try {
        return execFileSync('pgrep', ['-g', String(groupe), '-f', 'astro.mjs build'], { encoding: 'utf8' }).trim() !== ''
      } catch {
        return false
      }
    }
    await attendre('astro build en cours', 120_000, async () => (astroConstruit() ? true : undefined))
    await attendreMs(3_000)
    const pendantBuild = astroConstruit()
    log(`kill -9 du portail pendant la publication (astro build ${pendantBuild ? 'en cours' : 'déjà fini'})…`)
    await portail!.tuer()
    const { pretMs } = await lancerPortail()
    const servie = await fetch(portail!.url + fiche)
    const ancienServi = servie.status === 200 && !(await servie.text()).includes(nouveauNom)
    const debut = Date.now()
    let publieeMs: number | null = null
    try {
      await attendre('la fiche modifiée publiée', 300_000, async () => ((await (await fetch(portail!.url + fiche)).text()).includes(nouveauNom) ? true : undefined), 500)
      publieeMs = Date.now() - debut + pretMs
    } catch (e) {
      defaut(`kill pendant la publication : ${(e as Error).message}`)
    }
    const etat = (await (await fetch(`${portail!.url}/sante/pret`)).json()) as { publication?: { statut?: string } }
    resultat.kill_publication = {
      astro_build_en_cours: pendantBuild,
      reprise_ms: pretMs,
      dernier_site_servi: ancienServi,
      modification_publiee_ms: publieeMs,
      statut_publication: etat.publication?.statut ?? null,
    }
    log(`kill pendant la publication : ${JSON.stringify(resultat.kill_publication)}`)
    if (!pendantBuild) defaut('kill pendant la publication : astro build était déjà fini au moment de la coupure')
    if (!ancienServi) defaut('kill pendant la publication : le dernier portail bon n’est pas servi au redémarrage')
  }

  // -------------------------------------------------------------------------
  // 5. kill -9 pendant un import de l'annuaire (import et serveur coupés ensemble).
  {
    const source = JSON.parse(readFileSync(path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json'), 'utf8')) as {
      structures: { id: string; nom: string }[]
      services: { id: string; structure_id: string }[]
    }
    const COPIES = 4
    const gros = { ...source, structures: [] as unknown[], services: [] as unknown[] }
    for (let c = 1; c <= COPIES; c++) {
      gros.structures.push(...source.structures.map((s) => ({ ...s, id: `${s.id}-banc${c}`, nom: `${s.nom} (copie ${c})` })))
      gros.services.push(...source.services.map((s) => ({ ...s, id: `${s.id}-banc${c}`, structure_id: `${s.structure_id}-banc${c}` })))
    }
    const fichier = path.join(dossier, 'annuaire-banc.json')
    writeFileSync(fichier, JSON.stringify(gros))
    const compter = async () => ({
      structures: (await payload!.count({ collection: 'structures', overrideAccess: true })).totalDocs,
      services: (await payload!.count({ collection: 'services', overrideAccess: true })).totalDocs,
    })
    const avant = await compter()
    const importer = () => {
      const env: NodeJS.ProcessEnv = { ...process.env, PASSERELLE_DONNEES: dossier }
      const enfant = spawn(process.execPath, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--import', './serveur/versionNode.ts', 'cms/annuaire/cli/importer.ts', fichier], {
        cwd: racine,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
      enfants.add(enfant)
      let sortie = ''
      enfant.stdout!.on('data', (d: Buffer) => (sortie += d.toString()))
      enfant.stderr!.on('data', (d: Buffer) => (sortie += d.toString()))
      const fin = new Promise<number | null>((ok) => enfant.once('exit', (code) => (enfants.delete(enfant), ok(code))))
      return { enfant, fin, sortie: () => sortie }
    }
    // La transaction de l'import écrit-elle ? PostgreSQL : un identifiant de transaction attribué depuis plus d'1 s ;
    // SQLite : le verrou d'écriture est pris (BEGIN IMMEDIATE refusé sans attendre).
    const ecritureEnCours = async (): Promise<boolean> => {
      if (cluster) {
        const client = new pg.Client({ connectionString: cluster.url })
        await client.connect()
        try {
          const r = await client.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'passerelle' AND backend_xid IS NOT NULL AND now() - xact_start > interval '1 second'",
          )
          return (r.rows[0] as { n: number }).n > 0
        } finally {
          await client.end()
        }
      }
      const db = new DatabaseSync(path.join(dossier!, 'passerelle.db'), { timeout: 0 })
      try {
        db.exec('BEGIN IMMEDIATE')
        db.exec('ROLLBACK')
        return false
      } catch {
        return true
      } finally {
        db.close()
      }
    }
    const premierImport = importer()
    let consecutifs = 0
    const debutImport = Date.now()
    await attendre(
      'la transaction de l’import qui écrit',
      300_000,
      async () => {
        if (premierImport.enfant.exitCode !== null) throw new Error('fini')
        consecutifs = (await ecritureEnCours()) ? consecutifs + 1 : 0
        return consecutifs >= 5 ? true : undefined
      },
      300,
    ).catch(() => undefined)
    await attendreMs(2_000)
    const tueEnCours = premierImport.enfant.exitCode === null && consecutifs >= 5
    log(`kill -9 de l’import et du portail (${Math.round((Date.now() - debutImport) / 1000)} s après le début de l’import, écriture ${tueEnCours ? 'en cours' : 'non constatée'})…`)
    try {
      process.kill(-premierImport.enfant.pid!, 'SIGKILL')
    } catch {
      // déjà fini
    }
    await portail!.tuer()
    await premierImport.fin
    const { pretMs } = await lancerPortail()
    const apresCoupure = await compter()
    const rienDuFichier = apresCoupure.structures === avant.structures && apresCoupure.services === avant.services
    // Relancé sans coupure, le même import passe en entier.
    const debutComplet = Date.now()
    const second = importer()
    const code = await second.fin
    const dureeComplet = Date.now() - debutComplet
    const apresImport = await compter()
    const toutLeFichier =
      code === 0 && apresImport.structures === avant.structures + gros.structures.length && apresImport.services === avant.services + gros.services.length
    resultat.kill_import = {
      enregistrements: gros.structures.length + gros.services.length,
      ecriture_en_cours_a_la_coupure: tueEnCours,
      reprise_ms: pretMs,
      rien_apres_coupure: rienDuFichier,
      tout_apres_relance: toutLeFichier,
      import_complet_ms: dureeComplet,
    }
    log(`kill pendant l’import : ${JSON.stringify(resultat.kill_import)}`)
    if (!tueEnCours) defaut('kill pendant l’import : la transaction n’écrivait pas au moment de la coupure')
    if (!rienDuFichier) defaut(`kill pendant l’import : import partiel (${JSON.stringify(avant)} avant, ${JSON.stringify(apresCoupure)} après)`)
    if (!toutLeFichier) defaut(`kill pendant l’import : import relancé incomplet (code ${code}) : ${second.sortie().slice(-500)}`)
  }
  resultat.charge_machine = { ...(resultat.charge_machine as object), fin: charge() }
  resultat.defauts = defauts
} catch (e) {
  log(`bench:charge : échec — ${(e as Error).stack ?? (e as Error).message}`)
  resultat.defauts = [...defauts, `échec : ${(e as Error).message}`]
  process.exitCode = 1
} finally {
  clearTimeout(minuterieGlobale)
  await nettoyer()
}
console.log(JSON.stringify(resultat))
process.exit(process.exitCode ?? ((resultat.defauts as string[] | undefined)?.length ? 1 : 0))
