import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, inject, it } from 'vitest'

import { sessionOperateur } from './operateur'

/** Plaquette PDF d'un poste : servie par le portail, régénérée par la publication après une modification des permanences. */
const url = inject('urlPortail')
const dossierDonnees = inject('dossierDonnees')
const CHEMIN = '/plaquettes/poste/secteur-bresse-dombes.pdf'

async function lirePlaquette() {
  const reponse = await fetch(url + CHEMIN, { cache: 'no-store' })
  expect(reponse.status).toBe(200)
  expect(reponse.headers.get('content-type')).toContain('application/pdf')
  const tache = getDocument({ data: new Uint8Array(await reponse.arrayBuffer()), verbosity: 0 })
  const doc = await tache.promise
  let texte = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const contenu = await (await doc.getPage(i)).getTextContent()
    texte += contenu.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n'
  }
  const pages = doc.numPages
  await tache.destroy()
  return { pages, texte: texte.replace(/\s+/g, ' ') }
}

async function premierId(entetes: Record<string, string>, collection: string, slug: string): Promise<number> {
  const r = await fetch(`${url}/api/${collection}?where[slug][equals]=${slug}&depth=0&limit=1`, { headers: entetes })
  expect(r.status).toBe(200)
  const { docs } = (await r.json()) as { docs: { id: number }[] }
  expect(docs, `${collection} « ${slug} »`).toHaveLength(1)
  return docs[0]!.id
}

describe('plaquette PDF d’un poste d’intervenant social', () => {
  it('est publiée avec coordonnées, lieux et date de génération', async () => {
    const { pages, texte } = await lirePlaquette()
    expect(pages).toBeLessThanOrEqual(2)
    expect(texte).toContain('Intervenant social en commissariat et gendarmerie – Bresse-Dombes')
    expect(texte).toMatch(/CH Fleyriat|Centre hospitalier Fleyriat/)
    expect(texte).toContain('04 65 71 90 01')
    expect(texte).toMatch(/Plaquette générée le \d{1,2}(er)? \p{L}+ \d{4}/u)
  })

  it('montre une nouvelle permanence après sa saisie dans le CMS, puis la perd après sa suppression', async () => {
    const entetes = { Cookie: await sessionOperateur(url, dossierDonnees), 'Content-Type': 'application/json' }
    expect((await lirePlaquette()).texte).not.toContain('chaque vendredi matin')
    const site = await premierId(entetes, 'sites', 'mairie-villars-les-dombes')
    const poste = await premierId(entetes, 'postes', 'secteur-bresse-dombes')
    const creation = await fetch(`${url}/api/permanences`, {
      method: 'POST',
      headers: entetes,
      body: JSON.stringify({ site, poste, recurrence: { type: 'chaque-semaine', jour: 'vendredi' }, creneau: { moment: 'matin' } }),
    })
    expect(creation.status, await creation.clone().text()).toBe(201)
    const { doc } = (await creation.json()) as { doc: { id: number } }
    const attendre = async (predicat: (texte: string) => boolean) => {
      const limite = Date.now() + 60_000
      for (;;) {
        const { texte } = await lirePlaquette()
        if (predicat(texte)) return texte
        if (Date.now() > limite) throw new Error(`plaquette non régénérée en 60 s : ${texte.slice(0, 2000)}`)
        await new Promise((ok) => setTimeout(ok, 1000))
      }
    }
    try {
      const texte = await attendre((t) => t.includes('chaque vendredi matin'))
      expect(texte).toMatch(/Villars[- ]les[- ]Dombes[^:]*: chaque vendredi matin/)
      expect(texte).toMatch(/vendredi \d{1,2}(er)? \p{L}+( \d{4})?, 9 h – 12 h, Mairie de Villars[- ]les[- ]Dombes/u)
    } finally {
      const suppression = await fetch(`${url}/api/permanences/${doc.id}`, { method: 'DELETE', headers: entetes })
      expect(suppression.status).toBe(200)
    }
    await attendre((t) => !t.includes('chaque vendredi matin'))
  })
})
