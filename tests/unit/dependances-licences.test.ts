import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { avecDernieresVersions, licenceDe, paquetsDeProduction, tableau } from '../../socle/dependances/paquets'

/** `npm run dependances` : lecture des licences dans node_modules (vrais fichiers) et lecture de `npm outdated --json`. */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

function paquetFactice(manifeste: Record<string, unknown> | string | undefined, fichiers: Record<string, string> = {}): string {
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-paquet-'))
  if (manifeste !== undefined) writeFileSync(path.join(dossier, 'package.json'), typeof manifeste === 'string' ? manifeste : JSON.stringify(manifeste))
  for (const [nom, contenu] of Object.entries(fichiers)) writeFileSync(path.join(dossier, nom), contenu)
  return dossier
}

describe('licence d’un paquet installé', () => {
  it('lit le champ SPDX, y compris une expression', () => {
    expect(licenceDe(paquetFactice({ version: '1.2.3', license: 'MIT' }))).toEqual({ version: '1.2.3', licence: 'MIT' })
    expect(licenceDe(paquetFactice({ version: '3.37.0', license: '(ISC AND CC-BY-3.0)' })).licence).toBe('(ISC AND CC-BY-3.0)')
  })

  it('lit les anciennes formes objet et tableau', () => {
    expect(licenceDe(paquetFactice({ version: '0.1.0', license: { type: 'BSD-3-Clause', url: 'x' } })).licence).toBe('BSD-3-Clause')
    expect(licenceDe(paquetFactice({ version: '0.1.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).licence).toBe('MIT OR Apache-2.0')
  })

  it('sans licence déclarée : le dit, et nomme le fichier de licence s’il y en a un', () => {
    expect(licenceDe(paquetFactice({ version: '1.0.0' }, { 'LICENSE.md': 'Copyright' }))).toEqual({ version: '1.0.0', licence: 'non déclarée (voir LICENSE.md)' })
    expect(licenceDe(paquetFactice({ version: '1.0.0', license: '' })).licence).toBe('non déclarée')
  })

  it('paquet absent ou manifeste illisible : dit tel quel, sans échouer', () => {
    expect(licenceDe(paquetFactice(undefined))).toEqual({ licence: 'non installé' })
    expect(licenceDe(paquetFactice('{ pas du json')).licence).toBe('manifeste illisible')
    expect(licenceDe(paquetFactice({ version: 3, license: 'MIT' })).licence).toBe('manifeste illisible')
  })

  it('sur le dépôt : chaque dépendance de production, avec la version réellement installée', () => {
    const paquets = paquetsDeProduction(racine)
    const declares = Object.keys((JSON.parse(readFileSync(path.join(racine, 'package.json'), 'utf8')) as { dependencies: object }).dependencies)
    expect(paquets.map((p) => p.nom)).toEqual([...declares].sort((a, b) => a.localeCompare(b)))
    const zod = paquets.find((p) => p.nom === 'zod')!
    expect(zod.installee).toBe((JSON.parse(readFileSync(path.join(racine, 'node_modules', 'zod', 'package.json'), 'utf8')) as { version: string }).version)
    expect(zod.licence).toBe('MIT')
    expect(paquets.find((p) => p.nom === '@gouvfr/dsfr')!.licence).toBe('etalab-2.0')
    for (const p of paquets) expect(p.licence, p.nom).not.toMatch(/non installé|illisible/)
  })

  it('paquet déclaré mais pas installé', () => {
    const depot = mkdtempSync(path.join(os.tmpdir(), 'passerelle-depot-'))
    writeFileSync(path.join(depot, 'package.json'), JSON.stringify({ dependencies: { '@portee/absent': '1.0.0', present: '2.0.0' } }))
    mkdirSync(path.join(depot, 'node_modules', 'present'), { recursive: true })
    writeFileSync(path.join(depot, 'node_modules', 'present', 'package.json'), JSON.stringify({ version: '2.0.0', license: 'ISC' }))
    expect(paquetsDeProduction(depot)).toEqual([
      { nom: '@portee/absent', demandee: '1.0.0', installee: undefined, licence: 'non installé' },
      { nom: 'present', demandee: '2.0.0', installee: '2.0.0', licence: 'ISC' },
    ])
  })
})

describe('dernières versions (npm outdated --json)', () => {
  const paquets = [
    { nom: 'astro', demandee: '7.3.5', installee: '7.3.5', licence: 'MIT' },
    { nom: 'zod', demandee: '4.6.7', installee: '4.6.7', licence: 'MIT' },
  ]

  it('un paquet listé est en retard, un paquet absent de la réponse est à jour', () => {
    const r = avecDernieresVersions(paquets, JSON.stringify({ astro: { current: '7.3.5', wanted: '7.3.5', latest: '7.4.7' } }))
    expect(r.map((p) => p.derniere)).toEqual(['7.4.7', '4.6.7'])
    expect(tableau(r, true)).toMatch(/^\* astro +7\.3\.5 +7\.4\.7 +MIT$/m)
    expect(tableau(r, true)).toContain('1 en retard sur le registre')
    // Rien en retard : npm n'écrit rien.
    expect(avecDernieresVersions(paquets, '').map((p) => p.derniere)).toEqual(['7.3.5', '4.6.7'])
  })

  it('registre injoignable, erreur de npm ou sortie illisible : « inconnue », sans échouer', () => {
    for (const sortie of [undefined, '{"error":{"code":"ECONNREFUSED","summary":"request failed"}}', 'npm ERR! network', '{"astro": 3}']) {
      const r = avecDernieresVersions(paquets, sortie)
      expect(r.every((p) => p.derniere === undefined), String(sortie)).toBe(true)
      expect(tableau(r, false)).toContain('registre injoignable : dernières versions inconnues')
      expect(tableau(r, false)).toMatch(/^ {2}zod +4\.6\.7 +inconnue +MIT$/m)
    }
  })
})
