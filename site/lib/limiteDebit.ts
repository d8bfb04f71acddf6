import { createHash } from 'node:crypto'

/**
 * Limite de débit en mémoire, par adresse (hachée : aucune adresse IP n'est
 * conservée en clair). Suffisant pour un serveur unique ; derrière le proxy,
 * l'adresse est celle du proxy, d'où une limite généreuse.
 */
type Fenetre = { debut: number; nombre: number }
const fenetres = new Map<string, Fenetre>()

export function limiterDebit(adresse: string, { max = 10, fenetreMs = 10 * 60 * 1000, maintenant = Date.now() } = {}): boolean {
  const cle = createHash('sha256').update(adresse).digest('hex').slice(0, 16)
  const f = fenetres.get(cle)
  if (!f || maintenant - f.debut >= fenetreMs) {
    fenetres.set(cle, { debut: maintenant, nombre: 1 })
    if (fenetres.size > 10_000) for (const [k, v] of fenetres) if (maintenant - v.debut >= fenetreMs) fenetres.delete(k)
    return true
  }
  f.nombre++
  return f.nombre <= max
}
