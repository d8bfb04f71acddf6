import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, surveillerErreurs, verifierAccessibilite } from './navigateur'

/** /formation : sessions à venir datées en français, ressources par public, parcours d'intégration. */
const url = inject('urlPortail')
let navigateur: Browser

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

describe('formation', () => {
  it('/formation s’affiche en français, sans erreur et sans violation d’accessibilité', async () => {
    const page = await ouvrirPage(navigateur)
    const erreurs = surveillerErreurs(page)
    const reponse = await page.goto(`${url}/formation`)
    expect(reponse?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    expect(await page.locator('h1').innerText()).toBe('Formation et intégration')
    await verifierAccessibilite(page)
    expect(erreurs).toEqual([])
    await page.context().close()
  })

  it('liste les sessions à venir avec leurs dates en français et la mention d’exemple', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/formation`)
    const sessions = page.locator('[data-sessions] > li')
    expect(await sessions.count()).toBeGreaterThan(0)
    const dates = await page.locator('[data-sessions] time').allInnerTexts()
    for (const d of dates) expect(d).toMatch(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? [a-zéû]+ \d{4}/)
    // Aucune date passée n'est présentée comme à venir.
    const instants = await page.locator('[data-sessions] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!))
    for (const i of instants) expect(Date.parse(i)).toBeGreaterThan(Date.now() - 24 * 3600_000)
    expect(await sessions.first().innerText()).toMatch(/exemple/i)
    await page.context().close()
  })

  it('range les documents et liens par public et affiche le parcours d’intégration, sans JavaScript', async () => {
    const contexte = await navigateur.newContext({ javaScriptEnabled: false, locale: 'fr-FR' })
    const page = await contexte.newPage()
    await page.goto(`${url}/formation`)
    for (const titre of ['Policiers et gendarmes', 'Intervenants sociaux', 'Partenaires'])
      expect(await page.getByRole('heading', { level: 3, name: titre, exact: true }).count()).toBe(1)
    expect(await page.locator('a[href="/logigramme/logigramme.pdf"]').count()).toBeGreaterThan(0)
    const parcours = page.locator('[data-parcours] input[type="checkbox"]')
    expect(await parcours.count()).toBeGreaterThanOrEqual(5)
    // La case du DSFR est dessinée par le libellé : on clique dessus, comme une personne.
    await page.locator('[data-parcours] label').first().click()
    expect(await parcours.first().isChecked()).toBe(true)
    expect(await page.locator('#integration').innerText()).toContain('intégration')
    await contexte.close()
  })
})
