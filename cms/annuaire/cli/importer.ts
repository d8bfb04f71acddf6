import path from 'node:path'

import type cliProgress from 'cli-progress'
import type { Payload } from 'payload'

import { ErreurLecture, lireFichierJson } from '../../../domaine/annuaire/lecture-json'

/**
 * `npm run annuaire:import -- FICHIER [--dry-run] [--partial]`
 *
 * Codes de sortie : 0 import réussi (ou simulation sans rejet, ou import
 * partiel) ; 1 enregistrements rejetés sans --partial, fichier illisible ou
 * import annulé par la base ; 2 erreur d'utilisation.
 */

const USAGE = `Usage : npm run annuaire:import -- FICHIER [--dry-run] [--partial]

Importe un fichier data·inclusion v1 (structures et services) dans l'annuaire,
par identifiant, en une seule transaction. Rien n'est supprimé.

  --dry-run   simulation : tout est vérifié et compté, rien n'est écrit
  --partial   importe les enregistrements valides même si d'autres sont rejetés
  --help      affiche cette aide`

/** Fichiers plus petits : pas de barre de progression. */
const SEUIL_PROGRESSION = 100

function lireArguments(argv: string[]): { fichier: string; simulation: boolean; partiel: boolean } | { aide: true } | { erreur: string } {
  let simulation = false
  let partiel = false
  const fichiers: string[] = []
  for (const a of argv) {
    if (a === '--') continue
    else if (a === '--dry-run' || a === '--simulation') simulation = true
    else if (a === '--partial' || a === '--partiel') partiel = true
    else if (a === '--help' || a === '-h') return { aide: true }
    else if (a.startsWith('-')) return { erreur: `option inconnue : ${a}` }
    else fichiers.push(a)
  }
  if (fichiers.length === 0) return { erreur: 'fichier à importer manquant' }
  if (fichiers.length > 1) return { erreur: `un seul fichier à la fois (reçu ${fichiers.length})` }
  return { fichier: fichiers[0]!, simulation, partiel }
}

const args = lireArguments(process.argv.slice(2))
if ('aide' in args) {
  console.log(USAGE)
  process.exit(0)
}
if ('erreur' in args) {
  console.error(`Erreur d'utilisation : ${args.erreur}\n\n${USAGE}`)
  process.exit(2)
}

let payload: Payload | undefined
let barre: cliProgress.SingleBar | undefined
// Payload et ses dépendances ne sont chargés qu'une fois les arguments et le fichier lus :
// une erreur d'utilisation ou un fichier illisible répondent aussitôt.
let terminer: (payload: Payload | undefined, code: number) => Promise<never> = async (_p, code) => process.exit(code)
let ErreurImport: typeof import('../import/importer').ErreurImport | undefined
try {
  const nomFichier = path.basename(args.fichier)
  const donnees = await lireFichierJson(path.resolve(args.fichier))
  const [{ default: progression }, cli, importer, { formaterRapport }, { signalerChangementAnnuaire }, { configuration }] = await Promise.all([
    import('cli-progress'),
    import('../../cli'),
    import('../import/importer'),
    import('../import/rapport'),
    import('../import/signal'),
    import('../../../socle/configuration'),
  ])
  terminer = cli.terminer
  ErreurImport = importer.ErreurImport
  const { importerDataInclusion } = importer
  payload = await cli.payloadPourCli()
  const rapport = await importerDataInclusion(payload, donnees, {
    nomFichier,
    partiel: args.partiel,
    simulation: args.simulation,
    surProgression: (fait, total) => {
      if (total < SEUIL_PROGRESSION) return
      if (!barre) {
        barre = new progression.SingleBar(
          { stream: process.stderr, format: 'Import {bar} {percentage} % | {value}/{total} enregistrements', hideCursor: true },
          progression.Presets.shades_classic,
        )
        barre.start(total, 0)
      }
      barre.update(fait)
    },
  })
  barre?.stop()
  console.log(formaterRapport(rapport))
  if (rapport.ecrit) {
    try {
      signalerChangementAnnuaire(configuration().dossierDonnees)
      console.log('Le serveur en cours d’exécution est prévenu : il republiera et réindexera l’annuaire.')
    } catch (e) {
      // L'import est enregistré : on ne le présente pas comme un échec, mais il faut republier à la main.
      console.error(
        `Attention : import enregistré, mais le serveur n'a pas pu être prévenu (${(e as Error).message}). ` +
          'Lancez une publication depuis l’admin pour mettre le portail et la recherche à jour.',
      )
    }
  }
  await terminer(payload, rapport.annule ? 1 : 0)
} catch (e) {
  barre?.stop()
  if (e instanceof ErreurLecture || (ErreurImport && e instanceof ErreurImport)) console.error(e.message)
  else console.error(`Import impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
