import { configuration } from '../../../socle/configuration'
import { rapportRetention } from '../../../domaine/saisines'
import { payloadPourCli, terminer } from '../../cli'
import { appliquerConservation } from '../retention'

/** `npm run retention -- [--dry-run]` : efface les données personnelles des saisines dont la conservation est échue. */
let payload: Awaited<ReturnType<typeof payloadPourCli>> | undefined
try {
  const simulation = process.argv.includes('--dry-run')
  const inconnues = process.argv.slice(2).filter((a) => a !== '--dry-run')
  if (inconnues.length) throw new Error(`option inconnue « ${inconnues[0]} » (seule --dry-run est acceptée)`)
  payload = await payloadPourCli()
  const mois = configuration().saisines.retentionMois
  console.log(`Conservation des données personnelles : ${mois} mois après la clôture (RETENTION_SAISINES_MOIS).`)
  console.log(rapportRetention(await appliquerConservation(payload, { mois, simulation })))
  await terminer(payload, 0)
} catch (e) {
  console.error(`Conservation impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
