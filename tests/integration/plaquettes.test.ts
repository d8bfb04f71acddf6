import PDFDocument from 'pdfkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/** Plaquettes versionnées : une nouvelle version archive l'ancienne, aucune n'est supprimée. */
let base: BaseDeTest
let operateur: Utilisateur
let PDF: Buffer

/** Un vrai petit PDF (Payload vérifie le type réel du fichier téléversé). */
const fabriquerPdf = () =>
  new Promise<Buffer>((ok) => {
    const doc = new PDFDocument({ size: 'A4' })
    const morceaux: Buffer[] = []
    doc.on('data', (m: Buffer) => morceaux.push(m))
    doc.on('end', () => ok(Buffer.concat(morceaux)))
    doc.text('Plaquette de test')
    doc.end()
  })

beforeAll(async () => {
  PDF = await fabriquerPdf()
  base = await demarrerBaseDeTest()
  operateur = (await creerPremierOperateur(base, { email: 'operateur@example.org', password: 'motdepasse-de-test-1' })) as Utilisateur
})
afterAll(async () => base?.fermer())

const televerser = (nom: string) =>
  base.payload.create({
    collection: 'medias',
    data: { alt: `Plaquette ${nom}` },
    file: { data: PDF, mimetype: 'application/pdf', name: `${nom}.pdf`, size: PDF.length },
    context: { sansPublication: true },
  })

describe(`plaquettes (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('garde toutes les versions d’une famille et refuse toute suppression, même à l’opérateur', async () => {
    const v1 = await base.payload.create({
      collection: 'plaquettes',
      data: { titre: 'Plaquette FSI', famille: 'plaquette-fsi', public: 'fsi', fichier: (await televerser('v1')).id, version: '1', date: '2025-01-15' },
      context: { sansPublication: true },
    })
    await base.payload.create({
      collection: 'plaquettes',
      data: { titre: 'Plaquette FSI', famille: 'plaquette-fsi', public: 'fsi', fichier: (await televerser('v2')).id, version: '2', date: '2026-09-01' },
      context: { sansPublication: true },
    })
    await expect(base.payload.delete({ collection: 'plaquettes', id: v1.id, overrideAccess: false, user: operateur })).rejects.toThrow()
    const versions = await base.payload.find({ collection: 'plaquettes', where: { famille: { equals: 'plaquette-fsi' } }, sort: '-date', overrideAccess: false })
    expect(versions.docs.map((p) => p.version)).toEqual(['2', '1'])
  })

  it('refuse une famille mal formée avec un message en français', async () => {
    await expect(
      base.payload.create({
        collection: 'plaquettes',
        data: { titre: 'X', famille: 'Plaquette FSI !', public: 'fsi', fichier: (await televerser('x')).id, version: '1', date: '2026-01-01' },
        context: { sansPublication: true },
      }),
    ).rejects.toThrow(/famille/i)
  })
})
