import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerFournisseurOidc, type FournisseurOidc } from '../outils/fournisseurOidc'
import { demarrerServeurSmtp, type CourrielRecu, type ServeurSmtp } from '../outils/serveurSmtp'
import { demarrerPortailDeTest, portLibre, type PortailDeTest } from './demarrerPortail'
import { semer } from './journalSansDonnee'
import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'
import { codeTotp, pasSuivant, sessionOperateur } from './operateur'

/**
 * L'espace connecté de bout en bout, dans Chromium, sur un portail qui envoie
 * ses courriels à un vrai serveur SMTP démarré dans le test et qui connaît un
 * fournisseur OpenID local (ProConnect) : invitation reçue par courriel →
 * mot de passe → enrôlement du second facteur → connexion → « se déconnecter
 * partout » ; connexions freinées ; lien d'invitation échu ; ProConnect.
 * Chaque page passe axe.
 */
let smtp: ServeurSmtp
let fournisseur: FournisseurOidc
let portail: PortailDeTest
let url: string
let navigateur: Browser
let operateur: BrowserContext

async function courrielPour(adresse: string): Promise<CourrielRecu> {
  await expect.poll(() => smtp.recus.some((r) => r.destinataires.includes(adresse)), { timeout: 15_000 }).toBe(true)
  return smtp.recus.filter((r) => r.destinataires.includes(adresse)).at(-1)!
}

beforeAll(async () => {
  smtp = await demarrerServeurSmtp()
  const port = await portLibre()
  const origine = `http://127.0.0.1:${port}`
  fournisseur = await demarrerFournisseurOidc({ redirectUris: [`${origine}/connexion/proconnect/retour`], postLogoutRedirectUris: [`${origine}/deconnexion/proconnect`] })
  portail = await demarrerPortailDeTest({
    port,
    env: {
      SMTP_URL: smtp.url,
      COURRIEL_EXPEDITEUR: 'ne-pas-repondre@passerelle.test',
      PROCONNECT_ISSUER: fournisseur.issuer,
      PROCONNECT_CLIENT_ID: fournisseur.clientId,
      PROCONNECT_CLIENT_SECRET: fournisseur.clientSecret,
    },
  })
  url = portail.url
  navigateur = await lancerNavigateur()
  operateur = await navigateur.newContext({ locale: 'fr-FR' })
  const [nom, valeur] = (await sessionOperateur(url, portail.dossier)).split('=') as [string, string]
  await operateur.addCookies([{ name: nom, value: valeur, url, httpOnly: true, sameSite: 'Lax' }])
}, 600_000)
afterAll(async () => {
  await navigateur?.close()
  await portail?.arreter()
  await fournisseur?.fermer()
  await smtp?.fermer()
})

/** L'opérateur invite depuis /espace/comptes ; le lien arrive par courriel. */
async function inviter(email: string, role: string, rattachement?: { champ: '#invitation-site' | '#invitation-poste' }) {
  // L'adresse invitée ne doit jamais paraître dans le journal du serveur (vérifié à l'arrêt du portail).
  semer(portail.dossier, email)
  const page = await operateur.newPage()
  await page.goto(`${url}/espace/comptes`)
  await page.fill('#invitation-email', email)
  await page.selectOption('#invitation-role', role)
  if (rattachement) await page.selectOption(rattachement.champ, { index: 1 })
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await page.waitForURL((u) => u.searchParams.get('fait') === 'invitation')
  await verifierAccessibilite(page)
  await page.close()
  const recu = await courrielPour(email)
  const lien = recu.texte.match(/http:\/\/127\.0\.0\.1:\d+\/invitation\/[a-z2-7]{32}/)?.[0]
  expect(lien, 'lien dans le courriel').toBeTruthy()
  return { lien: lien!, recu }
}

async function choisirMotDePasse(page: Page, lien: string, motDePasse: string) {
  await page.goto(lien)
  await verifierAccessibilite(page)
  await page.fill('#motDePasse', motDePasse)
  await page.fill('#confirmation', motDePasse)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await page.waitForURL((u) => u.pathname === '/connexion')
}

async function seConnecter(page: Page, email: string, motDePasse: string) {
  await page.goto(`${url}/connexion`)
  await page.fill('#email', email)
  await page.fill('#motDePasse', motDePasse)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

describe('espace connecté', () => {
  const intervenante = { email: 'intervenante@association.example', motDePasse: 'phrase-de-passe-de-l-intervenante' }
  let secret = ''

  it('invitation par courriel → mot de passe → enrôlement du second facteur → espace', async () => {
    const { recu, lien } = await inviter(intervenante.email, 'intervenant', { champ: '#invitation-poste' })
    // Le courriel ne porte que le lien : ni nom, ni adresse de l'invitant.
    expect(recu.texte).not.toContain('operateur@example.org')
    expect(recu.texte).not.toContain('Opératrice des tests')

    const page = await ouvrirPage(navigateur)
    await choisirMotDePasse(page, lien, intervenante.motDePasse)
    await verifierAccessibilite(page)
    await seConnecter(page, intervenante.email, intervenante.motDePasse)
    await page.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    // Le rôle exige le second facteur : pas d'espace avant l'enrôlement.
    await page.goto(`${url}/espace`)
    await page.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    await verifierAccessibilite(page)
    secret = (await page.locator('code.passerelle-codes-secours').first().innerText()).trim()
    await page.fill('#code', codeTotp(secret))
    await page.getByRole('button', { name: 'Activer le second facteur' }).click()
    await page.getByText('J’ai noté mes codes, continuer').click()
    await page.waitForURL((u) => u.pathname === '/espace')
    await verifierAccessibilite(page)
    expect(await page.locator('main').innerText()).toMatch(/Mon compte/)
    await page.context().close()
  })

  it('sur un autre appareil, la connexion demande le code ; « se déconnecter partout » ferme les deux sessions', async () => {
    await pasSuivant()
    const bureau = await ouvrirPage(navigateur)
    await seConnecter(bureau, intervenante.email, intervenante.motDePasse)
    await bureau.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    await bureau.fill('#code', codeTotp(secret))
    await bureau.getByRole('button', { name: 'Valider' }).click()
    await bureau.waitForURL((u) => u.pathname === '/espace')

    await pasSuivant()
    const telephone = await ouvrirPage(navigateur, { userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/150.0 Mobile Safari/537.36' })
    await seConnecter(telephone, intervenante.email, intervenante.motDePasse)
    await telephone.waitForURL((u) => u.pathname === '/connexion/second-facteur')
    await telephone.fill('#code', codeTotp(secret))
    await telephone.getByRole('button', { name: 'Valider' }).click()
    await telephone.waitForURL((u) => u.pathname === '/espace')

    await bureau.goto(`${url}/espace/compte`)
    await verifierAccessibilite(bureau)
    const sessions = await bureau.locator('#sessions ~ *').first().innerText()
    expect(sessions).toMatch(/Android/)
    await bureau.getByRole('button', { name: 'Se déconnecter partout (y compris ici)' }).click()
    await bureau.waitForURL((u) => u.pathname === '/connexion')
    await telephone.goto(`${url}/espace`)
    await telephone.waitForURL((u) => u.pathname === '/connexion')
    await bureau.context().close()
    await telephone.context().close()
  })

  it('les essais répétés sont freinés avec un message clair, sans verrouiller le compte', async () => {
    const page = await ouvrirPage(navigateur)
    let statut = 0
    for (let i = 0; i < 7 && statut !== 429; i++) {
      const reponse = page.waitForResponse((r) => r.url().includes('/connexion') && r.request().method() === 'POST')
      await seConnecter(page, intervenante.email, `mauvais-mot-de-passe-${i}`)
      statut = (await reponse).status()
    }
    expect(statut).toBe(429)
    expect(await page.getByRole('alert').innerText()).toMatch(/Trop de tentatives de connexion : réessayez dans \d+ s/)
    // L'adresse saisie est gardée, le mot de passe jamais renvoyé.
    expect(await page.inputValue('#email')).toBe(intervenante.email)
    expect(await page.inputValue('#motDePasse')).toBe('')
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('un lien d’invitation échu est refusé avec une explication, et ne crée rien', async () => {
    const email = 'agent.echu@interieur.gouv.fr'
    const { lien } = await inviter(email, 'agent-fsi', { champ: '#invitation-site' })
    // 72 heures passent : l'échéance est reculée directement dans la base du portail.
    const base = createClient({ url: `file:${path.join(portail.dossier, 'passerelle.db')}` })
    await base.execute({ sql: 'UPDATE invitations SET expire_le = ? WHERE email = ?', args: [new Date(Date.now() - 60_000).toISOString(), email] })
    base.close()
    const page = await ouvrirPage(navigateur)
    const reponse = await page.goto(lien)
    expect(reponse?.status()).toBe(410)
    expect(await page.getByRole('alert').innerText()).toMatch(/Lien d’invitation inutilisable/)
    expect(await page.locator('#motDePasse').count()).toBe(0)
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('ProConnect : un agent invité se connecte par le fournisseur local et arrive dans son espace', async () => {
    const email = 'agent.proconnect@interieur.gouv.fr'
    const { lien } = await inviter(email, 'agent-fsi', { champ: '#invitation-site' })
    const page = await ouvrirPage(navigateur)
    await choisirMotDePasse(page, lien, 'phrase-de-passe-de-l-agent')
    fournisseur.prochaineConnexion({ sub: 'agent-proconnect', email: email.toUpperCase(), acr: 'eidas1' })
    await page.goto(`${url}/connexion`)
    await verifierAccessibilite(page)
    await page.locator('.fr-connect').click()
    await page.waitForURL((u) => u.pathname === '/espace')
    await verifierAccessibilite(page)
    expect(fournisseur.connexions()).toBe(1)
    // Déconnexion : la session du portail est fermée, et la page mène à la fin de session chez ProConnect.
    await page.goto(`${url}/deconnexion`)
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    const fin = page.getByRole('link', { name: 'Terminer la déconnexion sur ProConnect' })
    expect(await fin.getAttribute('href')).toContain(fournisseur.issuer)
    await verifierAccessibilite(page)
    expect((await page.evaluate(async () => (await fetch('/api/utilisateurs/me')).json())).user).toBeNull()
    // Une adresse sans invitation : refus, même message que pour un compte suspendu.
    fournisseur.prochaineConnexion({ sub: 'inconnu', email: 'inconnu@interieur.gouv.fr', acr: 'eidas1' })
    const autre = await ouvrirPage(navigateur)
    await autre.goto(`${url}/connexion`)
    await autre.locator('.fr-connect').click()
    await autre.waitForURL((u) => u.pathname === '/connexion' && u.searchParams.get('proconnect') === 'sans-compte')
    await verifierAccessibilite(autre)
    await page.context().close()
    await autre.context().close()
  })
})
