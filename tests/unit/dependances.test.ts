import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

/**
 * package.json déclare chaque paquet que le code importe, et rien d'autre :
 * un import non déclaré marche par hasard (dépendance transitive) jusqu'à la
 * mise à jour qui l'enlève ; une dépendance inutile alourdit l'installation
 * et la liste des licences qu'un service de l'État doit tenir.
 */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const paquet = JSON.parse(readFileSync(path.join(racine, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Paquets déclarés sans être importés, parce qu'ils servent autrement. */
const SANS_IMPORT: Record<string, string> = {
  typescript: 'commande tsc de npm test',
  '@astrojs/check': 'commande astro check de npm test',
  tsx: 'lance les scripts npm (start, seed, bancs d’essai)',
  graphql: 'dépendance homologue exigée par payload',
  'react-dom': 'dépendance homologue exigée par next et react',
  node: 'le runtime Node 24 épinglé : npm place son binaire en tête du PATH des scripts',
}

const DOSSIERS = ['serveur', 'site', 'cms', 'domaine', 'socle', 'search', 'content', 'tests', 'bench']
const FICHIERS_RACINE = ['astro.config.mjs', 'vitest.config.ts']
const IGNORES = new Set(['node_modules', '.next', 'dist', 'data', '.astro'])

function sources(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    if (IGNORES.has(e.name)) return []
    const chemin = path.join(dossier, e.name)
    if (e.isDirectory()) return sources(chemin)
    return /\.(m?[jt]sx?|astro)$/.test(e.name) ? [chemin] : []
  })
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*)(['"])([^'"\n]+)\1/g
const INTEGRES = new Set(builtinModules)

function paquetsImportes(): Map<string, string> {
  const trouves = new Map<string, string>()
  const fichiers = [...DOSSIERS.flatMap((d) => sources(path.join(racine, d))), ...FICHIERS_RACINE.map((f) => path.join(racine, f))]
  for (const fichier of fichiers) {
    for (const m of readFileSync(fichier, 'utf8').matchAll(IMPORT)) {
      const spec = m[2]!
      if (!/^[@a-z0-9]/i.test(spec)) continue
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || spec.startsWith('@payload-config') || spec.startsWith('astro:')) continue
      const nom = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
      if (INTEGRES.has(nom)) continue
      if (!trouves.has(nom)) trouves.set(nom, path.relative(racine, fichier))
    }
  }
  return trouves
}

describe('dépendances déclarées', () => {
  const importes = paquetsImportes()
  const declares = new Set([...Object.keys(paquet.dependencies), ...Object.keys(paquet.devDependencies)])

  it('chaque paquet importé est déclaré dans package.json', () => {
    const manquants = [...importes].filter(([nom]) => !declares.has(nom)).map(([nom, f]) => `${nom} (importé par ${f})`)
    expect(manquants).toEqual([])
  })

  it('chaque paquet déclaré est importé (ou sert une commande, dit ici)', () => {
    const inutiles = [...declares].filter((nom) => !importes.has(nom) && !nom.startsWith('@types/') && !(nom in SANS_IMPORT))
    expect(inutiles).toEqual([])
  })

  it('les versions sont exactes (ni ^ ni ~)', () => {
    const floues = Object.entries({ ...paquet.dependencies, ...paquet.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v))
    expect(floues).toEqual([])
  })
})
