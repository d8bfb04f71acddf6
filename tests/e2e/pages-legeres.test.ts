import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage } from './navigateur'

/**
 * Ce qui rend les pages légères, vérifié dans Chromium sur le portail réel
 * (les chiffres eux-mêmes sont mesurés par `npm run bench:pages`) : fichiers
 * précompressés, cache immuable des ressources à empreinte, polices réduites
 * et préchargées, favicon servi par le portail.
 */
const url = inject('urlPortail')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

const PAGES = ['/', '/annuaire', '/annuaire/s-bourg-en-bresse-ccas', '/qui-contacter', '/permanences']

describe('pages légères', () => {
  for (const chemin of PAGES) {
    it(`${chemin} : page, styles et scripts compressés en brotli, ressources en cache immuable`, async () => {
      const page = await ouvrirPage(navigateur)
      const reponses: Response[] = []
      page.on('response', (r) => {
        if (r.url().startsWith(url)) reponses.push(r)
      })
      const reponsePage = await page.goto(url + chemin, { waitUntil: 'networkidle' })
      expect(reponsePage!.headers()['content-encoding']).toBe('br')
      expect(reponsePage!.headers().vary).toBe('Accept-Encoding')
      expect(reponsePage!.headers()['cache-control']).toBe('no-cache')

      const ressources = reponses.filter((r) => new URL(r.url()).pathname.startsWith('/_astro/'))
      const styles = ressources.filter((r) => r.url().endsWith('.css'))
      const scripts = ressources.filter((r) => r.url().endsWith('.js'))
      expect(styles.length).toBeGreaterThan(0)
      expect(scripts.length).toBeGreaterThan(0)
      for (const r of [...styles, ...scripts]) {
        expect(r.headers()['content-encoding'], r.url()).toBe('br')
      }
      for (const r of ressources) {
        expect(r.headers()['cache-control'], r.url()).toBe('public, max-age=31536000, immutable')
      }

      // Polices : seulement Marianne réduite (/_astro/fonts/), préchargée dans l'en-tête de la page.
      const polices = reponses.filter((r) => r.request().resourceType() === 'font')
      expect(polices.length).toBeGreaterThan(0)
      for (const r of polices) expect(new URL(r.url()).pathname, r.url()).toMatch(/^\/_astro\/fonts\/[0-9a-f]+\.woff2$/)
      const prechargees = await page.locator('link[rel="preload"][as="font"]').evaluateAll((liens) => liens.map((l) => l.getAttribute('href')))
      expect(prechargees.length).toBeGreaterThanOrEqual(2)
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Marianne-[0-9a-f]+, "Marianne-[0-9a-f]+ fallback: Arial"/)
      await page.context().close()
    })
  }

  it('le favicon est servi par le portail (et non plus transmis à l’admin)', async () => {
    const ico = await fetch(`${url}/favicon.ico`)
    expect(ico.status).toBe(200)
    expect(ico.headers.get('content-type')).toBe('image/x-icon')
    expect((await fetch(`${url}/favicon.svg`)).status).toBe(200)
  })
})
