import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'

let base: BaseDeTest
let seed: typeof import('../../cms/seed')

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  seed = await import('../../cms/seed')
})
afterAll(async () => base?.fermer())

const compter = async () =>
  Object.fromEntries(
    await Promise.all(
      (['sites', 'postes', 'referentiels', 'structures', 'services'] as const).map(async (c) => [c, (await base.payload.count({ collection: c })).totalDocs]),
    ),
  )

describe(`amorçage du contenu (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('crée les sites du cahier des charges, les 4 postes, les référentiels et l’annuaire de démonstration', async () => {
    const bilan = await seed.seeder(base.payload)
    expect(bilan.sites.crees).toBe(24)
    expect(bilan.postes.crees).toBe(4)
    const comptes = await compter()
    expect(comptes.structures).toBeGreaterThanOrEqual(110)
    expect(comptes.services).toBeGreaterThanOrEqual(170)

    const brigade = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'brigade-nantua' } }, depth: 1 })).docs[0]
    expect(brigade.type).toBe('brigade')
    expect(typeof brigade.compagnie === 'object' && brigade.compagnie?.slug).toBe('compagnie-gex')
    const fleyriat = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'ch-fleyriat' } } })).docs[0]
    expect(fleyriat.rythme).toBe('Tous les mardis après-midi')
    const montluel = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'france-services-cotiere-montluel' } } })).docs[0]
    expect(montluel.rythme).toBe('Trois jeudis par mois les matins')
    const permanence = (await base.payload.find({ collection: 'permanences', where: { site: { equals: montluel.id } } })).docs[0]
    expect(permanence.libelle).toBe('CC de la Côtière à Montluel – France services — les 1er, 2e et 3e jeudis matin du mois')
    expect(bilan.permanences.crees).toBe(8)
  })

  it('est idempotent : un second passage ne crée ni ne modifie rien', async () => {
    const avant = await compter()
    const bilan = await seed.seeder(base.payload)
    for (const { crees } of Object.values(bilan)) expect(crees).toBe(0)
    expect(await compter()).toEqual(avant)
  })

  it("n'écrase jamais une modification faite dans l'admin", async () => {
    const site = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'ch-bugey-sud' } } })).docs[0]
    await base.payload.update({ collection: 'sites', id: site.id, data: { rythme: 'Le 2e mardi du mois, après-midi' }, context: { sansPublication: true } })
    await seed.seeder(base.payload)
    const relu = await base.payload.findByID({ collection: 'sites', id: site.id })
    expect(relu.rythme).toBe('Le 2e mardi du mois, après-midi')
  })

  it('recrée une entrée supprimée, sans toucher aux autres', async () => {
    const fleyriat = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'ch-fleyriat' } } })).docs[0]
    await base.payload.delete({ collection: 'permanences', where: { site: { equals: fleyriat.id } }, context: { sansPublication: true } })
    const bilan = await seed.seeder(base.payload)
    expect(bilan.permanences).toEqual({ crees: 1, existants: 7 })
  })

  it('refuse de supprimer un poste qui a des permanences, avec un message clair ; supprime une structure avec ses services', async () => {
    const poste = (await base.payload.find({ collection: 'postes', where: { slug: { equals: 'secteur-bresse-dombes' } } })).docs[0]
    await expect(base.payload.delete({ collection: 'postes', id: poste.id, context: { sansPublication: true } })).rejects.toThrow(
      /Ce poste a \d permanence\(s\)/,
    )
    expect((await base.payload.findByID({ collection: 'postes', id: poste.id })).id).toBe(poste.id)
    const structure = (await base.payload.find({ collection: 'structures', limit: 1 })).docs[0]
    await base.payload.delete({ collection: 'structures', id: structure.id, context: { sansPublication: true } })
    expect((await base.payload.count({ collection: 'services', where: { structure: { equals: structure.id } } })).totalDocs).toBe(0)
  })

  it("refuse un fichier invalide avec un message nommant le fichier, l'entrée et le champ, sans rien écrire", async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-contenu-'))
    cpSync(path.join(racine, 'content'), dossier, { recursive: true })
    const fichier = path.join(dossier, 'sites.json')
    const donnees = JSON.parse(readFileSync(fichier, 'utf8'))
    donnees.sites.push({ slug: 'site-neuf', nom: 'Site neuf', type: 'brigade', commune: '99999', compagnie: 'compagnie-gex' })
    writeFileSync(fichier, JSON.stringify(donnees))
    const avant = await compter()
    await expect(seed.seeder(base.payload, { dossier })).rejects.toThrow(/sites\.json[\s\S]*sites\[24\] \(site-neuf\) › commune : commune « 99999 »/)
    expect(await compter()).toEqual(avant)
  })
})
