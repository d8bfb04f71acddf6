import type { Payload } from 'payload'

/**
 * Pour chaque collection, les champs de premier niveau qui portent l'identifiant
 * d'un autre enregistrement (relations, fichiers) : l'API REST n'accepte sur eux
 * que des identifiants numériques (socle/parametresApi.ts).
 */
export function champsIdentifiantsParCollection(payload: Payload): Map<string, ReadonlySet<string>> {
  return new Map(
    Object.entries(payload.collections).map(([slug, { config }]) => [
      slug,
      new Set(config.flattenedFields.filter((f) => f.type === 'relationship' || f.type === 'upload').map((f) => f.name)),
    ]),
  )
}
