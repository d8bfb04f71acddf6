import path from 'node:path'

import { configuration } from '../../../socle/configuration'
import { payloadPourCli, terminer } from '../../cli'
import { sauvegarder } from '../sauvegarder'

/** `npm run sauvegarde -- [--sortie FICHIER]` : sauvegarde chiffrée de la base et des médias, portail en marche. */
let payload: Awaited<ReturnType<typeof payloadPourCli>> | undefined
try {
  const args = process.argv.slice(2)
  const i = args.indexOf('--sortie')
  const inconnues = args.filter((a, j) => a !== '--sortie' && j !== i + 1)
  if (inconnues.length) throw new Error(`option inconnue « ${inconnues[0]} » (seule --sortie FICHIER est acceptée)`)
  if (i >= 0 && !args[i + 1]) throw new Error('--sortie : indiquez le fichier à écrire')
  const maintenant = new Date()
  const sortie = path.resolve(i >= 0 ? args[i + 1]! : path.join(configuration().dossierDonnees, 'sauvegardes', `passerelle-${maintenant.toISOString().replace(/[:.]/g, '-')}.sauvegarde`))
  const { mkdirSync } = await import('node:fs')
  mkdirSync(path.dirname(sortie), { recursive: true })
  payload = await payloadPourCli()
  const m = await sauvegarder(payload, { sortie, maintenant })
  const total = Object.values(m.comptes).reduce((a, b) => a + b, 0)
  console.log(`Sauvegarde écrite : ${sortie}`)
  console.log(`  base ${m.base}, migration ${m.migration ?? '—'}, ${total} enregistrements, ${m.fichiers.length - 1} média(s)`)
  console.log(`  clés nécessaires à la restauration : chiffrement ${m.cles.chiffrement.join(', ') || '—'} ; pseudonymisation ${m.cles.pseudonymisation} ; plus PASSERELLE_CLE_SAUVEGARDE`)
  console.log('Copiez-la hors de cette machine ; gardez les clés ailleurs que la sauvegarde.')
  await terminer(payload, 0)
} catch (e) {
  console.error(`Sauvegarde impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
