import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

/**
 * Les imports vont dans un seul sens (ARCHITECTURE.md) :
 * serveur → site, cms → search, socle → domaine → content.
 * Un import à contre-sens ferait dépendre une règle du domaine de Payload ou
 * d'Astro, et la rendrait impossible à tester seule.
 */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const PERMIS: Record<string, string[]> = {
  content: ['content'],
  domaine: ['domaine', 'content'],
  search: ['search', 'domaine', 'content'],
  socle: ['socle', 'domaine', 'content'],
  cms: ['cms', 'search', 'socle', 'domaine', 'content'],
  site: ['site', 'cms', 'search', 'socle', 'domaine', 'content'],
  serveur: ['serveur', 'site', 'cms', 'search', 'socle', 'domaine', 'content'],
}
/** Paquets d'une couche supérieure que les couches sans Payload ni Astro ne doivent jamais charger. */
const PAQUETS_INTERDITS = /^(payload|@payloadcms\/|astro|@astrojs\/|next|react)(\/|$)/
const SANS_CADRE = new Set(['content', 'domaine', 'search', 'socle'])

const IGNORES = new Set(['node_modules', '.next', 'dist', 'data', '.astro'])
function sources(dossier: string): string[] {
  let entrees
  try {
    entrees = readdirSync(dossier, { withFileTypes: true })
  } catch {
    return []
  }
  return entrees.flatMap((e) => {
    if (IGNORES.has(e.name)) return []
    const chemin = path.join(dossier, e.name)
    if (e.isDirectory()) return sources(chemin)
    return /\.(m?[jt]sx?|astro)$/.test(e.name) ? [chemin] : []
  })
}
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g

function violations(racine: string): string[] {
  const trouvees: string[] = []
  for (const [couche, permises] of Object.entries(PERMIS)) {
    for (const fichier of sources(path.join(racine, couche))) {
      const relatif = path.relative(racine, fichier)
      for (const m of readFileSync(fichier, 'utf8').matchAll(IMPORT)) {
        const spec = m[2]!
        if (spec.startsWith('.')) {
          const cible = path.relative(racine, path.resolve(path.dirname(fichier), spec)).split(path.sep)[0]!
          if (!permises.includes(cible)) trouvees.push(`${relatif} importe ${spec} (couche ${cible})`)
        } else if (SANS_CADRE.has(couche) && PAQUETS_INTERDITS.test(spec)) trouvees.push(`${relatif} importe le paquet ${spec}`)
      }
    }
  }
  return trouvees
}

describe('sens des imports', () => {
  it('aucune couche n’importe une couche au-dessus d’elle, et le domaine ignore Payload et Astro', () => {
    expect(violations(racine)).toEqual([])
  })

  it('le contrôle voit un import à contre-sens et un domaine qui charge Payload', () => {
    const faux = mkdtempSync(path.join(os.tmpdir(), 'passerelle-archi-'))
    try {
      for (const d of ['content', 'domaine', 'search']) mkdirSync(path.join(faux, d))
      writeFileSync(path.join(faux, 'content', 'a.ts'), "import { x } from '../domaine/b'\n")
      writeFileSync(path.join(faux, 'domaine', 'b.ts'), "import type { Payload } from 'payload'\nexport const x = 1\n")
      writeFileSync(path.join(faux, 'search', 'c.ts'), "import { x } from '../domaine/b'\n")
      expect(violations(faux)).toEqual(['content/a.ts importe ../domaine/b (couche domaine)', 'domaine/b.ts importe le paquet payload'])
    } finally {
      rmSync(faux, { recursive: true, force: true })
    }
  })
})
