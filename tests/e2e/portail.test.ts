import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, surveillerErreurs, verifierAccessibilite } from './navigateur'

/** Le parcours d'un policier ou d'un gendarme sur le portail public, dans un vrai navigateur. */
const url = inject('urlPortail')
let navigateur: Browser

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

const TYPES_DE_PAGE = [
  { chemin: '/', titre: 'Orienter une personne en détresse' },
  { chemin: '/qui-contacter', titre: 'Qui contacter ?' },
  { chemin: '/qui-contacter/commissariat-oyonnax', titre: 'Qui contacter ?' },
  { chemin: '/qui-contacter/commune?commune=01451', titre: 'Qui contacter ?' },
  { chemin: '/sites', titre: 'Sites d’intervention et permanences' },
  { chemin: '/permanences', titre: 'Permanences des intervenants sociaux' },
  { chemin: '/sites/brigade-nantua', titre: 'Brigade de Nantua' },
  { chemin: '/sites/ch-fleyriat', titre: 'Centre hospitalier Fleyriat' },
  { chemin: '/sites/compagnie-trevoux', titre: 'Compagnie de gendarmerie de Trévoux' },
  { chemin: '/postes', titre: 'Les intervenants sociaux' },
  { chemin: '/postes/secteur-bresse-dombes', titre: 'Intervenant social – secteur Bresse-Dombes' },
  { chemin: '/annuaire', titre: 'Annuaire des partenaires' },
  { chemin: '/annuaire/recherche?q=hebergement+urgence', titre: 'Recherche dans l’annuaire' },
  { chemin: '/plaquettes', titre: 'Plaquettes d’information' },
  { chemin: '/accessibilite', titre: 'Déclaration d’accessibilité' },
  { chemin: '/mentions-legales', titre: 'Mentions légales' },
]

describe('portail public', () => {
  for (const { chemin, titre } of TYPES_DE_PAGE) {
    it(`${chemin} s'affiche en français, sans erreur et sans violation d'accessibilité`, async () => {
      const page = await ouvrirPage(navigateur)
      const erreurs = surveillerErreurs(page)
      const reponse = await page.goto(url + chemin)
      expect(reponse?.status()).toBe(200)
      expect(await page.getAttribute('html', 'lang')).toBe('fr')
      await expect.poll(() => page.locator('h1').innerText()).toContain(titre)
      await verifierAccessibilite(page)
      expect(erreurs).toEqual([])
      await page.context().close()
    })
  }

  it('une fiche de structure de l’annuaire est accessible et signale les données de démonstration', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire`)
    const lien = page.locator('main section ul a').first()
    const nom = await lien.innerText()
    await lien.click()
    await expect.poll(() => page.locator('h1').innerText()).toBe(nom)
    expect(await page.locator('main').innerText()).toContain('Données de démonstration')
    expect(await page.locator('a[href^="tel:+33465"]').count()).toBeGreaterThan(0)
    expect(await page.locator('main').innerText()).toMatch(/Fiche mise à jour (il y a|ce mois-ci)/)
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('une fiche dit, à l’heure de Paris, si la structure est ouverte en ce moment', async () => {
    const page = await ouvrirPage(navigateur)
    // Le CCAS de Bourg-en-Bresse de l'annuaire de démonstration a des horaires du lundi au vendredi.
    await page.goto(`${url}/annuaire/s-bourg-en-bresse-ccas`)
    expect(await page.locator('main').innerText()).toMatch(/Lundi : \d+ h/i)
    await expect.poll(() => page.locator('[data-ouverture]').textContent()).toMatch(/^(Ouvert|Fermé)/)
    await verifierAccessibilite(page)
    const invalide = await fetch(`${url}/annuaire/ouverture/${encodeURIComponent('../etc')}.json`)
    expect(invalide.status).toBe(400)
    expect((await invalide.json()).erreur).toContain('Identifiant de structure invalide')
    await page.context().close()
  })

  it('une adresse inconnue répond 404 avec une page accessible', async () => {
    const page = await ouvrirPage(navigateur)
    const reponse = await page.goto(`${url}/sites/brigade-inexistante`)
    expect(reponse?.status()).toBe(404)
    expect(await page.locator('h1').innerText()).toBe('Page introuvable')
    await verifierAccessibilite(page)
    await page.context().close()
  })

  it('depuis l’accueil, un gendarme obtient la fiche « Qui contacter ? » de sa brigade, imprimée sur une page A4', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(url)
    await page.getByRole('link', { name: 'Brigade de Miribel' }).click()
    await expect.poll(() => page.locator('h1').innerText()).toContain('Qui contacter ?')
    const fiche = await page.locator('main').innerText()
    expect(fiche).toContain('Intervenant social – secteur Côtière et Val de Saône')
    expect(fiche).toContain('messagerie institutionnelle officielle uniquement')
    expect(fiche).toMatch(/115\s+Samu social/)
    expect(fiche).toMatch(/3919\s+Violences Femmes Info/)
    expect(await page.locator('a[href="tel:+33465719004"]').count()).toBe(1)
    await verifierAccessibilite(page)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const document = await getDocument({ data: new Uint8Array(pdf) }).promise
    expect(document.numPages, 'la fiche doit tenir sur une page A4').toBe(1)
    await page.context().close()
  })

  it('la fiche « Qui contacter ? » se trouve aussi par la commune, ancienne commune comprise, sans JavaScript', async () => {
    const page = await ouvrirPage(navigateur, { javaScriptEnabled: false })
    await page.goto(`${url}/qui-contacter`)
    await page.selectOption('#commune', { label: 'Bellegarde-sur-Valserine (aujourd’hui Valserhône)' })
    await page.click('form button[type="submit"]')
    await page.waitForURL(/commune=01033/)
    expect(await page.locator('h1').innerText()).toContain('Valserhône')
    expect(await page.locator('main').innerText()).toContain('Intervenant social – secteur Haut-Bugey et Pays de Gex')
    const invalide = await page.goto(`${url}/qui-contacter/commune?commune=75056`)
    expect(invalide?.status()).toBe(400)
    expect(await page.locator('.fr-alert--error').innerText()).toContain('Commune inconnue')
    await page.context().close()
  })

  it('la recherche de l’annuaire fonctionne sans JavaScript (formulaire GET rendu par le serveur)', async () => {
    const contexte = await navigateur.newContext({ javaScriptEnabled: false })
    const page = await contexte.newPage()
    await page.goto(url)
    await page.fill('#recherche-annuaire', 'hébergement')
    await page.click('form[role="search"] button[type="submit"]')
    await page.waitForURL(/\/annuaire\/recherche\?q=/)
    expect(await page.locator('#resultats').innerText()).toMatch(/\d+ résultats? pour « hébergement »/)
    expect(await page.locator('#resultats-recherche a[href^="/annuaire/"]').count()).toBeGreaterThan(0)
    await contexte.close()
  })

  it('une recherche trop longue reçoit une erreur 400 claire en français', async () => {
    const page = await ouvrirPage(navigateur)
    const reponse = await page.goto(`${url}/annuaire/recherche?q=${'a'.repeat(300)}`)
    expect(reponse?.status()).toBe(400)
    expect(await page.locator('.fr-alert--error').innerText()).toContain('limitée à 200 caractères')
    await page.context().close()
  })

  it('la sonde de santé répond', async () => {
    const reponse = await fetch(`${url}/sante`)
    expect(reponse.status).toBe(200)
    expect(await reponse.json()).toMatchObject({ statut: 'ok' })
  })
})

describe('contrôle d’accessibilité', () => {
  it('détecte bien une violation (le contrôle n’est pas vide)', async () => {
    const page = await ouvrirPage(navigateur)
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="data:,"></main></body></html>')
    await expect(verifierAccessibilite(page)).rejects.toThrow(/image-alt|html-has-lang/)
    await page.context().close()
  })
})
