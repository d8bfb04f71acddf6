/** Encodages précompressés que le portail publie à côté de ses fichiers (site/construction/precompression.ts). */
export const ENCODAGES = [
  { nom: 'br', extension: '.br' },
  { nom: 'gzip', extension: '.gz' },
] as const
export type Encodage = (typeof ENCODAGES)[number]['nom']

/**
 * Choisit, parmi les versions disponibles, celle que le client accepte le
 * mieux (valeurs q d'Accept-Encoding, « * » compris) ; à préférence égale,
 * brotli, plus compact. Sans en-tête, ou si rien ne convient : undefined
 * (fichier d'origine).
 */
export function choisirEncodage(accept: string | undefined, disponibles: readonly Encodage[]): Encodage | undefined {
  if (!accept) return undefined
  const qualites = new Map<string, number>()
  for (const element of accept.split(',')) {
    const [nom, ...parametres] = element.trim().toLowerCase().split(';')
    if (!nom) continue
    const q = parametres.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const valeur = q ? Number(q.slice(2)) : 1
    qualites.set(nom, Number.isFinite(valeur) ? valeur : 0)
  }
  let meilleur: Encodage | undefined
  let meilleureQualite = 0
  for (const { nom } of ENCODAGES) {
    if (!disponibles.includes(nom)) continue
    const q = qualites.get(nom) ?? qualites.get('*') ?? 0
    if (q > meilleureQualite) {
      meilleur = nom
      meilleureQualite = q
    }
  }
  return meilleur
}
