import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Empreinte du code qui produit l'admin et le portail : si elle n'a pas changé
 * depuis la dernière construction, `npm start` ne reconstruit rien (démarrage en
 * quelques secondes) ; si elle a changé, il reconstruit avant de servir.
 *
 * Les fichiers pris en compte ne sont pas une liste tenue à la main (elle
 * oubliait `search/`, que l'admin importe) : on part des points d'entrée de
 * chaque construction et on suit les imports relatifs, comme le ferait le
 * bundler. Les paquets de node_modules sont couverts par package-lock.json.
 */
const IGNORES = new Set(['node_modules', '.next', 'dist', 'data', '.astro', '.git'])
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.astro', '/index.ts', '/index.tsx', '/index.js']
// `from '…'`, `import '…'`, `import('…')`, `require('…')`, `export … from '…'`, et
// `new URL('./x.json', import.meta.url)` (fichier lu à l'exécution, que les bundlers embarquent).
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bnew URL\(\s*)(['"])([^'"\n]+)\1/g

/** Ce qui produit l'admin Next : son dossier d'application, sa configuration Next et celle de Payload. */
export const ENTREES_ADMIN = ['cms/app', 'cms/components', 'cms/next.config.ts', 'cms/payload.config.ts', 'cms/tsconfig.json', 'package-lock.json']
/** Ce qui produit le portail Astro (le contenu vient de la base, pas d'ici). */
export const ENTREES_PORTAIL = ['site', 'astro.config.mjs', 'package-lock.json']

function fichiersDe(chemin: string): string[] {
  let stat
  try {
    stat = statSync(chemin)
  } catch {
    return []
  }
  if (!stat.isDirectory()) return [chemin]
  return readdirSync(chemin)
    .filter((e) => !IGNORES.has(e))
    .sort()
    .flatMap((e) => fichiersDe(path.join(chemin, e)))
}

function resoudre(depuis: string, specificateur: string, racine: string): string | undefined {
  // Alias de tsconfig.json (« @payload-config ») : le seul que le projet déclare.
  const base =
    specificateur === '@payload-config'
      ? path.join(racine, 'cms', 'payload.config')
      : specificateur.startsWith('.')
        ? path.resolve(path.dirname(depuis), specificateur)
        : undefined
  if (!base) return undefined
  for (const ext of EXTENSIONS) {
    const candidat = base + ext
    if (existsSync(candidat) && statSync(candidat).isFile()) return candidat
  }
  return undefined
}

/** Fichiers du dépôt atteints depuis les entrées en suivant les imports (chemins relatifs à la racine, triés). */
export function fichiersAtteints(racine: string, entrees: readonly string[]): string[] {
  const vus = new Set<string>()
  const aVoir = entrees.flatMap((e) => fichiersDe(path.join(racine, e)))
  while (aVoir.length > 0) {
    const fichier = aVoir.pop()!
    if (vus.has(fichier)) continue
    vus.add(fichier)
    if (!/\.(m?[jt]sx?|astro)$/.test(fichier)) continue
    const texte = readFileSync(fichier, 'utf8')
    for (const m of texte.matchAll(IMPORT)) {
      const cible = resoudre(fichier, m[2]!, racine)
      if (cible && !vus.has(cible) && !cible.split(path.sep).some((p) => IGNORES.has(p))) aVoir.push(cible)
    }
  }
  return [...vus].map((f) => path.relative(racine, f)).sort()
}

export function empreinteDuCode(racine: string, entrees: readonly string[]): string {
  const hash = createHash('sha256')
  for (const f of fichiersAtteints(racine, entrees)) {
    hash.update(f)
    hash.update(readFileSync(path.join(racine, f)))
  }
  return hash.digest('hex').slice(0, 16)
}
