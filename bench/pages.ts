/**
 * Banc d'essai du poids et de la vitesse des pages du portail, comme les voit
 * un agent sur un vieux poste de l'intranet :
 *
 *   npm run bench:pages -- [--repetitions 1]
 *
 * Démarre un portail de test (base SQLite jetable, annuaire de démonstration,
 * comme les tests de bout en bout), puis lance Lighthouse (réglages mobiles par
 * défaut : réseau lent et processeur ralenti simulés) dans le Chromium de
 * Debian sur cinq pages. Chaque passage part d'un cache vide : c'est une
 * première visite. Avec plusieurs répétitions, la médiane est gardée.
 * Dernière ligne de stdout, en JSON :
 *   {"pages":[{"page","octets_transferes","requetes","performance","accessibilite",
 *   "bonnes_pratiques","fcp_ms","lcp_ms","cls","tbt_ms","indice_processeur"}…],
 *   "charge_machine","objectifs","atteints"}
 * Le temps de blocage (tbt_ms) dépend de la machine : « indice_processeur »
 * (benchmarkIndex de Lighthouse) et « charge_machine » (charge moyenne sur une
 * minute, au début et à la fin) disent dans quelles conditions il a été mesuré.
 */
import os from 'node:os'
import { parseArgs } from 'node:util'

import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { demarrerPortailDeTest } from '../tests/e2e/demarrerPortail'
import { CHEMIN_CHROMIUM, DRAPEAUX_CHROMIUM } from '../tests/e2e/navigateur'

const PAGES = ['/', '/annuaire', '/annuaire/s-bourg-en-bresse-ccas', '/qui-contacter', '/permanences']
/** Objectifs de l'issue « Socle, second pass » : une page utilisable en une seconde environ sur l'intranet. */
const OBJECTIFS = { performance: 0.95, accessibilite: 1, bonnes_pratiques: 0.95, octets_transferes_max: 250 * 1024 }

const { values } = parseArgs({ options: { repetitions: { type: 'string', default: '1' } } })
const repetitions = Math.max(1, Number(values.repetitions) || 1)
const log = (m: string) => process.stderr.write(`${m}\n`)

type Mesure = {
  page: string
  octets_transferes: number
  requetes: number
  performance: number
  accessibilite: number
  bonnes_pratiques: number
  fcp_ms: number
  lcp_ms: number
  cls: number
  tbt_ms: number
  indice_processeur: number
}

const mediane = (valeurs: number[]) => {
  const triees = [...valeurs].sort((a, b) => a - b)
  return triees[Math.floor((triees.length - 1) / 2)]!
}

const chargeAuDebut = os.loadavg()[0]!
const portail = await demarrerPortailDeTest()
log(`Portail prêt : ${portail.url}`)
const chrome = await launch({ chromePath: CHEMIN_CHROMIUM, chromeFlags: ['--headless=new', ...DRAPEAUX_CHROMIUM], logLevel: 'error' })
const mesures: Mesure[] = []
try {
  for (const page of PAGES) {
    const passages: Mesure[] = []
    for (let i = 0; i < repetitions; i++) {
      const resultat = await lighthouse(portail.url + page, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      })
      if (!resultat) throw new Error(`Lighthouse n'a rien rendu pour ${page}`)
      const { categories, audits, runtimeError } = resultat.lhr
      if (runtimeError) throw new Error(`Lighthouse a échoué sur ${page} : ${runtimeError.code} ${runtimeError.message}`)
      const valeur = (audit: string) => Math.round(audits[audit]?.numericValue ?? Number.NaN)
      const details = audits['network-requests']?.details as { items?: unknown[] } | undefined
      passages.push({
        page,
        octets_transferes: valeur('total-byte-weight'),
        requetes: details?.items?.length ?? 0,
        performance: categories.performance?.score ?? 0,
        accessibilite: categories.accessibility?.score ?? 0,
        bonnes_pratiques: categories['best-practices']?.score ?? 0,
        fcp_ms: valeur('first-contentful-paint'),
        lcp_ms: valeur('largest-contentful-paint'),
        cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN) * 1000) / 1000,
        tbt_ms: valeur('total-blocking-time'),
        indice_processeur: Math.round(resultat.lhr.environment.benchmarkIndex),
      })
    }
    const mesure = Object.fromEntries(
      Object.keys(passages[0]!).map((cle) => [cle, cle === 'page' ? page : mediane(passages.map((p) => p[cle as keyof Mesure] as number))]),
    ) as Mesure
    log(JSON.stringify(mesure))
    mesures.push(mesure)
  }
} finally {
  chrome.kill()
  await portail.arreter()
}

const atteints = mesures.every(
  (m) =>
    m.performance >= OBJECTIFS.performance &&
    m.accessibilite >= OBJECTIFS.accessibilite &&
    m.bonnes_pratiques >= OBJECTIFS.bonnes_pratiques &&
    m.octets_transferes <= OBJECTIFS.octets_transferes_max,
)
const charge_machine = { debut: Math.round(chargeAuDebut * 10) / 10, fin: Math.round(os.loadavg()[0]! * 10) / 10, coeurs: os.cpus().length }
console.log(JSON.stringify({ repetitions, pages: mesures, charge_machine, objectifs: OBJECTIFS, atteints }))
