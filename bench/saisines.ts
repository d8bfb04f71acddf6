/**
 * Banc d'essai des saisines :
 *
 *   npm run bench:saisines -- [--saisines N] [--noms FICHIER] [--garder] [--base sqlite|postgres]
 *                             [--requetes 500] [--connexions 20] [--chauffe 200]
 *
 * Démarre un portail de test (SQLite jetable, ou base PostgreSQL créée pour
 * l'occasion) avec SAISINES_EN_LIGNE=oui ; crée l'opérateur, invite un agent
 * FSI et le connecte avec son second facteur, comme une personne, par HTTP.
 * Puis :
 * 1. crée N saisines synthétiques (1000 par défaut) avec leur suivi (prise en
 *    charge, actes, orientations vers l'annuaire de démonstration, clôtures),
 *    par le même code que le portail (deposerSaisine, ajouterActe,
 *    ajouterOrientation… de cms/saisines/), tirées d'un générateur à graine
 *    fixe : deux lancements écrivent les mêmes saisines. Noms et prénoms
 *    viennent de FICHIER (un par ligne) s'il est donné, sinon d'une petite
 *    liste synthétique ;
 * 2. mesure la création de saisines sous 20 clients simultanés (autocannon,
 *    boucle locale) : le vrai POST de /espace/saisines/nouvelle (formulaire,
 *    jeton CSRF, clé du formulaire neuve, action=deposer ; 303 = déposée). Si la page n'existe pas
 *    encore sur cette branche, la même boucle concurrente appelle
 *    deposerSaisine directement (« chemin » : « service » au lieu de « http »).
 *    Avant la mesure, --chauffe dépôts (200 par défaut) passent par le même
 *    chemin sans être chronométrés avec elle : ce qu'on mesure, c'est un
 *    portail en service, pas un serveur qui compile encore son code. Leur p95
 *    est rendu à part (« chauffe_p95_ms »), leurs erreurs comptent.
 * Chaque temps de réponse est gardé (p95 exact) ; le nombre de saisines en
 * base est recompté après la mesure, et un écart compte comme erreur.
 * Dernière ligne de stdout, en JSON :
 *   {"n_saisines","p50_ms","p95_ms","erreurs","base","fichier_sqlite","chemin",
 *    "cpu_serveur_ms_par_depot","charge_machine","chauffe","chauffe_p95_ms"}
 * `fichier_sqlite` : le fichier SQLite utilisé (null sur PostgreSQL), gardé
 * seulement avec --garder (avec la base PostgreSQL et le dossier du portail).
 */
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { demarrerPortailDeTest, type PortailDeTest } from '../tests/e2e/demarrerPortail'
import { creerCompteParInvitation, sessionOperateur } from '../tests/e2e/operateur'
import { generateur } from './aleatoire'
import { cpuDeLArbre } from './cpu'
import { racine, serveurPostgres } from '../tests/outils/payloadDeTest'
import type { OrdreSalve, ResultatSalve } from './salveDepots'

const log = (m: string) => process.stderr.write(`${m}\n`)
const echec = (m: string): never => {
  log(`bench:saisines : ${m}`)
  process.exit(1)
}

let options
try {
  options = parseArgs({
    options: {
      saisines: { type: 'string', default: '1000' },
      noms: { type: 'string' },
      garder: { type: 'boolean', default: false },
      base: { type: 'string', default: 'sqlite' },
      requetes: { type: 'string', default: '500' },
      connexions: { type: 'string', default: '20' },
      chauffe: { type: 'string', default: '200' },
    },
  }).values
} catch (e) {
  const m = (e as Error).message
  const option = m.match(/'(--?[^' ]+)/)?.[1] ?? ''
  const cause = /^Unknown option/.test(m)
    ? `option inconnue « ${option} »`
    : /ambiguous|missing/.test(m)
      ? `« ${option} » : valeur manquante (écrivez ${option} VALEUR)`
      : `ligne de commande invalide (${m})`
  echec(`${cause} ; options : --saisines N, --noms FICHIER, --garder, --base sqlite|postgres, --requetes N, --connexions N, --chauffe N`)
  throw e
}
const entier = (nom: string, v: string, min: number) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) echec(`--${nom} : nombre entier d’au moins ${min} attendu (reçu « ${v} »)`)
  return n
}
const N = entier('saisines', options.saisines, 0)
const REQUETES = entier('requetes', options.requetes, 1)
const CONNEXIONS = entier('connexions', options.connexions, 1)
const CHAUFFE = entier('chauffe', options.chauffe, 0)
const typeBase = options.base
if (typeBase !== 'sqlite' && typeBase !== 'postgres') echec(`--base : « sqlite » ou « postgres » attendu (reçu « ${typeBase} »)`)

// ---------------------------------------------------------------------------
// Tirages déterministes.

const GRAINE = 20_261_203

const NOMS_SYNTHETIQUES = ['Albarède', 'Bérangier', 'Castagnol', 'Dufresnoy', 'Escoffier', 'Fontanel', 'Garrigou', 'Hautecœur', 'Issartel', 'Jolivet', 'Lacombe', 'Mareuil', 'Nogaret', 'Orsini', 'Peyrache', 'Quintard', 'Rouvière', 'Sabatier', 'Tournemire', 'Vialatte']
const PRENOMS_SYNTHETIQUES = ['Aurore', 'Basile', 'Capucine', 'Désiré', 'Eulalie', 'Firmin', 'Gaëlle', 'Honoré', 'Iris', 'Joachim', 'Léonie', 'Marius', 'Noémie', 'Octave', 'Pétronille', 'Rémi', 'Solène', 'Théophile', 'Ursule', 'Victorin']
const lireNoms = (fichier: string) => {
  try {
    return readFileSync(fichier, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
  } catch (e) {
    return echec(`--noms : lecture de ${fichier} impossible (${(e as NodeJS.ErrnoException).code ?? (e as Error).name})`)
  }
}
const listeNoms = options.noms ? lireNoms(options.noms) : null
if (listeNoms && listeNoms.length === 0) echec(`--noms : le fichier ${options.noms} ne contient aucun nom (un par ligne)`)
const NOMS = listeNoms ?? NOMS_SYNTHETIQUES
const PRENOMS = listeNoms ?? PRENOMS_SYNTHETIQUES

/** Envoie les dépôts depuis un processus fils (bench/salveDepots.ts) et rend ses mesures. */
const salve = (ordre: OrdreSalve) =>
  new Promise<ResultatSalve>((ok, ko) => {
    const fils = fork(fileURLToPath(new URL('./salveDepots.ts', import.meta.url)), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    fils.once('message', (r) => ok(r as ResultatSalve))
    fils.once('error', ko)
    fils.once('exit', (code) => code !== 0 && ko(new Error(`le processus d’envoi s’est arrêté (code ${code})`)))
    fils.send(ordre)
  })

const centile = (valeurs: number[], p: number) => {
  if (!valeurs.length) return null
  const triees = [...valeurs].sort((a, b) => a - b)
  return Math.round(triees[Math.min(triees.length - 1, Math.ceil((p / 100) * triees.length) - 1)]! * 10) / 10
}

// ---------------------------------------------------------------------------

let portail: PortailDeTest | undefined
let nomBasePg: string | undefined
let payload: import('payload').Payload | undefined
const sql = async (requete: string) => {
  const client = new pg.Client({ connectionString: `${serveurPostgres()}/postgres` })
  await client.connect()
  try {
    await client.query(requete)
  } finally {
    await client.end()
  }
}

try {
  const envPortail: Record<string, string> = { SAISINES_EN_LIGNE: 'oui' }
  if (typeBase === 'postgres') {
    nomBasePg = `passerelle_bench_saisines_${process.pid}_${Date.now()}`
    await sql(`CREATE DATABASE ${nomBasePg}`)
    envPortail.DATABASE_URL = `${serveurPostgres()}/${nomBasePg}`
  }
  portail = await demarrerPortailDeTest({ env: envPortail })
  const url = portail.url
  log(`Portail prêt : ${url} (base ${typeBase})`)

  // Les comptes, comme des personnes : opérateur installé, agent invité, connecté avec son second facteur.
  const operateur = await sessionOperateur(url, portail.dossier)
  const pageComptes = await (await fetch(`${url}/espace/comptes`, { headers: { Cookie: operateur } })).text()
  const site = pageComptes.match(/<select[^>]*id="invitation-site"[\s\S]*?<option value="(\d+)"/)?.[1] ?? ''
  const agentCompte = { email: 'agent.banc-saisines@interieur.gouv.fr', motDePasse: 'phrase-de-passe-du-banc-saisines' }
  const cookie = await creerCompteParInvitation(url, portail.dossier, operateur, agentCompte, 'agent-fsi', { site })
  const pageNouvelle = await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: cookie } })
  const htmlNouvelle = await pageNouvelle.text()
  const csrf = htmlNouvelle.match(/name="csrf" value="([^"]*)"/)?.[1]
  const chemin: 'http' | 'service' = pageNouvelle.status === 200 && csrf ? 'http' : 'service'
  if (chemin === 'service') log(`/espace/saisines/nouvelle répond ${pageNouvelle.status} : la mesure appelle deposerSaisine directement (chemin « service »).`)

  // Le même code que le portail, dans ce processus, sur la même base.
  Object.assign(process.env, { PASSERELLE_DONNEES: portail.dossier, PASSERELLE_RACINE: racine, SAISINES_EN_LIGNE: 'oui' })
  if (envPortail.DATABASE_URL) process.env.DATABASE_URL = envPortail.DATABASE_URL
  else delete process.env.DATABASE_URL
  const { preparerPayload } = await import('../cms/base')
  const { acteurSaisineDe } = await import('../cms/saisines/acteur')
  const { deposerSaisine, posteDeLUnite } = await import('../cms/saisines/depot')
  const traitement = await import('../cms/saisines/traitement')
  const { entreesActives } = await import('../cms/saisines/referentiels')
  const { communesDeLAin } = await import('../domaine/territoire')
  const { MODES_SAISINE, PROFILS, SEXES, SITUATIONS_FAMILIALES, ACCORDS_CONTACT, TYPES_ACTE, nouvelleCleDepot } = await import('../domaine/saisines')
  payload = await preparerPayload()
  const p = payload

  const agentDoc = (await p.find({ collection: 'utilisateurs', where: { email: { equals: agentCompte.email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  const agent = acteurSaisineDe(agentDoc)
  if (!agent || agent.site === null) throw new Error('agent du banc introuvable ou sans unité')
  const poste =
    (await posteDeLUnite(p, agent.site)) ??
    (await p.create({ collection: 'postes', data: { intitule: 'IS du banc', slug: 'is-banc-saisines', secteur: 'Banc', sites: [agent.site] }, overrideAccess: true, context: { sansPublication: true } }))
  const intervenant = acteurSaisineDe(
    await p.create({ collection: 'utilisateurs', data: { email: 'is.banc-saisines@example.org', role: 'intervenant', poste: poste.id }, overrideAccess: true }),
  )!
  const problematiques = (await entreesActives(p, 'problematique')).map((e) => e.code)
  const origines = (await entreesActives(p, 'mode-saisine')).map((e) => e.code)
  const structures = (await p.find({ collection: 'structures', limit: 200, depth: 0, overrideAccess: true, select: { nom: true } })).docs.map((s) => s.id)
  const communes = communesDeLAin().map((c) => c.code)
  const modesIntervenant = Object.keys(MODES_SAISINE).filter((m) => m !== 'portail')
  const aujourdhui = new Date()
  const jourIlYA = (jours: number) => new Date(aujourdhui.getTime() - jours * 86_400_000).toISOString().slice(0, 10)

  type Rng = ReturnType<typeof generateur>
  /** Un formulaire de dépôt synthétique, à plat, comme la page l'envoie. */
  const formulaire = (r: Rng, parAgent: boolean, date = jourIlYA(r.entre(0, 300))) => {
    const champs: Record<string, string> = {
      mode: parAgent ? 'portail' : r.parmi(modesIntervenant),
      nature: r.oui(0.7) ? 'directe' : 'indirecte',
      date,
      urgence: r.oui(0.1) ? 'oui' : 'non',
      profil: r.parmi(Object.keys(PROFILS)),
      problematique: r.parmi(problematiques),
      accepteContact: r.parmi(Object.keys(ACCORDS_CONTACT)),
      texteLibre: `Situation synthétique n° ${r.entre(1, 1_000_000)} signalée au banc d’essai.`,
    }
    if (origines.length && r.oui(0.8)) champs.origine = r.parmi(origines)
    if (r.oui(0.5)) champs.ditALaPersonne = 'L’intervenant social prendra contact dans la semaine.'
    const personnes = r.oui(0.8) ? 1 : 2
    for (let i = 0; i < personnes; i++) {
      const k = `personnes.${i}`
      champs[`${k}.nom`] = r.parmi(NOMS)
      champs[`${k}.prenom`] = r.parmi(PRENOMS)
      if (r.oui(0.85)) champs[`${k}.dateNaissance`] = `${r.entre(1940, 2010)}-${String(r.entre(1, 12)).padStart(2, '0')}-${String(r.entre(1, 28)).padStart(2, '0')}`
      else champs[`${k}.age`] = String(r.entre(16, 85))
      champs[`${k}.sexe`] = r.parmi(Object.keys(SEXES))
      champs[`${k}.situationFamiliale`] = r.parmi(Object.keys(SITUATIONS_FAMILIALES))
      champs[`${k}.commune`] = r.parmi(communes)
      if (r.oui(0.7)) champs[`${k}.telephone`] = `06 ${[0, 0, 0, 0].map(() => String(r.entre(0, 99)).padStart(2, '0')).join(' ')}`
    }
    return champs
  }

  // 1. N saisines synthétiques et leur suivi, par le service du portail.
  const rng = generateur(GRAINE)
  const urlPortail = { urlPortail: url }
  const debutCreation = performance.now()
  const echecs: string[] = []
  const verifier = (quoi: string, r: { ok: boolean; erreurs?: Record<string, string> }) => {
    if (!r.ok) echecs.push(`${quoi} : ${JSON.stringify(r.erreurs)}`)
    return r.ok
  }
  for (let i = 0; i < N; i++) {
    const parAgent = rng.oui(0.7)
    const champs = formulaire(rng, parAgent)
    const r = await deposerSaisine(p, parAgent ? agent : intervenant, champs, urlPortail)
    if (!verifier('dépôt', r) || !r.ok) continue
    if (!rng.oui(0.8)) continue
    const statut = (vers: string) => traitement.changerStatutSaisine(p, intervenant, r.id, vers)
    if (!verifier('prise en charge', await statut('prise-en-charge'))) continue
    if (rng.oui(0.15)) {
      verifier('injoignable', await statut('injoignable'))
      if (rng.oui(0.5)) verifier('retour', await traitement.enregistrerRetour(p, intervenant, r.id, 'absence-de-contact'))
      continue
    }
    verifier('contact', await statut('contactee'))
    verifier('accompagnement', await statut('accompagnement'))
    for (let a = rng.entre(1, 3); a > 0; a--)
      verifier('acte', await traitement.ajouterActe(p, intervenant, r.id, { type: rng.parmi(Object.keys(TYPES_ACTE)), date: champs.date!, texte: 'Compte rendu synthétique de l’acte.' }))
    if (rng.oui(0.3)) verifier('connaissance', await traitement.modifierConnaissance(p, intervenant, r.id, { connueDepartement: rng.parmi(['oui', 'non', 'inconnu']), connueCaf: rng.parmi(['oui', 'non', 'inconnu']) }))
    for (let o = rng.entre(0, 2); o > 0 && structures.length; o--) {
      const orientation = await traitement.ajouterOrientation(p, intervenant, r.id, { structure: String(rng.parmi(structures)), date: champs.date!, commentaire: 'Orientation synthétique.' })
      if (verifier('orientation', orientation) && orientation.ok && rng.oui(0.6)) verifier('statut d’orientation', await traitement.changerStatutDOrientation(p, intervenant, orientation.id, rng.oui(0.8) ? 'acceptee' : 'refusee'))
    }
    if (rng.oui(0.5)) {
      verifier('orientée', await statut('orientee'))
      if (rng.oui(0.5)) verifier('clôture', await statut('cloturee'))
    }
    if ((i + 1) % 100 === 0) log(`${i + 1} saisines créées (${Math.round((performance.now() - debutCreation) / 100) / 10} s)`)
  }
  if (echecs.length) throw new Error(`création des saisines synthétiques : ${echecs.length} échec(s), le premier : ${echecs[0]}`)
  const avantMesure = (await p.count({ collection: 'saisines', overrideAccess: true })).totalDocs
  log(`${avantMesure} saisines en base (${N} demandées) en ${Math.round((performance.now() - debutCreation) / 1000)} s.`)

  // 2. La création sous charge : CONNEXIONS clients simultanés. D'abord CHAUFFE dépôts
  // non chronométrés : un serveur qui vient de démarrer compile encore le chemin du dépôt
  // (sous 20 clients, le p95 des 200 premiers dépôts est de 170 à 740 ms, 80 à 90 ms ensuite, sur la même machine),
  // et un portail en service a déjà reçu des dépôts. Leurs temps sont rendus à part.
  const rngMesure = generateur(GRAINE + 1)
  const deposer = async (nombre: number) => {
    const temps: number[] = []
    let erreurs = 0
    if (nombre === 0) return { temps, erreurs }
    if (chemin === 'http') {
      // Les formulaires sont écrits avant l'envoi, qui part d'un processus à part (bench/salveDepots.ts).
      const corps = Array.from({ length: nombre }, () =>
        new URLSearchParams({ ...formulaire(rngMesure, true), csrf: csrf!, cleDepot: nouvelleCleDepot(), action: 'deposer' }).toString(),
      )
      const r = await salve({ url, cookie, connexions: CONNEXIONS, corps })
      if (r.erreur) throw new Error(`envoi des dépôts : ${r.erreur}`)
      temps.push(...r.temps)
      erreurs += r.statuts.filter((s) => s !== 303).length + r.erreursReseau
    } else {
      let restant = nombre
      const client = async () => {
        while (restant > 0) {
          restant--
          const champs = formulaire(rngMesure, true)
          const debut = performance.now()
          try {
            const r = await deposerSaisine(p, agent, champs, urlPortail)
            if (!r.ok) erreurs++
          } catch {
            erreurs++
          }
          temps.push(performance.now() - debut)
        }
      }
      await Promise.all(Array.from({ length: CONNEXIONS }, client))
    }
    return { temps, erreurs }
  }
  const chauffe = await deposer(CHAUFFE)
  if (CHAUFFE) log(`Chauffe (${chemin}) : ${chauffe.temps.length} dépôts, p95 ${centile(chauffe.temps, 95)} ms, ${chauffe.erreurs} erreur(s).`)
  const cpuAvant = cpuDeLArbre(portail.pid)
  const { temps, erreurs: erreursMesure } = await deposer(REQUETES)
  let erreurs = erreursMesure + chauffe.erreurs
  const cpuApres = cpuDeLArbre(portail.pid)
  const creees = (await p.count({ collection: 'saisines', overrideAccess: true })).totalDocs - avantMesure
  // Une réponse 303 qui n'a rien créé (session perdue, redirection vers la connexion) est une erreur aussi.
  const reussies = temps.length + chauffe.temps.length - erreurs
  if (creees !== reussies) {
    log(`Écart : ${reussies} réponses de succès pour ${creees} saisines créées.`)
    erreurs += Math.abs(reussies - creees)
  }
  log(`Mesure (${chemin}) : ${temps.length} dépôts, ${CONNEXIONS} clients, ${erreurs} erreur(s).`)
  // Sur une machine partagée, la charge dit dans quelles conditions les temps ont été mesurés.
  log(`Charge de la machine (moyenne sur 1 min) : ${os.loadavg()[0]!.toFixed(1)} pour ${os.cpus().length} cœurs.`)

  const fichierSqlite = typeBase === 'sqlite' ? path.join(portail.dossier, 'passerelle.db') : null
  console.log(
    JSON.stringify({
      n_saisines: N,
      p50_ms: centile(temps, 50),
      p95_ms: centile(temps, 95),
      erreurs,
      base: typeBase,
      fichier_sqlite: fichierSqlite,
      chemin,
      // Temps CPU du serveur par dépôt (chemin http) : moins sensible que la latence aux autres travaux de la machine.
      cpu_serveur_ms_par_depot: chemin === 'http' && cpuAvant !== null && cpuApres !== null && temps.length ? Math.round(((cpuApres - cpuAvant) / temps.length) * 100) / 100 : null,
      charge_machine: Math.round(os.loadavg()[0]! * 10) / 10,
      chauffe: chauffe.temps.length,
      chauffe_p95_ms: centile(chauffe.temps, 95),
    }),
  )
} catch (e) {
  log(`bench:saisines : échec — ${(e as Error).message}`)
  process.exitCode = 1
} finally {
  try {
    // Le pool PostgreSQL survit à destroy() : la suppression forcée de la base coupe ses connexions, c'est attendu.
    ;(payload?.db as unknown as { pool?: { on: (e: string, f: () => void) => void } } | undefined)?.pool?.on('error', () => {})
    await payload?.destroy()
  } catch {
    // fermeture au mieux
  }
  if (options.garder) {
    process.env.PASSERELLE_GARDER_E2E = '1'
    if (portail) log(`Gardés (--garder) : dossier ${portail.dossier}${nomBasePg ? `, base PostgreSQL ${nomBasePg}` : ''}`)
  }
  await portail?.arreter()
  if (nomBasePg && !options.garder) await sql(`DROP DATABASE IF EXISTS ${nomBasePg} WITH (FORCE)`).catch(() => undefined)
}
process.exit(process.exitCode ?? 0)
