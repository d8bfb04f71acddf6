import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Empreinte du code qui produit l'admin et le portail : si elle n'a pas changé
 * depuis la dernière construction, `npm start` ne reconstruit rien (démarrage en
 * quelques secondes) ; si elle a changé, il reconstruit avant de servir.
 */
const IGNORES = new Set(['node_modules', '.next', 'dist', 'data', '.astro', '.git', 'payload-types.ts'])

function fichiers(dossier: string): string[] {
  let entrees: string[]
  try {
    entrees = readdirSync(dossier)
  } catch {
    return []
  }
  return entrees
    .filter((e) => !IGNORES.has(e))
    .sort()
    .flatMap((e) => {
      const chemin = path.join(dossier, e)
      return statSync(chemin).isDirectory() ? fichiers(chemin) : [chemin]
    })
}

export function empreinteDuCode(racine: string, dossiers: string[]): string {
  const hash = createHash('sha256')
  for (const element of dossiers) {
    const chemin = path.join(racine, element)
    let liste: string[]
    try {
      liste = statSync(chemin).isDirectory() ? fichiers(chemin) : [chemin]
    } catch {
      continue
    }
    for (const f of liste) {
      hash.update(path.relative(racine, f))
      hash.update(readFileSync(f))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/** Ce qui change l'admin Next. */
export const SOURCES_ADMIN = ['cms', 'content/codes', 'content/communes.ts', 'content/schemas', 'package-lock.json']
/** Ce qui change le portail Astro (le contenu vient de la base, pas d'ici). */
export const SOURCES_PORTAIL = ['site', 'search', 'cms', 'content/codes', 'content/communes.ts', 'content/schemas', 'astro.config.mjs', 'package-lock.json']
