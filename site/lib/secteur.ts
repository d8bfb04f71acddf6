import { epciParSiren } from '../../content/communes'
import type { Poste } from '../../cms/payload-types'

/** Communes du territoire d'un poste : ses communes et celles de ses EPCI (membres dans l'Ain). */
export function communesDuSecteur(poste: Poste): string[] {
  const codes = new Set<string>()
  for (const code of poste.territoire ?? []) {
    if (/^\d{9}$/.test(code)) {
      for (const c of epciParSiren(code)?.membres ?? []) if (c.startsWith('01')) codes.add(c)
    } else if (/^\d{5}$/.test(code)) codes.add(code)
  }
  return [...codes]
}
