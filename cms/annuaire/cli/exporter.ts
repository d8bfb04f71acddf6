import { renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { communesInconnues } from '../../../domaine/territoire'
import type { FormatExport } from '../../../domaine/annuaire/formats'

/**
 * `npm run annuaire:export -- --format json|csv|xlsx [--sortie FICHIER] [--communes 01053,01283]`
 *
 * JSON et CSV vont sur la sortie standard sans --sortie ; XLSX exige --sortie.
 * Messages et avertissements sur la sortie d'erreur. Codes de sortie : 0 export
 * écrit ; 1 erreur (base, écriture) ; 2 erreur d'utilisation.
 */

const USAGE = `Usage : npm run annuaire:export -- --format json|csv|xlsx [--sortie FICHIER] [--communes CODES]

Exporte l'annuaire des partenaires (structures et services).

  --format json|csv|xlsx   data·inclusion v1 (JSON), tableur CSV (« ; », UTF-8 avec BOM) ou classeur Excel
  --sortie FICHIER         fichier à écrire (obligatoire pour xlsx ; sinon sortie standard)
  --communes CODES         secteur : codes INSEE séparés par des virgules ; seuls les services
                           éligibles dans l'une de ces communes sont exportés
  --help                   affiche cette aide`

const FORMATS: FormatExport[] = ['json', 'csv', 'xlsx']

type Arguments = { format: FormatExport; sortie?: string; communes?: string[] }

function lireArguments(argv: string[]): Arguments | { aide: true } | { erreur: string } {
  let format: string | undefined
  let sortie: string | undefined
  let communes: string[] | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') continue
    if (a === '--help' || a === '-h') return { aide: true }
    const [nom, enLigne] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const valeur = () => enLigne ?? argv[++i]
    if (nom === '--format') format = valeur()
    else if (nom === '--sortie' || nom === '--output' || nom === '-o') sortie = valeur()
    else if (nom === '--communes' || nom === '--secteur') communes = (valeur() ?? '').split(',').map((c) => c.trim()).filter(Boolean)
    else if (a.startsWith('-')) return { erreur: `option inconnue : ${a}` }
    else return { erreur: `argument inattendu : ${a}` }
  }
  if (!format) return { erreur: '--format manquant (json, csv ou xlsx)' }
  if (!FORMATS.includes(format as FormatExport)) return { erreur: `format inconnu : ${format} (json, csv ou xlsx)` }
  if (sortie === undefined && format === 'xlsx') return { erreur: 'le format xlsx exige --sortie FICHIER' }
  if (sortie !== undefined && !sortie) return { erreur: '--sortie attend un nom de fichier' }
  if (communes !== undefined) {
    if (communes.length === 0) return { erreur: '--communes attend des codes INSEE séparés par des virgules' }
    const inconnues = communesInconnues(communes)
    if (inconnues.length > 0) return { erreur: `commune(s) inconnue(s) dans l'Ain : ${inconnues.join(', ')} (codes INSEE attendus, ex. 01053)` }
  }
  return { format: format as FormatExport, sortie, communes }
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

// Sortie standard fermée avant la fin (`… | head`) : ce n'est pas une erreur de l'export.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

let payload: Payload | undefined
// Payload n'est chargé qu'après la lecture des arguments : une erreur d'utilisation répond aussitôt.
let terminer: (payload: Payload | undefined, code: number) => Promise<never> = async (_p, code) => process.exit(code)
try {
  const [cli, { exporterAnnuaire }, { serialiser }, { decrireRejet }] = await Promise.all([
    import('../../cli'),
    import('../export/annuaire'),
    import('../../../domaine/annuaire/formats'),
    import('../import/rapport'),
  ])
  terminer = cli.terminer
  payload = await cli.payloadPourCli()
  const { donnees, problemes } = await exporterAnnuaire(payload, { communes: args.communes })
  const contenu = await serialiser(donnees, args.format)
  if (args.sortie) {
    const cible = path.resolve(args.sortie)
    // Écrit à côté puis renommé : jamais de fichier à moitié écrit à la place du précédent.
    const temporaire = path.join(path.dirname(cible), `.${path.basename(cible)}.${process.pid}.tmp`)
    writeFileSync(temporaire, contenu)
    renameSync(temporaire, cible)
  } else {
    await new Promise<void>((ok, ko) => process.stdout.write(contenu, (e) => (e ? ko(e) : ok())))
  }
  const { structures, services } = donnees._meta.nombres
  console.error(
    `Export ${args.format.toUpperCase()} : ${structures} structure${structures > 1 ? 's' : ''}, ${services} service${services > 1 ? 's' : ''}` +
      `${args.communes ? ` (secteur : ${args.communes.join(', ')})` : ''}${args.sortie ? ` → ${args.sortie}` : ''}.`,
  )
  if (problemes.length > 0) {
    console.error(`Attention : ${problemes.length} écart(s) au schéma data·inclusion (fiches exportées quand même) :`)
    for (const p of problemes.slice(0, 50)) console.error(`  - ${decrireRejet(p)}`)
    if (problemes.length > 50) console.error(`  … et ${problemes.length - 50} de plus`)
  }
  await terminer(payload, 0)
} catch (e) {
  console.error(`Export impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
