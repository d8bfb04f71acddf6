import { payloadPourCli, terminer } from '../../cli'
import { restaurer } from '../restaurer'
import { compterApres } from '../verification'

/** `npm run restauration -- FICHIER [--dry-run]` : vérifie tout, puis remplace base et médias (portail arrêté). */
let payload: Awaited<ReturnType<typeof payloadPourCli>> | undefined
try {
  const args = process.argv.slice(2)
  const simulation = args.includes('--dry-run')
  const fichiers = args.filter((a) => a !== '--dry-run')
  if (fichiers.length !== 1 || fichiers[0]!.startsWith('--'))
    throw new Error(fichiers.length === 0 ? 'indiquez le fichier de sauvegarde (npm run restauration -- FICHIER [--dry-run])' : `option ou argument en trop : « ${fichiers.find((f) => f.startsWith('--')) ?? fichiers[1]} »`)
  const r = await restaurer({ fichier: fichiers[0]!, simulation })
  const m = r.manifeste
  console.log(`Sauvegarde du ${m.creeLe} : base ${m.base}, migration ${m.migration ?? '—'}, ${m.fichiers.length} fichier(s), empreintes vérifiées.`)
  if (r.problemes.length) {
    console.error(`Restauration refusée, rien n’a été écrit :\n${r.problemes.map((p) => `  - ${p}`).join('\n')}`)
    await terminer(undefined, 1)
  }
  if (simulation) {
    console.log('Simulation (--dry-run) : la sauvegarde est lisible avec les clés configurées ; rien n’a été écrit.')
    await terminer(undefined, 0)
  }
  payload = await payloadPourCli()
  const ecarts = await compterApres(payload, m)
  if (ecarts.length) {
    console.error(`Base restaurée, mais des comptes diffèrent du manifeste :\n${ecarts.map((e) => `  - ${e}`).join('\n')}`)
    await terminer(payload, 1)
  }
  console.log('Base et médias restaurés ; chaque collection a le nombre d’enregistrements du manifeste. Redémarrez le portail.')
  await terminer(payload, 0)
} catch (e) {
  console.error(`Restauration impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
