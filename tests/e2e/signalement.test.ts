import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'

/** « Signaler une erreur » depuis une fiche : sans compte, rien de perdu si le formulaire est invalide. */
const url = inject('urlPortail')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

describe('signalement d’une erreur dans l’annuaire', () => {
  it('un formulaire invalide est réaffiché avec la saisie et un message par champ ; valide, il est transmis', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire`)
    await page.locator('main section ul a').first().click()
    const nom = await page.locator('h1').innerText()
    await page.getByRole('link', { name: 'Signaler une erreur sur cette fiche' }).click()
    expect(await page.locator('main').innerText()).toContain(nom)
    await verifierAccessibilite(page)

    await page.fill('#message', 'Trop court')
    const reponse = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.click('button[type="submit"]')
    expect((await reponse).status()).toBe(400)
    expect(await page.locator('.fr-alert--error').innerText()).toContain('Type d’erreur : Choisissez le type d’erreur.')
    expect(await page.inputValue('#message')).toBe('Trop court')
    await verifierAccessibilite(page)

    await page.selectOption('#motif', 'coordonnees')
    await page.fill('#message', 'Le numéro de téléphone de l’accueil ne répond plus depuis lundi.')
    await page.click('button[type="submit"]')
    await page.waitForURL(/envoye=1/)
    expect(await page.locator('.fr-alert--success').innerText()).toContain('Merci, votre signalement est transmis')
    await page.context().close()
  })

  it('un visiteur ne peut ni lire ni créer de signalement par l’API de Payload', async () => {
    expect((await fetch(`${url}/api/signalements`)).status).toBe(403)
    const creation = await fetch(`${url}/api/signalements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ structure: 1, motif: 'autre', message: 'Tentative directe par l’API' }),
    })
    expect(creation.status).toBe(403)
  })

  it('un envoi depuis une autre origine est refusé (CSRF)', async () => {
    const reponse = await fetch(`${url}/annuaire/signaler`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://malveillant.example' },
      body: 'structure=x&motif=autre&message=message+de+test+assez+long',
    })
    expect(reponse.status).toBe(403)
  })
})
