import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'

import { genererPdfIndisponible, genererPdfLogigramme } from '../../domaine/logigramme/pdf'
import { versWinAnsi } from '../../domaine/pdf/commun'
import { chargerSeedLogigramme } from '../../cms/seed/logigramme'

const l = chargerSeedLogigramme()
// 10 h 05 à Paris (UTC+1 en mars) : la date imprimée est celle de Paris, pas celle de la machine.
const DATE = new Date('2027-03-01T09:05:00Z')

type Lu = { pages: number; texte: string; formats: { largeur: number; hauteur: number }[]; titre?: string }

/** Relit le PDF avec pdf.js, comme le ferait un lecteur : texte de toutes les pages, espaces normalisés. */
async function lire(octets: Uint8Array): Promise<Lu> {
  const tache = getDocument({ data: octets.slice(), verbosity: 0 })
  const doc = await tache.promise
  let texte = ''
  const formats: Lu['formats'] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const vue = page.getViewport({ scale: 1 })
    formats.push({ largeur: Math.round(vue.width), hauteur: Math.round(vue.height) })
    const contenu = await page.getTextContent()
    texte += contenu.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n'
  }
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } }
  await tache.destroy()
  return { pages: doc.numPages, texte: texte.replace(/\s+/g, ' '), formats, titre: info.Title }
}

describe('PDF du logigramme', () => {
  it('A4, titre, date de génération, chaque étape numérotée avec ses branches, pied de page paginé', async () => {
    const octets = await genererPdfLogigramme(l, { date: DATE, adresse: 'https://passerelle.example.org/logigramme' })
    expect(Buffer.from(octets.subarray(0, 5)).toString()).toBe('%PDF-')
    const pdf = await lire(octets)
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    for (const f of pdf.formats) expect(f).toEqual({ largeur: 595, hauteur: 842 })
    expect(pdf.titre).toBe('Circuit de l’information et de la saisine de l’intervenant social')
    expect(pdf.texte).toContain(l.titre)
    expect(pdf.texte).toContain('Document généré le 1er mars 2027 à 10 h 05')
    for (const e of l.etapes) expect(pdf.texte, `titre de l’étape « ${e.id} »`).toContain(e.titre)
    expect(pdf.texte).toContain('Oui › étape 3 : Protéger la personne et appeler les secours')
    expect(pdf.texte).toContain('Fondement : Article 226-14 du code pénal')
    expect(pdf.texte).toContain(`Page ${pdf.pages} / ${pdf.pages}`)
    expect(pdf.texte.match(/généré le 1er mars 2027 à 10 h 05 · https:\/\/passerelle\.example\.org\/logigramme/g)).toHaveLength(pdf.pages)
  })

  it('est produit en moins d’une seconde', async () => {
    const debut = performance.now()
    await genererPdfLogigramme(l, { date: DATE })
    expect(performance.now() - debut).toBeLessThan(1000)
  })

  it('reste lisible quand le logigramme n’est pas encore renseigné', async () => {
    const pdf = await lire(await genererPdfIndisponible(DATE))
    expect(pdf.texte).toContain('Le logigramme n’est pas encore renseigné (document généré le 1er mars 2027 à 10 h 05)')
  })

  it('remplace les caractères hors du jeu des polices standard du PDF', () => {
    expect(versWinAnsi('Oui → étape « 3 » – l’œuvre… 10\u202fh')).toBe('Oui › étape « 3 » – l’œuvre… 10 h')
    expect(versWinAnsi('emoji 🚓 ok')).toBe('emoji ? ok')
  })
})
