import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage, verifierAccessibilite } from './navigateur'
import { creerCompteParInvitation, envoyerFormulaire, sessionOperateur } from './operateur'

/**
 * /espace/indicateurs et ses exports, sur le portail partagé : chaque rôle
 * (comptes invités, connectés avec leur second facteur) × la page et chaque
 * export ; le financeur sans filtre ; le PDF avec les notes de la
 * coordination, passées en POST avec le jeton CSRF ; la page sans violation
 * axe pour la coordination et le financeur.
 */
const url = inject('urlPortail')
const dossierDonnees = inject('dossierDonnees')

const ROLES = ['operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur'] as const
type Role = (typeof ROLES)[number]
const cookies: Partial<Record<Role, string>> = {}
let navigateur: Browser

const champ = (html: string, motif: RegExp) => html.match(motif)?.[1] ?? ''
const lire = (chemin: string, cookie?: string) => fetch(`${url}${chemin}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })
const PERIODE = '?type=trimestre&annee=2026&trimestre=4'

beforeAll(async () => {
  cookies.operateur = await sessionOperateur(url, dossierDonnees)
  const page = await (await lire('/espace/comptes', cookies.operateur)).text()
  const site = champ(page, /id="invitation-site"[\s\S]*?<option value="(\d+)"/)
  const poste = champ(page, /id="invitation-poste"[\s\S]*?<option value="(\d+)"/)
  for (const role of ROLES.slice(1)) {
    const compte = { email: `${role}.indicateurs@${role === 'agent-fsi' ? 'interieur.gouv.fr' : 'example.org'}`, motDePasse: `phrase-de-passe-${role}-indicateurs` }
    const rattachement = role === 'agent-fsi' ? { site } : role === 'intervenant' ? { poste } : {}
    cookies[role] = await creerCompteParInvitation(url, dossierDonnees, cookies.operateur!, compte, role, rattachement)
  }
  navigateur = await lancerNavigateur()
}, 600_000)

afterAll(async () => {
  await navigateur?.close()
})

/** Colonnes : opérateur, intervenant, agent FSI, coordination, financeur. */
const ROUTES: Record<string, { attendus: [number, number, number, number, number]; type?: RegExp }> = {
  '/espace/indicateurs': { attendus: [200, 403, 403, 200, 200], type: /^text\/html/ },
  '/espace/indicateurs/export.csv': { attendus: [200, 403, 403, 200, 200], type: /^text\/csv/ },
  '/espace/indicateurs/export.xlsx': { attendus: [200, 403, 403, 200, 200], type: /spreadsheetml/ },
  '/espace/indicateurs/rapport.pdf': { attendus: [200, 403, 403, 200, 200], type: /^application\/pdf/ },
}

describe('droits sur les indicateurs', () => {
  for (const [chemin, { attendus, type }] of Object.entries(ROUTES))
    it(`GET ${chemin}`, async () => {
      const anonyme = await lire(`${chemin}${PERIODE}`)
      expect(anonyme.status).toBe(303)
      expect(anonyme.headers.get('location')).toMatch(/^\/connexion\?retour=/)
      for (const [i, role] of ROLES.entries()) {
        const r = await lire(`${chemin}${PERIODE}`, cookies[role])
        expect(r.status, `${chemin} — ${role}`).toBe(attendus[i])
        if (r.status === 200) expect(r.headers.get('content-type'), `${chemin} — ${role}`).toMatch(type!)
        if (r.status === 403) expect(await r.text(), `${chemin} — ${role}`).not.toMatch(/Saisines par unité|Bénéficiaires/)
        else await r.arrayBuffer()
      }
    })

  it('POST du rapport PDF : refusé aux agents et aux intervenants, même avec le jeton de leur session', async () => {
    for (const role of ['intervenant', 'agent-fsi'] as const) {
      const jeton = champ(await (await lire('/espace/compte', cookies[role])).text(), /name="csrf" value="([^"]*)"/)
      const r = await envoyerFormulaire(url, `/espace/indicateurs/rapport.pdf${PERIODE}`, { csrf: jeton, notes: 'x' }, cookies[role])
      expect(r.status, role).toBe(403)
    }
  })

  it('le financeur n’a pas de filtre : ni dans la page, ni par l’adresse d’un export', async () => {
    const page = await (await lire(`/espace/indicateurs${PERIODE}`, cookies.financeur)).text()
    expect(page).not.toContain('id="poste"')
    expect(page).not.toContain('id="unite"')
    expect(page).toContain('Secret statistique')
    for (const chemin of ['/espace/indicateurs', '/espace/indicateurs/export.csv', '/espace/indicateurs/export.xlsx', '/espace/indicateurs/rapport.pdf']) {
      const r = await lire(`${chemin}${PERIODE}&unite=1`, cookies.financeur)
      expect(r.status, chemin).toBe(400)
      expect(await r.text(), chemin).toMatch(/département entier/)
    }
    const coordination = await (await lire(`/espace/indicateurs${PERIODE}`, cookies.coordination)).text()
    expect(coordination).toContain('id="poste"')
    // Les notes sont celles de la coordination : ni champ ni envoi pour le financeur.
    expect(page).not.toContain('id="notes"')
    const jeton = champ(await (await lire('/espace/compte', cookies.financeur)).text(), /name="csrf" value="([^"]*)"/)
    expect((await envoyerFormulaire(url, `/espace/indicateurs/rapport.pdf${PERIODE}`, { csrf: jeton, notes: 'x' }, cookies.financeur)).status).toBe(403)
  })
})

describe('rapport PDF avec les notes de la coordination', () => {
  it('les notes passent en POST avec le jeton CSRF et se retrouvent dans le PDF ; sans jeton : refus', async () => {
    const page = await (await lire(`/espace/indicateurs?type=mois&annee=2026&mois=11`, cookies.coordination)).text()
    const action = champ(page, /<form method="post" action="([^"]+)"/).replaceAll('&amp;', '&')
    expect(action).toBe('/espace/indicateurs/rapport.pdf?type=mois&annee=2026&mois=11')
    const csrf = champ(page, /name="csrf" value="([^"]*)"/)
    const sansJeton = await envoyerFormulaire(url, action, { notes: 'Note' }, cookies.coordination)
    expect(sansJeton.status).toBe(403)
    const r = await envoyerFormulaire(url, action, { csrf, notes: 'Mois marqué par la fermeture estivale d’une brigade.' }, cookies.coordination)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="indicateurs-novembre-2026.pdf"')
    const tache = getDocument({ data: new Uint8Array(await r.arrayBuffer()), verbosity: 0 })
    const doc = await tache.promise
    let texte = ''
    for (let i = 1; i <= doc.numPages; i++) texte += `${(await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ')} `
    await tache.destroy()
    expect(texte.replace(/\s+/g, ' ')).toContain('Bilan mensuel d’activité — novembre 2026')
    expect(texte.replace(/\s+/g, ' ')).toContain('Mois marqué par la fermeture estivale d’une brigade.')
  })
})

describe('accessibilité de la page', () => {
  for (const role of ['coordination', 'financeur'] as const)
    it(`${role} : aucune violation axe, graphiques titrés suivis de leur tableau`, async () => {
      const page = await ouvrirPage(navigateur)
      const [nom, valeur] = cookies[role]!.split('=') as [string, string]
      await page.context().addCookies([{ name: nom, value: valeur, url, httpOnly: true, sameSite: 'Lax' }])
      await page.goto(`${url}/espace/indicateurs${PERIODE}`)
      expect(await page.locator('h1').textContent()).toBe('Indicateurs d’activité')
      expect(await page.locator('section[aria-labelledby^="indicateur-"] > h2').count()).toBe(9)
      expect(await page.locator('svg[role="img"] title').count()).toBeGreaterThan(9)
      expect(await page.locator('table caption').count()).toBeGreaterThan(20)
      await verifierAccessibilite(page)
      // Une période erronée : erreurs par champ, en français, toujours sans violation.
      await page.goto(`${url}/espace/indicateurs?type=mois&annee=2026&mois=13`)
      expect(await page.locator('#mois-erreur').textContent()).toBe('Mois : entre 1 et 12')
      await verifierAccessibilite(page)
      await page.context().close()
    }, 180_000)
})
