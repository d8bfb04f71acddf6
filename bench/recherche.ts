/**
 * Banc d'essai de la recherche de l'annuaire.
 *
 *   npm run bench:search -- [--data FICHIER] [--queries FICHIER] [--scale N]
 *                           [--engine embedded|meilisearch] [--repetitions R]
 *                           [--sans-memoire] [--sans-importeur]
 *
 * - charge un fichier data·inclusion v1 (par défaut ../shared/fixtures/
 *   partenaires-ain.json), le valide avec le schéma zod du projet, et le donne
 *   directement au moteur (remplacerTout) ;
 * - `--scale N` ajoute des services synthétiques, déterministes, jusqu'à N ;
 * - passe les requêtes (par défaut ../shared/fixtures/requetes-annuaire.json)
 *   et calcule la métrique de shared/fixtures/README.md (search/evaluation.ts) ;
 * - mesure la latence de chaque requête dans le processus (R passes après une
 *   passe de chauffe, dont les temps sont écrits à part sur stderr), la durée
 *   d'indexation et la mémoire (RSS en fin de mesure) ; `--sans-memoire`
 *   désactive la mémoire des scores texte du moteur embarqué (coût d'une
 *   requête jamais vue) ;
 * - écrit la progression et le détail des requêtes manquées sur stderr, et UNE
 *   ligne JSON, la dernière de stdout :
 *   {"engine","n_services","n_queries","success_at_3","mrr_at_10","empty_ok",
 *    "eligibility_violations","p50_ms","p95_ms","index_ms","rss_mb"}
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import cliProgress from 'cli-progress'

import { validerFichierDataInclusion } from '../content/schemas/data-inclusion.ts'
import { creerMoteurEmbarque } from '../search/adapters/embarque.ts'
import { creerMoteurMeilisearch } from '../search/adapters/meilisearch.ts'
import { documentsDepuisFichier } from '../search/document.ts'
import { documentsViaImporteur } from './viaImporteur.ts'
import { agreger, centile, fichierRequetes, mesurer, type MesureRequete } from '../search/evaluation.ts'
import type { MoteurRecherche } from '../search/port.ts'
import { completerSynthetique } from '../search/synthetique.ts'
import { vocabulaireParDefaut } from '../search/vocabulaire/index.ts'

const racineDepot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const log = (message: string) => process.stderr.write(`${message}\n`)

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(racineDepot, '../shared/fixtures/partenaires-ain.json') },
    queries: { type: 'string', default: path.resolve(racineDepot, '../shared/fixtures/requetes-annuaire.json') },
    scale: { type: 'string' },
    engine: { type: 'string', default: 'embedded' },
    repetitions: { type: 'string', default: '20' },
    'sans-memoire': { type: 'boolean', default: false },
    'sans-importeur': { type: 'boolean', default: false },
  },
  allowPositionals: false,
})

function lireJson(fichier: string): unknown {
  try {
    return JSON.parse(readFileSync(fichier, 'utf8'))
  } catch (e) {
    throw new Error(`${fichier} : lecture impossible (${(e as Error).message})`)
  }
}

function barre(titre: string) {
  return new cliProgress.SingleBar(
    { stream: process.stderr, format: `${titre} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  )
}

async function principal() {
  const moteurDemande = values.engine
  if (moteurDemande !== 'embedded' && moteurDemande !== 'meilisearch')
    throw new Error(`--engine : « embedded » ou « meilisearch » attendu, reçu « ${moteurDemande} »`)
  const echelle = values.scale === undefined ? undefined : Number(values.scale)
  if (echelle !== undefined && (!Number.isInteger(echelle) || echelle < 1)) throw new Error(`--scale : entier positif attendu, reçu « ${values.scale} »`)
  const repetitions = Number(values.repetitions)
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new Error(`--repetitions : entier positif attendu`)

  log(`Données : ${values.data}`)
  const fichier = validerFichierDataInclusion(lireJson(values.data), path.basename(values.data))
  // Par défaut comme en production : l'import data·inclusion puis les documents du CMS.
  const reels = values['sans-importeur']
    ? documentsDepuisFichier(fichier)
    : await documentsViaImporteur(lireJson(values.data), path.basename(values.data), log)
  // La métrique juge l'éligibilité sur la zone des données, pas sur ce que renvoie le moteur.
  const zones = new Map(reels.map((d) => [d.id, d.zone_eligibilite]))
  const documents = echelle && echelle > reels.length ? completerSynthetique(reels, echelle) : reels
  for (const d of documents) if (!zones.has(d.id)) zones.set(d.id, d.zone_eligibilite)
  log(`${reels.length} services réels${documents.length > reels.length ? `, ${documents.length - reels.length} synthétiques` : ''}`)

  const requetes = fichierRequetes.parse(lireJson(values.queries)).requetes
  log(`Requêtes : ${values.queries} (${requetes.length})`)

  const vocabulaire = vocabulaireParDefaut()
  let moteur: MoteurRecherche
  if (moteurDemande === 'embedded') moteur = creerMoteurEmbarque({ vocabulaire, memoireTexte: !values['sans-memoire'] })
  else {
    if (!process.env.MEILI_URL) throw new Error('--engine meilisearch : MEILI_URL (et MEILI_MASTER_KEY) doivent être définis')
    moteur = creerMoteurMeilisearch({ vocabulaire, index: 'passerelle-banc-essai', url: process.env.MEILI_URL, cleApi: process.env.MEILI_MASTER_KEY })
  }

  const indexation = barre('Indexation')
  indexation.start(documents.length, 0)
  const debutIndex = performance.now()
  await moteur.remplacerTout(documents, { progression: (faits) => indexation.update(faits) })
  const indexMs = performance.now() - debutIndex
  indexation.stop()

  // Passe de chauffe (compilation JIT, mémoires du moteur), chronométrée à
  // part et rapportée sur stderr ; puis les passes mesurées.
  const froides: number[] = []
  for (const q of requetes) {
    const debut = performance.now()
    await moteur.rechercher({ texte: q.texte, ...(q.commune ? { commune: q.commune } : {}), limite: 10, enCours: false })
    froides.push(performance.now() - debut)
  }
  log(`Passe de chauffe (JIT et mémoires vides) : p50 ${centile(froides, 50).toFixed(3)} ms, p95 ${centile(froides, 95).toFixed(3)} ms`)
  const durees: number[] = []
  const dureesCpu: number[] = []
  let mesures: MesureRequete[] = []
  const passes = barre('Requêtes')
  passes.start(requetes.length * repetitions, 0)
  for (let p = 0; p < repetitions; p++) {
    for (const q of requetes) {
      const cpu = process.cpuUsage()
      const debut = performance.now()
      const reponse = await moteur.rechercher({ texte: q.texte, ...(q.commune ? { commune: q.commune } : {}), limite: 10, enCours: false })
      durees.push(performance.now() - debut)
      const c = process.cpuUsage(cpu)
      dureesCpu.push((c.user + c.system) / 1000)
      if (p === 0) mesures.push(mesurer(q, reponse, zones))
      passes.increment()
    }
  }
  passes.stop()
  const evaluation = agreger(mesures)
  // Temps processeur consommé par requête (tous fils du processus, GC compris) :
  // le coût du moteur, indépendant des autres processus de la machine, qui
  // allongent le temps écoulé quand ils prennent le processeur.
  log(`Temps processeur par requête : p50 ${centile(dureesCpu, 50).toFixed(3)} ms, p95 ${centile(dureesCpu, 95).toFixed(3)} ms ; charge de la machine : ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)

  const attendus = new Map(requetes.map((q) => [q.id, new Set(q.attendus)]))
  const manquees = evaluation.par_requete.filter((m) => m.succes_a_3 === 0 || (m.rr_a_10 !== null && m.rr_a_10 < 1) || m.violations > 0)
  if (manquees.length === 0) log('Aucune requête manquée.')
  for (const m of manquees) {
    log(
      `${m.id} « ${m.texte} »${m.commune ? ` (${m.commune})` : ''} : success@3=${m.succes_a_3} rr@10=${m.rr_a_10?.toFixed(2) ?? '—'} ` +
        `violations=${m.violations} statut=${m.statut}`,
    )
    for (const id of m.premiers.slice(0, 5)) log(`    ${attendus.get(m.id)?.has(id) ? 'attendu ' : '        '} ${id}`)
  }
  mesures = []

  const resultat = {
    engine: moteurDemande,
    n_services: documents.length,
    n_queries: evaluation.n_queries,
    success_at_3: Number(evaluation.success_at_3.toFixed(4)),
    mrr_at_10: Number(evaluation.mrr_at_10.toFixed(4)),
    empty_ok: Number(evaluation.empty_ok.toFixed(4)),
    eligibility_violations: evaluation.eligibility_violations,
    p50_ms: Number(centile(durees, 50).toFixed(3)),
    p95_ms: Number(centile(durees, 95).toFixed(3)),
    index_ms: Math.round(indexMs),
    rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  }
  process.stdout.write(`${JSON.stringify(resultat)}\n`)
}

principal().catch((e: unknown) => {
  log(`Échec du banc d'essai : ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
