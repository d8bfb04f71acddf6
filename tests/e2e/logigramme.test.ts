import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { sessionOperateur } from './operateur'
import { lancerNavigateur, ouvrirPage, surveillerErreurs, verifierAccessibilite } from './navigateur'

/**
 * Le logigramme de la saisine sur le portail : schéma accessible et version
 * texte, questionnaire pas à pas sans JavaScript jusqu'aux partenaires, PDF
 * daté, et une modification de l'opérateur qui se retrouve partout.
 */
const url = inject('urlPortail')
const dossierDonnees = inject('dossierDonnees')
let navigateur: Browser

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

async function textePdf(octets: Uint8Array): Promise<string> {
  const tache = getDocument({ data: octets, verbosity: 0 })
  const doc = await tache.promise
  let texte = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const contenu = await (await doc.getPage(i)).getTextContent()
    texte += contenu.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n'
  }
  await tache.destroy()
  return texte.replace(/\s+/g, ' ')
}

describe('logigramme', () => {
  it('/logigramme montre le schéma accessible, la version texte juste dessous, le questionnaire et le PDF', async () => {
    const page = await ouvrirPage(navigateur)
    const erreurs = surveillerErreurs(page)
    const reponse = await page.goto(`${url}/logigramme`)
    expect(reponse?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    expect(await page.locator('h1').innerText()).toContain('Circuit de l’information')

    const schema = page.locator('svg[role="img"]')
    expect(await schema.count()).toBe(1)
    expect(await schema.locator('title').first().textContent()).toContain('Circuit de l’information')
    const etapes = await schema.locator('g[data-etape]').count()
    expect(etapes).toBeGreaterThanOrEqual(15)
    // La version texte suit immédiatement le schéma et reprend chaque étape.
    expect(await page.locator('figure + section #version-texte').count()).toBe(1)
    expect(await page.locator('ol.logigramme-alternative > li').count()).toBe(etapes)

    expect(await page.getByRole('link', { name: 'Répondre aux questions' }).getAttribute('href')).toMatch(/^\/logigramme\/[a-z0-9-]+$/)
    expect(await page.getByRole('link', { name: /Télécharger le logigramme/ }).getAttribute('href')).toBe('/logigramme/logigramme.pdf')
    await verifierAccessibilite(page)
    expect(erreurs).toEqual([])
    await page.context().close()
  })

  it('chaque étape du schéma a sa page de questionnaire', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/logigramme`)
    const ids = await page.locator('ol.logigramme-alternative > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^etape-/, '')))
    await page.context().close()
    for (const id of ids) expect((await fetch(`${url}/logigramme/${id}`)).status, id).toBe(200)
  })

  it('le questionnaire fonctionne sans JavaScript, du départ à l’action finale et aux partenaires', async () => {
    const contexte = await navigateur.newContext({ javaScriptEnabled: false, locale: 'fr-FR' })
    const page = await contexte.newPage()
    await page.goto(`${url}/logigramme`)
    await page.getByRole('link', { name: 'Répondre aux questions' }).click()
    await page.waitForURL(/\/logigramme\/reperage\/?$/)
    const reponses = [
      'Continuer',
      'Non', // pas de péril immédiat
      'Un policier ou un gendarme',
      'Continuer',
      'Continuer',
      'Non', // ni mineur ni personne vulnérable en danger
      'Oui', // la personne accepte
      'Violences conjugales ou intrafamiliales',
      'Continuer',
      'Continuer',
      'Oui', // la situation se dégrade
    ]
    for (const reponse of reponses) {
      const avant = page.url()
      await page.locator('[data-reponses]').getByRole('link', { name: reponse }).first().click()
      await page.waitForURL((u) => u.href !== avant)
    }
    expect(await page.locator('h1').innerText()).toBe('Rendre compte au service enquêteur et inciter la victime à déposer plainte')
    expect(await page.locator('[data-fin]').innerText()).toContain('Fin du parcours')
    expect(await page.locator('main').innerText()).toContain('Protocole-cadre de 2013')
    expect(await page.locator('a[href^="/annuaire/recherche?thematique="]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-partenaires] a[href^="/annuaire/"]').count()).toBeGreaterThan(0)
    await contexte.close()
  })

  it('une page de question et une page de fin passent axe', async () => {
    for (const chemin of ['/logigramme/besoins', '/logigramme/rendre-compte']) {
      const page = await ouvrirPage(navigateur)
      const erreurs = surveillerErreurs(page)
      expect((await page.goto(url + chemin))?.status()).toBe(200)
      await verifierAccessibilite(page)
      expect(erreurs).toEqual([])
      await page.context().close()
    }
  })

  it('le PDF A4 est servi, daté, et contient chaque étape', async () => {
    const reponse = await fetch(`${url}/logigramme/logigramme.pdf`)
    expect(reponse.status).toBe(200)
    expect(reponse.headers.get('content-type')).toBe('application/pdf')
    const texte = await textePdf(new Uint8Array(await reponse.arrayBuffer()))
    // À l’heure pile, l’heure s’écrit « 20 h » (domaine/temps) : les minutes sont facultatives.
    expect(texte).toMatch(/Document généré le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h( \d{2})?\b/)

    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/logigramme`)
    const titres = await page.locator('ol.logigramme-alternative > li h3').allInnerTexts()
    await page.context().close()
    for (const t of titres) expect(texte).toContain(t.replace(/^\d+\.\s*/, '').replace(/\s+/g, ' '))

    const svg = await fetch(`${url}/logigramme/logigramme.svg`)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toContain('role="img"')
  })

  it('l’opérateur modifie une étape : schéma, questionnaire et PDF suivent ; un circuit incohérent est refusé', async () => {
    const entetes = { 'Content-Type': 'application/json', Cookie: await sessionOperateur(url, dossierDonnees) }
    const global = (await (await fetch(`${url}/api/globals/logigramme?depth=0`, { headers: entetes })).json()) as {
      etapes: { identifiant: string; titre: string; branches: { vers: string }[] }[]
    }

    // Une branche vers une étape inexistante : refus, message en français qui nomme l'étape.
    const casse = structuredClone(global.etapes)
    const peril = casse.find((e) => e.identifiant === 'peril')!
    peril.branches[0]!.vers = 'nulle-part'
    const refus = await fetch(`${url}/api/globals/logigramme`, { method: 'POST', headers: entetes, body: JSON.stringify({ etapes: casse }) })
    expect(refus.status).toBe(400)
    // L'API nomme le champ fautif ; le message en français (« étape « peril », champ
    // branches[0].vers… ») s'affiche sous le champ dans l'admin et est vérifié par les tests unitaires.
    expect(JSON.stringify(await refus.json())).toMatch(/etapes\.\d+\.branches\.0\.vers/)

    // Une modification valide est publiée partout.
    const nouveauTitre = 'La personne est-elle en danger immédiat (modifié) ?'
    const etapes = structuredClone(global.etapes)
    etapes.find((e) => e.identifiant === 'peril')!.titre = nouveauTitre
    const ok = await fetch(`${url}/api/globals/logigramme`, { method: 'POST', headers: entetes, body: JSON.stringify({ etapes }) })
    expect(ok.status).toBe(200)
    await expect
      .poll(async () => (await (await fetch(`${url}/logigramme/peril`)).text()).includes(nouveauTitre.replace(/ \?$/, '')), { timeout: 90_000, interval: 1000 })
      .toBe(true)
    expect(await (await fetch(`${url}/logigramme`)).text()).toContain('La personne est-elle en danger immédiat (modifié)')
    expect(await textePdf(new Uint8Array(await (await fetch(`${url}/logigramme/logigramme.pdf`)).arrayBuffer()))).toContain(nouveauTitre)

    // Remise en état pour les autres tests.
    await fetch(`${url}/api/globals/logigramme`, { method: 'POST', headers: entetes, body: JSON.stringify({ etapes: global.etapes }) })
  })
})
