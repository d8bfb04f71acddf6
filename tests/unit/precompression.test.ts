import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, describe, expect, it } from 'vitest'

import { precompresser } from '../../site/construction/precompression'

const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-precompression-'))
afterAll(() => rmSync(dossier, { recursive: true, force: true }))

describe('précompression de la construction', () => {
  it('écrit à côté des pages, styles et scripts une version brotli et gzip fidèles à l’original', async () => {
    const page = `<!doctype html><html lang="fr"><body>${'<p>Intervenant social – secteur Bresse-Dombes</p>'.repeat(100)}</body></html>`
    const css = '.fr-btn{color:var(--text-action-high-blue-france)}'.repeat(100)
    mkdirSync(path.join(dossier, 'annuaire', 's-ccas'), { recursive: true })
    mkdirSync(path.join(dossier, '_astro'), { recursive: true })
    writeFileSync(path.join(dossier, 'annuaire', 's-ccas', 'index.html'), page)
    writeFileSync(path.join(dossier, '_astro', 'Base.abc.css'), css)
    writeFileSync(path.join(dossier, 'petit.html'), '<p>ok</p>')
    writeFileSync(path.join(dossier, 'image.png'), Buffer.alloc(4096, 7))

    expect(await precompresser(dossier)).toBe(2)

    const html = path.join(dossier, 'annuaire', 's-ccas', 'index.html')
    expect(brotliDecompressSync(readFileSync(`${html}.br`)).toString()).toBe(page)
    expect(gunzipSync(readFileSync(`${html}.gz`)).toString()).toBe(page)
    expect(readFileSync(`${html}.br`).length).toBeLessThan(Buffer.byteLength(page) / 10)
    const feuille = path.join(dossier, '_astro', 'Base.abc.css')
    expect(brotliDecompressSync(readFileSync(`${feuille}.br`)).toString()).toBe(css)
    // Trop petit pour y gagner, ou déjà compressé (images) : rien d'écrit.
    expect(existsSync(path.join(dossier, 'petit.html.br'))).toBe(false)
    expect(existsSync(path.join(dossier, 'image.png.br'))).toBe(false)
  })
})
