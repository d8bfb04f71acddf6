import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { rattacherPolice, reduireAuxClassesEmployees } from '../../site/construction/dsfrUtilise'
import { DOSSIER_POLICES, dossierPolicesDsfr, POLICES, sourcesAttendues } from '../../site/construction/polices'

/** Réduction du vrai CSS du DSFR installé aux classes du vrai code du portail. */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const dsfr = path.dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json'))
const lire = (f: string) => readFileSync(path.join(dsfr, 'dist', f), 'utf8')
const regle = (css: string, selecteur: string) => css.includes(`${selecteur}{`) || css.includes(`${selecteur},`) || css.includes(`${selecteur}:`)

describe('CSS du DSFR réduit à ce que le portail emploie', () => {
  it('garde les composants et icônes employés, retire les autres', async () => {
    const complet = lire('dsfr.main.min.css')
    const reduit = await reduireAuxClassesEmployees(complet, racine)
    expect(reduit.length).toBeLessThan(complet.length / 3)
    for (const employe of ['.fr-header', '.fr-btn', '.fr-badge--success', '.fr-breadcrumb__list', '.fr-table', '.fr-alert--error', '.fr-mb-7w'])
      expect(regle(reduit, employe), employe).toBe(true)
    for (const absent of ['.fr-tabs', '.fr-accordion', '.fr-range', '.fr-consent-banner', '.fr-tile']) {
      expect(regle(complet, absent), `${absent} existe dans le DSFR`).toBe(true)
      expect(regle(reduit, absent), absent).toBe(false)
    }

    const icones = await reduireAuxClassesEmployees(lire('utility/icons/icons.main.min.css'), racine)
    expect(icones).toContain('.fr-icon-account-line')
    expect(icones).not.toContain('.fr-icon-zoom-in-line')
  })

  it('garde les états que le JavaScript du DSFR ajoute (menu ouvert, fil d’Ariane déplié)', async () => {
    const reduit = await reduireAuxClassesEmployees(lire('dsfr.main.min.css'), racine)
    expect(reduit).toContain('.fr-collapse--expanded')
    expect(reduit).toContain('.fr-modal--opened')
    expect(reduit).toContain(':root[data-fr-theme=dark]')
    expect(reduit).not.toContain('data-fr-js-range')
  })

  it('rattache Marianne à la police chargée par Astro et retire ses @font-face', () => {
    const css = rattacherPolice(lire('dsfr.main.min.css'), '--police-marianne')
    expect(css).not.toMatch(/@font-face\{[^}]*font-family:Marianne/)
    expect(css).not.toMatch(/font-family:Marianne/)
    expect(css).toContain('font-family:var(--police-marianne)')
    // Spectral (citations) n'est pas touchée.
    expect(css).toMatch(/font-family:Spectral/)
  })
})

describe('polices réduites versionnées', () => {
  it('viennent des polices du DSFR installé (sinon : npm run polices)', () => {
    expect(JSON.parse(readFileSync(path.join(DOSSIER_POLICES, 'sources.json'), 'utf8'))).toEqual(sourcesAttendues())
  })

  it('pèsent nettement moins que les originales', () => {
    for (const { fichier } of POLICES) {
      const reduite = path.join(DOSSIER_POLICES, fichier)
      expect(existsSync(reduite), fichier).toBe(true)
      expect(statSync(reduite).size, fichier).toBeLessThan(statSync(path.join(dossierPolicesDsfr(), fichier)).size * 0.6)
    }
  })
})
