import { preparerPayload } from '../base'
import { resumerBilan, seeder } from '.'

/** `npm run seed` : amorce le contenu de content/ sans écraser les modifications faites dans l'admin. */
try {
  const payload = await preparerPayload()
  const bilan = await seeder(payload)
  console.log(`Amorçage terminé — ${resumerBilan(bilan)}`)
  await payload.destroy()
  process.exit(0)
} catch (e) {
  console.error((e as Error).message)
  process.exit(1)
}
