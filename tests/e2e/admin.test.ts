import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'
import { lancerNavigateur, ouvrirPage } from './navigateur'
import { codeInstallationDuJournal, OPERATEUR } from './operateur'

/**
 * L'opérateur dans /admin : création du premier compte, connexion, modification
 * d'un site, et la modification visible sur le portail statique en moins de 60 s
 * sans rien redémarrer, avec l'état de la publication affiché dans l'admin.
 * Ce fichier démarre son propre portail, vierge de tout compte : l'écran de
 * premier accès ne se teste qu'une fois, et les autres fichiers créent
 * l'opérateur par l'API sur le portail partagé.
 */
let portail: PortailDeTest
let url: string
let navigateur: Browser

beforeAll(async () => {
  portail = await demarrerPortailDeTest()
  url = portail.url
  navigateur = await lancerNavigateur()
}, 600_000)
afterAll(async () => {
  await navigateur?.close()
  await portail?.arreter()
})

async function connecter(page: Page, email: string, motDePasse: string) {
  await page.goto(`${url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', motDePasse)
  await page.click('button[type="submit"]')
}

describe('admin de l’opérateur', () => {
  it("le premier accès à /admin crée le compte opérateur, avec le code d'installation de la console (aucun mot de passe par défaut)", async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/admin`)
    // Tant qu'aucun compte n'existe, /admin présente l'écran de premier accès.
    await page.waitForSelector('#field-confirm-password', { timeout: 60_000 })
    expect(await page.locator('#field-role').count()).toBe(0)
    await page.fill('#field-email', OPERATEUR.email)
    await page.fill('#field-password', OPERATEUR.motDePasse)
    await page.fill('#field-confirm-password', OPERATEUR.motDePasse)
    // Sans le bon code, l'écran refuse et le dit sur le champ.
    await page.fill('#field-codeInstallation', 'AAAA-BBBB-CCCC')
    await page.click('button[type="submit"]')
    const refus = await page.waitForResponse((r) => r.url().endsWith('/api/utilisateurs/first-register') && r.status() === 400)
    expect(JSON.stringify(await refus.json())).toContain('codeInstallation')
    await page.fill('#field-codeInstallation', await codeInstallationDuJournal(portail.dossier))
    await page.click('button[type="submit"]')
    await page.waitForResponse((r) => r.url().endsWith('/api/utilisateurs/first-register') && r.status() === 200)
    await page.waitForSelector('nav')
    const moi = await page.evaluate(async () => (await fetch('/api/utilisateurs/me')).json())
    expect(moi.user.role).toBe('operateur')
    await page.context().close()
  })

  it("l'écran de premier accès ne sert plus une fois le compte créé", async () => {
    const reponse = await fetch(`${url}/api/utilisateurs/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'intrus@example.org', password: 'motdepasse-intrus-1', codeInstallation: await codeInstallationDuJournal(portail.dossier) }),
    })
    expect(reponse.status).toBe(403)
  })

  it("un compte qui n'est pas opérateur n'entre pas dans l'admin", async () => {
    const page = await ouvrirPage(navigateur)
    await connecter(page, OPERATEUR.email, OPERATEUR.motDePasse)
    await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/')
    const creation = await page.evaluate(async () =>
      (
        await fetch('/api/utilisateurs', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'gendarme@example.org', password: 'motdepasse-gendarme-1', role: 'agent-fsi' }),
        })
      ).status,
    )
    expect(creation).toBe(201)
    await page.context().close()

    const agent = await ouvrirPage(navigateur)
    await connecter(agent, 'gendarme@example.org', 'motdepasse-gendarme-1')
    await agent.waitForURL(/\/admin\/unauthorized|\/admin\/logout/)
    const structures = await agent.evaluate(async () => (await fetch('/api/utilisateurs')).json())
    expect(structures.docs.map((u: { email: string }) => u.email)).toEqual(['gendarme@example.org'])
    await agent.context().close()
  })

  it('une modification enregistrée dans l’admin apparaît sur le portail en moins de 60 secondes', async () => {
    const page = await ouvrirPage(navigateur)
    await connecter(page, OPERATEUR.email, OPERATEUR.motDePasse)
    await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/')
    await page.goto(`${url}/admin/collections/sites?where[slug][equals]=mairie-villars-les-dombes`)
    await page.getByRole('link', { name: 'Mairie de Villars les Dombes' }).first().click()
    await page.waitForSelector('#field-rythme')
    const nouveauRythme = 'Le premier jeudi du mois, de 9 h à 12 h'
    await page.fill('#field-rythme', nouveauRythme)
    const debut = Date.now()
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await page.getByText(/mis à jour avec succès|enregistré/i).first().waitFor()

    let latence = 0
    await expect
      .poll(
        async () => {
          const html = await (await fetch(`${url}/sites/mairie-villars-les-dombes`)).text()
          latence = Date.now() - debut
          return html.includes(nouveauRythme)
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true)
    console.log(`Latence de publication après enregistrement : ${(latence / 1000).toFixed(1)} s`)

    await page.goto(`${url}/admin/globals/publication`)
    await expect.poll(async () => page.locator('#field-resume').inputValue(), { timeout: 30_000 }).toMatch(/réussie à \d\d:\d\d/)
    // Le tableau de bord le dit aussi, sans aller chercher la page de détail.
    await page.goto(`${url}/admin`)
    await expect.poll(() => page.locator('#etat-publication').innerText()).toBe('Publication du portail : réussie')
    await page.context().close()
  })
})
