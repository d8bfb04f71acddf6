import type PDFDocument from 'pdfkit'

/**
 * Ce que partagent les PDF du portail (logigramme, plaquettes de poste) :
 * format A4, texte ramené au jeu WinAnsi des polices standard de pdfkit,
 * collecte des octets du document.
 */
export const A4 = { largeur: 595.28, hauteur: 841.89 }

export type Doc = InstanceType<typeof PDFDocument>

/** Caractères représentables en WinAnsi (Latin-1 + les 27 ajouts de Windows-1252). */
const WIN_ANSI_EN_PLUS = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
])
const REMPLACEMENTS: Record<string, string> = { '→': '›', '←': '‹', '\u202f': ' ', '\u2009': ' ', '\u2011': '-', '≥': '>=', '≤': '<=', '✓': 'x' }

export function versWinAnsi(texte: string): string {
  let sortie = ''
  for (const c of texte.normalize('NFC')) {
    const code = c.codePointAt(0)!
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EN_PLUS.has(code) || c === '\n') sortie += c
    else sortie += REMPLACEMENTS[c] ?? '?'
  }
  return sortie
}

/** Octets du document, une fois `doc.end()` appelé. */
export function collecter(doc: Doc): Promise<Uint8Array<ArrayBuffer>> {
  const morceaux: Buffer[] = []
  doc.on('data', (m: Buffer) => morceaux.push(m))
  return new Promise((ok, ko) => {
    doc.on('end', () => ok(new Uint8Array(Buffer.concat(morceaux))))
    doc.on('error', ko)
  })
}
