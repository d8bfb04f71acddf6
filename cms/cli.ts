import { getPayload, type Payload } from 'payload'

import { migrer } from './base'
import config from './payload.config'

/**
 * Payload pour les commandes de l'annuaire : comme `preparerPayload()`, mais
 * le journal de Payload part sur la sortie d'erreur et seulement à partir des
 * avertissements. La sortie standard reste au rapport, ou au fichier exporté
 * quand `annuaire:export` écrit sur stdout.
 */
export async function payloadPourCli(): Promise<Payload> {
  const configuration = await config
  const logger = { options: { level: 'warn' }, destination: process.stderr } as unknown as NonNullable<typeof configuration.logger>
  const payload = await getPayload({ config: { ...configuration, logger } })
  await migrer(payload)
  return payload
}

/** Ferme Payload sans masquer le code de sortie (le pool PostgreSQL peut traîner). */
export async function terminer(payload: Payload | undefined, code: number): Promise<never> {
  try {
    await payload?.destroy()
  } catch {
    // fermeture best effort
  }
  process.exit(code)
}
