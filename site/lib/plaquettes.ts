import type { Plaquette } from '../../cms/payload-types'
import { plaquettes } from './cms'

/** Plaquettes regroupées par famille : la version la plus récente est en vigueur, les autres sont archivées. */
export async function plaquettesParFamille(): Promise<{ courante: Plaquette; archives: Plaquette[] }[]> {
  const familles = new Map<string, Plaquette[]>()
  for (const p of await plaquettes()) familles.set(p.famille, [...(familles.get(p.famille) ?? []), p])
  return [...familles.values()]
    .map((versions) => {
      const triees = [...versions].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
      return { courante: triees[0]!, archives: triees.slice(1) }
    })
    .sort((a, b) => b.courante.date.localeCompare(a.courante.date))
}

export const urlFichier = (p: Plaquette) => (typeof p.fichier === 'object' && p.fichier?.url ? p.fichier.url : undefined)
