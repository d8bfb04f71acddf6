/**
 * Générateur pseudo-aléatoire à graine (mulberry32) des bancs : deux
 * lancements écrivent les mêmes données synthétiques, donc des mesures
 * comparables d'une session à l'autre.
 */
export function generateur(graine: number) {
  let a = graine >>> 0
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  /** Entier entre `min` et `max` inclus. */
  const entre = (min: number, max: number) => min + Math.floor(suivant() * (max - min + 1))
  const parmi = <T>(liste: readonly T[]): T => liste[Math.floor(suivant() * liste.length)]!
  return { suivant, entre, parmi, oui: (p: number) => suivant() < p }
}
