import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'
import { sessionOperateur } from './operateur'

/** Export de l'annuaire depuis l'admin (réservé à l'opérateur) et liste A4 d'un secteur. */
const url = inject('urlPortail')
const dossierDonnees = inject('dossierDonnees')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

describe('export de l’annuaire', () => {
  it('refuse l’export à un visiteur, le donne à l’opérateur en XLSX, CSV et JSON data·inclusion', async () => {
    expect((await fetch(`${url}/api/structures/export?format=csv`)).status).toBe(403)
    const entetes = { Cookie: await sessionOperateur(url, dossierDonnees) }
    const xlsx = await fetch(`${url}/api/structures/export?format=xlsx`, { headers: entetes })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toMatch(/attachment; filename="annuaire-passerelle-\d{4}-\d\d-\d\d\.xlsx"/)
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(await xlsx.arrayBuffer())
    expect(classeur.getWorksheet('Structures')!.rowCount).toBeGreaterThan(100)
    const csv = await (await fetch(`${url}/api/structures/export?format=csv`, { headers: entetes })).text()
    expect(csv.split('\n').length).toBeGreaterThan(150)
    const json = await (await fetch(`${url}/api/structures/export?format=json`, { headers: entetes })).json()
    expect(json.structures.length).toBeGreaterThan(100)
    expect((await fetch(`${url}/api/structures/export?format=pdf`, { headers: entetes })).status).toBe(400)
  })

  it('la liste imprimable d’un secteur ne montre que des services qui y interviennent', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/annuaire/secteur/secteur-haut-bugey-pays-de-gex`)
    const texte = await page.locator('main').innerText()
    expect(texte).toContain('Partenaires du secteur Haut-Bugey et Pays de Gex')
    expect(texte).toMatch(/Oyonnax|Gex|Valserhône/)
    expect(texte).not.toMatch(/CCAS de Bourg-en-Bresse|CCAS de Belley/)
    await verifierAccessibilite(page)
    await page.context().close()
  })
})
