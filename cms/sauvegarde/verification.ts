import type { Payload } from 'payload'

import type { Manifeste } from './manifeste'

/** Après restauration (et migrations) : chaque collection du manifeste a-t-elle son nombre d'enregistrements ? */
export async function compterApres(payload: Payload, m: Manifeste): Promise<string[]> {
  const ecarts: string[] = []
  const connues = new Set<string>(payload.config.collections.map((c) => c.slug))
  for (const [slug, attendu] of Object.entries(m.comptes)) {
    if (!connues.has(slug)) continue
    // Les migrations lancées au démarrage s'inscrivent dans payload-migrations : seules celles-là peuvent dépasser.
    const n = (await payload.count({ collection: slug as 'sites', overrideAccess: true })).totalDocs
    if (slug === 'payload-migrations' ? n < attendu : n !== attendu) ecarts.push(`${slug} : ${n} au lieu de ${attendu}`)
  }
  return ecarts
}
