import { createHash } from 'node:crypto'

import type { KeyCreation } from 'meilisearch'

/**
 * La clé de recherche seule que l'adaptateur Meilisearch utilise pour chercher :
 * la clé maîtresse (ou d'administration) ne sert qu'à indexer. Si une faille du
 * portail laissait fuir la clé utilisée pour chercher, elle ne permettrait ni
 * d'écrire, ni de lire les clés, ni de toucher un autre index.
 *
 * L'uid est dérivé de la clé d'administration et du nom de l'index : chaque
 * démarrage retrouve la même clé (pas de clés qui s'accumulent), et changer la
 * clé maîtresse en donne une autre.
 */
export function descriptionCleRecherche(cleAdministration: string, index: string): KeyCreation & { uid: string } {
  const h = createHash('sha256').update(`passerelle-recherche\u0000${index}\u0000${cleAdministration}`).digest('hex')
  // Meilisearch exige un UUID v4 : version 4, variante RFC 4122.
  const variante = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  const uid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variante}${h.slice(17, 20)}-${h.slice(20, 32)}`
  return {
    uid,
    name: `passerelle-recherche-${index}`,
    description: 'Recherche seule dans l’annuaire de Passerelle (créée au démarrage du portail).',
    actions: ['search'],
    indexes: [index],
    expiresAt: null,
  }
}
