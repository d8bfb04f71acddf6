import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage } from './navigateur'

/**
 * Politique de sécurité du contenu (CSP) sur le portail réel : chaque réponse
 * en porte une, celle des pages n'autorise aucun script ou style incrusté non
 * prévu ('unsafe-inline' absent), et le DSFR fonctionne avec elle : aucune
 * violation n'est levée dans Chromium.
 */
const url = inject('urlPortail')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

const PAGES = [
  '/',
  '/annuaire',
  '/annuaire/s-bourg-en-bresse-ccas',
  '/qui-contacter',
  '/qui-contacter/commissariat-oyonnax',
  '/qui-contacter/commune?commune=01451',
  '/permanences',
  '/sites',
  '/postes',
  '/annuaire/recherche?q=hebergement+urgence',
  '/annuaire/signaler?structure=s-bourg-en-bresse-ccas',
  '/logigramme',
  '/formation',
  '/plaquettes',
  '/adresse-inconnue',
]

declare global {
  interface Window {
    violationsCsp: string[]
  }
}

/** Page qui note toute violation de CSP (événement du document et messages de la console), dès le premier octet. */
async function pageSurveillee(): Promise<{ page: Page; violations: () => Promise<string[]>; sansCsp: string[] }> {
  const page = await ouvrirPage(navigateur, { viewport: { width: 375, height: 800 } })
  await page.addInitScript(() => {
    window.violationsCsp = []
    document.addEventListener('securitypolicyviolation', (e) =>
      window.violationsCsp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
    )
  })
  const messages: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text())
  })
  const sansCsp: string[] = []
  page.on('response', (r) => {
    if (r.url().startsWith(url) && !r.headers()['content-security-policy']) sansCsp.push(`${r.status()} ${r.url()}`)
  })
  return { page, sansCsp, violations: async () => [...(await page.evaluate(() => window.violationsCsp)), ...messages] }
}

describe('politique de sécurité du contenu du portail', () => {
  for (const chemin of PAGES) {
    it(`${chemin} : CSP stricte sur chaque réponse, aucune violation, DSFR actif`, async () => {
      const { page, violations, sansCsp } = await pageSurveillee()
      const reponse = await page.goto(url + chemin, { waitUntil: 'networkidle' })
      const csp = reponse!.headers()['content-security-policy'] ?? ''
      expect(csp).toContain("frame-ancestors 'self'")
      expect(csp).toMatch(/script-src 'self'/)
      expect(csp).toMatch(/style-src 'self'/)
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')
      // Le JavaScript du DSFR a démarré (il marque les composants qu'il prend en charge).
      await expect.poll(() => page.getAttribute('html', 'data-fr-js')).toBe('true')
      // Menu mobile : ouvert puis fermé, par le JavaScript du DSFR.
      await page.click('#bouton-menu')
      await expect.poll(() => page.locator('#menu-principal').getAttribute('class')).toContain('fr-modal--opened')
      expect(await violations()).toEqual([])
      expect(sansCsp).toEqual([])
      await page.context().close()
    })
  }

  it('la surveillance détecte bien un script incrusté refusé (le contrôle n’est pas vide)', async () => {
    const { page, violations } = await pageSurveillee()
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'document.title = "injecté"'
      document.body.append(script)
    })
    // Les deux canaux la voient : l'événement du document et le message de la console.
    await expect
      .poll(violations)
      .toEqual([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/violates the following Content Security Policy/)])
    expect(await page.title()).not.toBe('injecté')
    await page.context().close()
  })

  it('les réponses hors pages portent aussi une CSP, et l’admin la sienne', async () => {
    const adresses = [
      '/sante',
      '/favicon.ico',
      '/annuaire/recherche.json?q=cmp',
      '/annuaire/ouverture/s-bourg-en-bresse-ccas.json',
      '/permanences/calendrier.ics',
      '/logigramme/logigramme.svg',
      '/admin',
      '/api/structures?limit=1',
    ]
    for (const chemin of adresses) {
      const r = await fetch(url + chemin, { redirect: 'manual' })
      expect(r.headers.get('content-security-policy'), chemin).toContain("frame-ancestors 'self'")
    }
    const statique = await fetch(`${url}/`, { method: 'POST' })
    expect(statique.status).toBe(405)
    expect(statique.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
  })

  it('sans adresse publique en https, pas de HSTS (il ne vaut que sur une connexion chiffrée)', async () => {
    expect((await fetch(url)).headers.get('strict-transport-security')).toBeNull()
  })
})
