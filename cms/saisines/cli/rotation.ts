import { payloadPourCli, terminer } from '../../cli'
import { trousseau } from '../../chiffrement'
import { rapportRotation, rechiffrer } from '../rotation'

/** `npm run cles:rotation -- [--dry-run]` : rechiffre avec la clé actuelle ce qui l'était avec une ancienne. */
let payload: Awaited<ReturnType<typeof payloadPourCli>> | undefined
try {
  const simulation = process.argv.includes('--dry-run')
  const inconnues = process.argv.slice(2).filter((a) => a !== '--dry-run')
  if (inconnues.length) throw new Error(`option inconnue « ${inconnues[0]} » (seule --dry-run est acceptée)`)
  payload = await payloadPourCli()
  const rapport = await rechiffrer(payload, { simulation })
  console.log(rapportRotation(rapport, trousseau().kid))
  await terminer(payload, 0)
} catch (e) {
  console.error(`Rotation des clés impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
