import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'
import { semer } from './journalSansDonnee'
import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'
import { codeInstallationDuJournal, codeTotp, envoyerFormulaire, OPERATEUR, pasSuivant } from './operateur'

/**
 * Premier accès et admin de l'opérateur, dans Chromium : /installation avec le
 * code de la console, connexion, enrôlement du second facteur, puis /admin
 * avec la même session ; un compte qui n'est pas opérateur n'y entre pas ;
 * une modification enregistrée dans l'admin est visible sur le portail en
 * moins de 60 s. Ce fichier démarre son propre portail, vierge de tout compte.
 */
let portail: PortailDeTest
let url: string
let navigateur: Browser
let operateur: BrowserContext
let secret = ''

beforeAll(async () => {
  portail = await demarrerPortailDeTest()
  url = portail.url
  semer(portail.dossier, OPERATEUR.email, OPERATEUR.nom)
  navigateur = await lancerNavigateur()
}, 600_000)
afterAll(async () => {
  await navigateur?.close()
  await portail?.arreter()
})

/** Le formulaire de connexion, puis le code du second facteur (secret déjà enrôlé). */
async function connecter(page: Page, email: string, motDePasse: string, retour = '/espace') {
  await page.goto(`${url}/connexion?retour=${encodeURIComponent(retour)}`)
  await page.fill('#email', email)
  await page.fill('#motDePasse', motDePasse)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

describe('premier accès et admin de l’opérateur', () => {
  it("/installation crée le compte opérateur avec le code d'installation de la console (aucun mot de passe par défaut)", async () => {
    const page = await ouvrirPage(navigateur)
    operateur = page.context()
    // L'ancien écran de l'admin mène à la page d'installation du portail.
    await page.goto(`${url}/admin/create-first-user`)
    expect(new URL(page.url()).pathname).toBe('/installation')
    await verifierAccessibilite(page)
    await page.fill('#codeInstallation', 'AAAA-BBBB-CCCC')
    await page.fill('#email', OPERATEUR.email)
    await page.fill('#nom', OPERATEUR.nom)
    await page.fill('#motDePasse', OPERATEUR.motDePasse)
    await page.fill('#confirmation', OPERATEUR.motDePasse)
    await page.getByRole('button', { name: 'Créer le compte opérateur' }).click()
    // Sans le bon code, la page refuse et le dit sur le champ ; l'adresse saisie reste.
    await expect.poll(() => page.locator('#codeInstallation-erreur').innerText()).toMatch(/^Code d'installation : ce code ne correspond pas/)
    expect(await page.inputValue('#email')).toBe(OPERATEUR.email)
    await verifierAccessibilite(page)
    await page.fill('#codeInstallation', await codeInstallationDuJournal(portail.dossier))
    await page.fill('#motDePasse', OPERATEUR.motDePasse)
    await page.fill('#confirmation', OPERATEUR.motDePasse)
    await page.getByRole('button', { name: 'Créer le compte opérateur' }).click()
    await page.waitForURL((u) => u.pathname === '/connexion')
    expect(await page.getByRole('status').innerText()).toContain('compte opérateur est créé')
  })

  it('la connexion de l’opérateur impose l’enrôlement du second facteur, puis ouvre /admin avec la même session', async () => {
    const page = await operateur.newPage()
    await connecter(page, OPERATEUR.email, OPERATEUR.motDePasse, '/admin')
    await page.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    await verifierAccessibilite(page)
    // Tant que le second facteur manque, ni l'admin ni l'API ne reconnaissent la session.
    expect((await page.evaluate(async () => (await fetch('/api/utilisateurs/me')).json())).user).toBeNull()
    secret = (await page.locator('code.passerelle-codes-secours').first().innerText()).trim()
    await page.fill('#code', '000000')
    await page.getByRole('button', { name: 'Activer le second facteur' }).click()
    await expect.poll(() => page.locator('#code-erreur').count()).toBe(1)
    await page.fill('#code', codeTotp(secret))
    await page.getByRole('button', { name: 'Activer le second facteur' }).click()
    // Les codes de secours, montrés une seule fois.
    await expect.poll(() => page.getByText('J’ai noté mes codes, continuer').count()).toBe(1)
    await verifierAccessibilite(page)
    await page.getByText('J’ai noté mes codes, continuer').click()
    await page.waitForURL((u) => u.pathname.startsWith('/admin'))
    await page.waitForSelector('nav')
    const moi = await page.evaluate(async () => (await fetch('/api/utilisateurs/me')).json())
    expect(moi.user.role).toBe('operateur')
    expect(JSON.stringify(moi)).not.toMatch(/motDePasse|totp|codesSecours/)
    // Le cookie de session : HttpOnly, SameSite=Lax, propre à l'hôte.
    const [cookie] = (await operateur.cookies()).filter((c) => c.name === 'passerelle-session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie!.domain).not.toMatch(/^\./)
    await page.close()
  })

  it("l'installation ne sert plus une fois le compte créé, même avec un nouveau code", async () => {
    expect((await fetch(`${url}/installation`)).status).toBe(404)
    const reponse = await envoyerFormulaire(url, '/installation', {
      codeInstallation: await codeInstallationDuJournal(portail.dossier),
      email: 'intrus@example.org',
      nom: 'Intrus',
      motDePasse: 'motdepasse-intrus-1',
      confirmation: 'motdepasse-intrus-1',
    })
    expect(reponse.status).toBe(404)
    // Payload n'a plus ni connexion par l'API ni JWT.
    const api = await fetch(`${url}/api/utilisateurs/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: OPERATEUR.email, password: OPERATEUR.motDePasse }) })
    expect(api.status).toBeGreaterThanOrEqual(400)
    expect(api.headers.getSetCookie().join()).not.toMatch(/payload-token/)
  })

  it("un agent invité se crée un compte par son lien, se connecte sans second facteur, et n'entre pas dans l'admin", async () => {
    const page = await operateur.newPage()
    await page.goto(`${url}/espace/comptes`)
    await page.fill('#invitation-email', 'gendarme@gendarmerie.interieur.gouv.fr')
    await page.selectOption('#invitation-role', 'agent-fsi')
    await page.selectOption('#invitation-site', { index: 1 })
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
    // Sans serveur d'envoi, le lien est montré une seule fois à l'opérateur.
    const lien = (await page.locator('code', { hasText: '/invitation/' }).innerText()).trim()
    expect(lien).toMatch(/\/invitation\/[a-z2-7]{32}$/)
    await verifierAccessibilite(page)
    await page.close()

    const agent = await ouvrirPage(navigateur)
    await agent.goto(lien)
    await verifierAccessibilite(agent)
    await agent.fill('#motDePasse', 'phrase-de-passe-du-gendarme')
    await agent.fill('#confirmation', 'phrase-de-passe-du-gendarme')
    await agent.getByRole('button', { name: 'Créer mon compte' }).click()
    await agent.waitForURL((u) => u.pathname === '/connexion')
    await connecter(agent, 'gendarme@gendarmerie.interieur.gouv.fr', 'phrase-de-passe-du-gendarme')
    await agent.waitForURL((u) => u.pathname === '/espace')
    await verifierAccessibilite(agent)
    await agent.goto(`${url}/admin`)
    await agent.waitForURL(/\/admin\/unauthorized|\/connexion|\/deconnexion/)
    const comptes = await agent.evaluate(async () => (await fetch('/api/utilisateurs')).json())
    expect(comptes.docs.map((u: { email: string }) => u.email)).toEqual(['gendarme@gendarmerie.interieur.gouv.fr'])
    // Le lien a servi : il ne sert plus.
    expect((await fetch(lien)).status).toBe(410)
    await agent.context().close()
  })

  it('une modification enregistrée dans l’admin apparaît sur le portail en moins de 60 secondes', async () => {
    const page = await operateur.newPage()
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
    await page.close()
  })

  it('se déconnecter de l’admin ferme la session du portail ; la reconnexion redemande le code', async () => {
    const page = await operateur.newPage()
    await page.goto(`${url}/admin/logout`)
    await page.waitForURL((u) => u.pathname === '/deconnexion')
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL((u) => u.pathname === '/connexion')
    expect((await page.evaluate(async () => (await fetch('/api/utilisateurs/me')).json())).user).toBeNull()
    await pasSuivant()
    await connecter(page, OPERATEUR.email, OPERATEUR.motDePasse, '/admin')
    await page.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    await page.fill('#code', codeTotp(secret))
    await page.getByRole('button', { name: 'Valider' }).click()
    await page.waitForURL((u) => u.pathname.startsWith('/admin'))
    await page.close()
  })
})
