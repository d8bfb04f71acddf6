import { readdirSync, readFileSync } from 'node:fs'

/**
 * Temps CPU (utilisateur + système, en ms) d'un processus et de tous ses
 * descendants vivants, lu dans /proc (Linux). Sur une machine partagée, la
 * latence mesurée dépend des autres travaux ; le temps CPU que le serveur
 * passe par requête, beaucoup moins : les bancs donnent les deux.
 */
const TICKS_PAR_SECONDE = 100 // USER_HZ de Linux, 100 sur toutes les architectures courantes

type Stat = { pid: number; parent: number; ticks: number }

function lireStat(pid: number): Stat | null {
  try {
    const texte = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Le nom du programme (2e champ) est entre parenthèses et peut contenir des espaces.
    const apres = texte.slice(texte.lastIndexOf(')') + 2).split(' ')
    return { pid, parent: Number(apres[1]), ticks: Number(apres[11]) + Number(apres[12]) }
  } catch {
    return null
  }
}

export function cpuDeLArbre(racine: number): number | null {
  const stats = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => lireStat(Number(n)))
    .filter((s): s is Stat => s !== null)
  if (!stats.some((s) => s.pid === racine)) return null
  const enfants = new Map<number, Stat[]>()
  for (const s of stats) enfants.set(s.parent, [...(enfants.get(s.parent) ?? []), s])
  let ticks = 0
  const pile = [racine]
  while (pile.length) {
    const pid = pile.pop()!
    ticks += stats.find((s) => s.pid === pid)?.ticks ?? 0
    for (const e of enfants.get(pid) ?? []) pile.push(e.pid)
  }
  return (ticks * 1000) / TICKS_PAR_SECONDE
}
