import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

/**
 * Publication réelle : `astro build` dans un processus séparé, lisant la base de
 * test, puis bascule. Une construction qui échoue pour de vrai (base
 * inaccessible) laisse le site précédent en service.
 *
 * Sur PostgreSQL avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts) :
 * la construction lit la base par l'API locale de Payload, la même sur les deux ;
 * la refaire ici coûtait plus d'une minute à chaque `npm test`.
 */
let base: BaseDeTest
let pipeline: import('../../socle/publication/pipeline').PipelinePublication
let constructeurAstro: typeof import('../../socle/publication/pipeline').constructeurAstro

const page = (chemin: string) => readFileSync(path.join(pipeline.constructionCourante()!, 'client', chemin, 'index.html'), 'utf8')

describe.runIf(aussiSurPostgresSiLongs())(`publication du portail (${process.env.PASSERELLE_TEST_BASE})`, () => {
  beforeAll(async () => {
    base = await demarrerBaseDeTest()
    const { seeder } = await import('../../cms/seed')
    await seeder(base.payload, { annuaire: false })
    const mod = await import('../../socle/publication/pipeline')
    constructeurAstro = mod.constructeurAstro
    const { configuration } = await import('../../socle/configuration')
    pipeline = new mod.PipelinePublication({
      dossier: path.join(base.dossier, 'publication'),
      delaiMs: 0,
      construire: constructeurAstro(racine, { ...process.env, PAYLOAD_SECRET: configuration().secret }),
    })
  })
  afterAll(async () => base?.fermer())

  it('construit le portail depuis la base et le met en service', async () => {
    const etat = await pipeline.publier()
    expect(etat.erreur).toBeUndefined()
    expect(etat.statut).toBe('reussie')
    expect(page('sites/ch-fleyriat')).toContain('Tous les mardis après-midi')
  })

  it('republie une modification faite dans le CMS', async () => {
    const site = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'ch-fleyriat' } } })).docs[0]
    await base.payload.update({ collection: 'sites', id: site.id, data: { rythme: 'Tous les mardis, de 14 h à 17 h' }, context: { sansPublication: true } })
    const etat = await pipeline.publier()
    expect(etat.statut).toBe('reussie')
    expect(page('sites/ch-fleyriat')).toContain('Tous les mardis, de 14 h à 17 h')
  })

  it('une construction qui échoue ne remplace pas le dernier site valide', async () => {
    const courant = pipeline.constructionCourante()
    const { PipelinePublication } = await import('../../socle/publication/pipeline')
    const { configuration } = await import('../../socle/configuration')
    // Même dossier de publication, mais une base injoignable : la construction échoue réellement.
    const env =
      base.type === 'postgres'
        ? { ...process.env, DATABASE_URL: `${process.env.DATABASE_URL}_absente` }
        : { ...process.env, PASSERELLE_DONNEES: path.join(base.dossier, 'vide') }
    const casse = new PipelinePublication({
      dossier: path.join(base.dossier, 'publication'),
      delaiMs: 0,
      construire: constructeurAstro(racine, { ...env, PAYLOAD_SECRET: configuration().secret }),
    })
    const etat = await casse.publier()
    expect(etat.statut).toBe('echouee')
    expect(etat.erreur).toMatch(/construction du portail a échoué/)
    expect(casse.constructionCourante()).toBe(courant)
    expect(page('sites/ch-fleyriat')).toContain('Tous les mardis, de 14 h à 17 h')
  })
})
