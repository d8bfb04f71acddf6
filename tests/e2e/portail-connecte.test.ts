import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'
import { lancerNavigateur, ouvrirPage, surveillerErreurs, verifierAccessibilite } from './navigateur'
import { cookieDeSession, envoyerFormulaire, OPERATEUR, sessionOperateur } from './operateur'

/**
 * PORTAIL_ACCES=connecte (portail hébergé hors de l'intranet de l'État) : toute
 * page, statique ou non, et l'API ne répondent qu'après la vérification de la
 * session ; seules la connexion et sa mise en page restent libres.
 */
let portail: PortailDeTest
let url: string
let navigateur: Browser

beforeAll(async () => {
  portail = await demarrerPortailDeTest({ env: { PORTAIL_ACCES: 'connecte' } })
  url = portail.url
  navigateur = await lancerNavigateur()
}, 600_000)
afterAll(async () => {
  await navigateur?.close()
  await portail?.arreter()
})

const sansSuivre = (chemin: string, cookie?: string) => fetch(`${url}${chemin}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })

describe('PORTAIL_ACCES=connecte', () => {
  it('sans session, toute page (statique ou à la demande) et l’API mènent à la connexion, sans rien montrer', async () => {
    for (const chemin of ['/', '/annuaire', '/sites/mairie-villars-les-dombes', '/plaquettes', '/annuaire/recherche?q=logement', '/annuaire/recherche.json?q=logement', '/api/sites']) {
      const r = await sansSuivre(chemin)
      expect(r.status, chemin).toBe(303)
      expect(r.headers.get('location'), chemin).toBe(`/connexion?retour=${encodeURIComponent(chemin.split('?')[0]!)}`)
      expect(await r.text(), chemin).toBe('')
    }
    const envoi = await fetch(`${url}/annuaire/signaler`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url }, body: 'motif=x' })
    expect(envoi.status).toBe(401)
  })

  it('la page de connexion reste libre, avec sa mise en page, et passe axe', async () => {
    const page = await ouvrirPage(navigateur)
    const erreurs = surveillerErreurs(page)
    await page.goto(`${url}/annuaire`)
    await page.waitForURL((u) => u.pathname === '/connexion')
    expect(erreurs).toEqual([])
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('une session complète ouvre tout ; une session au second facteur en attente, rien', async () => {
    const cookie = await sessionOperateur(url, portail.dossier)
    for (const chemin of ['/', '/annuaire', '/api/sites']) expect((await sansSuivre(chemin, cookie)).status, chemin).toBe(200)
    const partielle = cookieDeSession(await envoyerFormulaire(url, '/connexion', { email: OPERATEUR.email, motDePasse: OPERATEUR.motDePasse }))
    expect(partielle).toBeTruthy()
    expect((await sansSuivre('/', partielle)).status).toBe(303)
  })
})
