import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import PDFDocument from 'pdfkit'

/** Le texte d'un PDF relu par pdf.js (blancs réduits à une espace), son nombre de pages et son titre. */
export async function lirePdf(octets: Uint8Array) {
  const tache = getDocument({ data: octets.slice(), verbosity: 0 })
  const doc = await tache.promise
  let texte = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const contenu = await (await doc.getPage(i)).getTextContent()
    texte += contenu.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n'
  }
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } }
  await tache.destroy()
  return { pages: doc.numPages, texte: texte.replace(/\s+/g, ' '), titre: info.Title }
}

/** Un vrai PDF d'une page (le contrôle de type des téléversements lit les octets, pas le nom). */
export const fabriquerPdf = (texte: string) =>
  new Promise<Buffer>((ok) => {
    const doc = new PDFDocument({ size: 'A4' })
    const morceaux: Buffer[] = []
    doc.on('data', (m: Buffer) => morceaux.push(m))
    doc.on('end', () => ok(Buffer.concat(morceaux)))
    doc.text(texte)
    doc.end()
  })
