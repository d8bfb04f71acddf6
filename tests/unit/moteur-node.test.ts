import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { MAJEURE_NODE, messageVersionNode, versionNodeAcceptee } from '../../serveur/versionNode'

/**
 * Le projet épingle son moteur : la dépendance npm « node » installe Node.js 24
 * dans node_modules, et chaque script npm s'exécute sous lui, quel que soit le
 * Node de la machine (Debian fournit Node 20). Ces tests gardent l'épinglage
 * entier : la version, le PATH des scripts, l'image Docker, les scripts
 * d'installation autorisés.
 */

const racine = path.resolve(import.meta.dirname, '..', '..')
const lireJson = (fichier: string) => JSON.parse(readFileSync(path.join(racine, fichier), 'utf8'))
const paquet = lireJson('package.json') as {
  dependencies: Record<string, string>
  allowScripts?: Record<string, boolean>
}
const epinglee = paquet.dependencies.node!

describe('Node.js épinglé dans le projet', () => {
  it('la dépendance « node » est à une version exacte de la version majeure attendue', () => {
    expect(epinglee).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Number(epinglee.split('.')[0])).toBe(MAJEURE_NODE)
  })

  it('les tests (et les workers de vitest) tournent sous ce Node', () => {
    expect(process.version).toBe(`v${epinglee}`)
  })

  it('npm exécute les scripts sous ce Node, même si le PATH de la machine en désigne un autre', () => {
    // PATH de la machine, sans les node_modules/.bin que npm a ajoutés pour lancer ce test.
    const PATH = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((d) => !d.includes(`node_modules${path.sep}.bin`) && !d.startsWith(path.join(racine, 'node_modules')))
      .join(path.delimiter)
    const r = spawnSync('npm', ['exec', '--offline', '-c', 'node -p process.version'], { cwd: racine, env: { ...process.env, PATH }, encoding: 'utf8' })
    expect(r.error, 'npm doit être sur le PATH de la machine').toBeUndefined()
    expect(r.stdout.trim(), r.stderr).toBe(`v${epinglee}`)
  })

  it('l’image Docker de production utilise la même version', () => {
    const images = [...readFileSync(path.join(racine, 'Dockerfile'), 'utf8').matchAll(/^FROM\s+node:(\S+)/gm)].map((m) => m[1]!)
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(image.split('-')[0]).toBe(epinglee)
  })

  it('chaque paquet du verrou qui a un script d’installation est autorisé dans allowScripts (npm les bloquera par défaut)', () => {
    const verrou = lireJson('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean; optional?: boolean; os?: string[] }> }
    const autorises = paquet.allowScripts ?? {}
    const nomDe = (chemin: string) => chemin.slice(chemin.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const aDeclarer = Object.entries(verrou.packages)
      .filter(([chemin, p]) => chemin && p.hasInstallScript)
      .map(([chemin]) => nomDe(chemin))
      .filter((nom) => autorises[nom] === undefined && !Object.keys(autorises).some((cle) => cle.startsWith(`${nom}@`)))
    expect(aDeclarer, 'à autoriser (npm install-scripts approve --no-allow-scripts-pin NOM) ou à refuser explicitement').toEqual([])
  })
})

describe('garde-fou de version au démarrage', () => {
  it('refuse un Node plus ancien que la version majeure épinglée, accepte celle-ci et les suivantes', () => {
    expect(versionNodeAcceptee('20.20.2')).toBe(false)
    expect(versionNodeAcceptee('22.21.1')).toBe(false)
    expect(versionNodeAcceptee(epinglee)).toBe(true)
    expect(versionNodeAcceptee('26.0.0')).toBe(true)
  })

  it('dit en français quel Node tourne et quoi faire', () => {
    const message = messageVersionNode('20.20.2', '/usr/bin/node')
    expect(message).toContain('ce processus tourne sous Node.js 20.20.2 (/usr/bin/node)')
    expect(message).toContain('npm install')
    expect(message).toContain('npm start')
  })
})
