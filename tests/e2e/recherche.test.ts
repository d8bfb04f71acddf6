import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'

/** La recherche de l'annuaire comme l'utilise un gendarme : au fil de la frappe, par commune, par facette, et en JSON. */
const url = inject('urlPortail')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

describe('recherche dans l’annuaire', () => {
  it('les résultats arrivent au fil de la frappe, mots trouvés surlignés', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire/recherche`)
    await page.locator('#recherche-annuaire').pressSequentially('hebergement urg', { delay: 30 })
    await expect.poll(() => page.locator('#resultats').textContent(), { timeout: 10_000 }).toMatch(/\d+ résultats? pour « hebergement urg »/)
    expect(await page.locator('#resultats-recherche mark').count()).toBeGreaterThan(0)
    expect(page.url()).not.toContain('q=')
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('avec la commune de la personne, chaque résultat dit pourquoi il est éligible', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire/recherche?q=violences+conjugales&commune=01283`)
    expect(await page.locator('#resultats').innerText()).toMatch(/résultats? pour « violences conjugales » à Oyonnax/)
    const resultats = page.locator('.passerelle-resultat')
    const n = await resultats.count()
    expect(n).toBeGreaterThan(0)
    for (let i = 0; i < n; i++) {
      const texte = await resultats.nth(i).innerText()
      expect(texte).toMatch(/intervient/i)
      expect(texte).toMatch(/mis à jour/i)
    }
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('une facette cochée restreint les résultats (formulaire GET, sans JavaScript)', async () => {
    const page = await ouvrirPage(navigateur, { javaScriptEnabled: false })
    await page.goto(`${url}/annuaire/recherche?q=aide`)
    const total = Number((await page.locator('#resultats').innerText()).match(/(\d+) résultat/)![1])
    await page.click('#formulaire-recherche summary')
    await page.locator('fieldset').first().locator('input[type="checkbox"]').first().check({ force: true })
    await page.click('#formulaire-recherche button[type="submit"]')
    await page.waitForURL(/thematique=|public=|type=/)
    const filtre = Number((await page.locator('#resultats').innerText()).match(/(\d+) résultat/)![1])
    expect(filtre).toBeLessThanOrEqual(total)
    expect(filtre).toBeGreaterThan(0)
    await page.context().close()
  })

  it('une demande hors champ répond « Aucun résultat » sans bruit présenté comme pertinent', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire/recherche?q=v%C3%A9t%C3%A9rinaire+de+garde`)
    expect(await page.locator('#resultats').innerText()).toContain('Aucun résultat')
    expect(await page.locator('.passerelle-resultat').count()).toBe(0)
    await page.context().close()
  })

  it('une saisie corrigée dit « Vouliez-vous dire … » et mène à la recherche exacte', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire/recherche?q=hebergemen+durgense&commune=01053`)
    const correction = page.locator('[data-correction]')
    expect(await correction.innerText()).toMatch(/Vouliez-vous dire « hébergement d.urgence » \?/)
    expect(await page.locator('.passerelle-resultat').count()).toBeGreaterThan(0)
    await verifierAccessibilite(page)
    await correction.getByRole('link', { name: /Rechercher exactement « hebergemen durgense »/ }).click()
    await page.waitForURL(/exact=1/)
    expect(page.url()).toContain('commune=01053')
    // La recherche exacte propose la correction, en lien vers la recherche corrigée.
    const proposition = page.locator('[data-correction] a')
    expect(await proposition.innerText()).toMatch(/« hébergement d.urgence »/)
    await verifierAccessibilite(page)
    await proposition.click()
    await page.waitForURL((u) => !u.search.includes('exact=1'))
    expect(await page.locator('.passerelle-resultat').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('l’endpoint JSON valide ses paramètres et répond 400 en français', async () => {
    const ok = await fetch(`${url}/annuaire/recherche.json?q=CMP&commune=01053`)
    expect(ok.status).toBe(200)
    const corps = await ok.json()
    expect(corps.statut).toBe('resultats')
    expect(corps.resultats[0].eligibilite.motif).toMatch(/intervient/)
    for (const [requete, attendu] of [
      ['commune=abc', /commune/],
      ['thematique=inconnue', /thématique inconnu/],
      [`q=${'x'.repeat(250)}`, /200 caractères/],
      ['page=0', /page/],
    ] as const) {
      const r = await fetch(`${url}/annuaire/recherche.json?${requete}`)
      expect(r.status, requete).toBe(400)
      expect((await r.json()).erreurs.join(' ')).toMatch(attendu)
    }
  })
})
