import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { fabriquerPdf } from '../outils/pdf'

/** Plaquettes versionnées : une nouvelle version archive l'ancienne, aucune n'est supprimée. */
let base: BaseDeTest
let operateur: Utilisateur
let PDF: Buffer

/** Un vrai petit PDF (Payload vérifie le type réel du fichier téléversé). */

beforeAll(async () => {
  PDF = await fabriquerPdf('Plaquette de test')
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

/** Un PNG de 1 × 1 pixel, vrai (octets magiques), pour les essais de types. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
// Un SVG sans script : même sain en apparence, un SVG servi depuis l'admin peut porter du code (liens, styles, futurs ajouts).
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')

describe(`types des fichiers téléversés (${process.env.PASSERELLE_TEST_BASE})`, () => {
  const envoyer = (data: Buffer, mimetype: string, name: string) =>
    base.payload.create({
      collection: 'medias',
      data: { alt: name },
      file: { data, mimetype, name, size: data.length },
      overrideAccess: false,
      user: operateur,
      context: { sansPublication: true },
    })

  it('refuse un SVG, même annoncé comme PNG', async () => {
    await expect(envoyer(SVG, 'image/svg+xml', 'logo.svg')).rejects.toThrow()
    await expect(envoyer(SVG, 'image/png', 'logo.png')).rejects.toThrow()
    const script = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>')
    await expect(envoyer(script, 'image/svg+xml', 'piege.svg')).rejects.toThrow()
  })

  it('juge le type au contenu, pas au nom : un texte nommé .pdf est refusé', async () => {
    const texte = Buffer.from('<html><script>alert(1)</script></html>')
    await expect(envoyer(texte, 'application/pdf', 'plaquette.pdf')).rejects.toThrow()
    const png = await envoyer(PNG, 'image/png', 'logo.png')
    expect(png.mimeType).toBe('image/png')
  })

  it('n’accepte qu’un PDF comme fichier de plaquette', async () => {
    const image = await envoyer(PNG, 'image/png', 'pas-une-plaquette.png')
    await expect(
      base.payload.create({
        collection: 'plaquettes',
        data: { titre: 'Plaquette image', famille: 'plaquette-image', public: 'fsi', fichier: image.id, version: '1', date: '2026-01-01' },
        overrideAccess: false,
        user: operateur,
        context: { sansPublication: true },
      }),
    ).rejects.toThrow(/Fichier/)
    const pdf = await televerser('plaquette-pdf')
    const plaquette = await base.payload.create({
      collection: 'plaquettes',
      data: { titre: 'Plaquette PDF', famille: 'plaquette-pdf', public: 'fsi', fichier: pdf.id, version: '1', date: '2026-01-01' },
      overrideAccess: false,
      user: operateur,
      context: { sansPublication: true },
    })
    expect(plaquette.id).toBeDefined()
  })
})
