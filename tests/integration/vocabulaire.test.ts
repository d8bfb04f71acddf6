import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { validerFichierDataInclusion } from '../../content/schemas/data-inclusion'
import type { FicheVocabulaire } from '../../cms/collections/Vocabulaire/fiche'
import { creerMoteurEmbarque, documentsDepuisFichier, entreesPourReferentiel, vocabulaireDepuisEntrees, vocabulaireParDefaut, type MoteurRecherche } from '../../search/index'
import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

/**
 * Le vocabulaire de recherche tenu dans l'admin (collection `vocabulaire`) :
 * amorçage sans écrasement, relecture à l'identique du fichier livré,
 * modification refusée en français quand elle casserait la recherche, et
 * modification valide transmise aussitôt au moteur installé.
 */

let base: BaseDeTest
let module: typeof import('../../cms/recherche/vocabulaire')
let moteurPartage: typeof import('../../search/partage')
let amorcage: typeof import('../../cms/seed/vocabulaire')

/** API locale sans les types générés (la collection peut manquer à payload-types.ts). */
type Api = {
  find(a: Record<string, unknown>): Promise<{ docs: FicheVocabulaire[] }>
  create(a: Record<string, unknown>): Promise<FicheVocabulaire>
  update(a: Record<string, unknown>): Promise<FicheVocabulaire>
  delete(a: Record<string, unknown>): Promise<unknown>
  count(a: Record<string, unknown>): Promise<{ totalDocs: number }>
}
const api = (payload: Payload) => payload as unknown as Api
const collection = 'vocabulaire'
const fiche = async (code: string) => (await api(base.payload).find({ collection, where: { code: { equals: code } }, depth: 0 })).docs[0]!

// Sans rien de propre à PostgreSQL : sur cette base, seulement avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts).
const actif = aussiSurPostgresSiLongs()
const FIXTURE = path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json')

beforeAll(async () => {
  if (!actif) return
  base = await demarrerBaseDeTest()
  module = await import('../../cms/recherche/vocabulaire')
  moteurPartage = await import('../../search/partage')
  amorcage = await import('../../cms/seed/vocabulaire')
})
afterAll(async () => {
  moteurPartage?.installerMoteur(undefined)
  await base?.fermer()
})

describe.runIf(actif)(`vocabulaire de recherche dans l'admin (${process.env.PASSERELLE_TEST_BASE})`, () => {
  const livrees = entreesPourReferentiel()

  it('sans amorçage, le vocabulaire livré ; l’amorçage crée une fiche par entrée, puis rien au second passage', async () => {
    expect(await module.vocabulaireDuCms(base.payload)).toBe(vocabulaireParDefaut())
    expect(await amorcage.seederVocabulaire(base.payload)).toEqual({ vocabulaire: { crees: livrees.length, existants: 0 } })
    expect(await amorcage.seederVocabulaire(base.payload)).toEqual({ vocabulaire: { crees: 0, existants: livrees.length } })
    expect((await api(base.payload).count({ collection })).totalDocs).toBe(livrees.length)
  })

  it('relit le référentiel amorcé à l’identique du fichier livré', async () => {
    expect(await module.vocabulaireDuCms(base.payload)).toEqual(vocabulaireDepuisEntrees(entreesPourReferentiel()))
  })

  it('refuse en français une modification qui casserait la recherche, sans rien changer', async () => {
    const fugue = await fiche('fugue')
    const avant = await module.vocabulaireDuCms(base.payload)
    const modifier = (data: Record<string, unknown>) => api(base.payload).update({ collection, id: fugue.id, data })

    await expect(modifier({ thematiques: [...(fugue.thematiques ?? []), 'thematique-qui-n-existe-pas'] })).rejects.toMatchObject({
      name: 'ValidationError',
      data: { errors: [{ path: 'thematiques', message: 'thématique inconnue : « thematique-qui-n-existe-pas »' }] },
    })
    await expect(modifier({ expressions: [...(fugue.expressions ?? []), 'Femme battue'] })).rejects.toMatchObject({
      data: {
        errors: [{ path: 'expressions', message: '« Femme battue » est déjà rattaché à « violences-conjugales » : une saisie ne doit avoir qu’un sens' }],
      },
    })
    await expect(modifier({ sigles: [], expressions: [] })).rejects.toMatchObject({
      data: { errors: [{ path: 'expressions', message: 'au moins un sigle ou une expression attendu' }] },
    })
    // Une nouvelle entrée ne peut pas reprendre un sigle existant.
    await expect(
      api(base.payload).create({ collection, data: { code: 'doublon', libelle: 'Doublon', sigles: ['VIF'], mots_associes: ['violence'] } }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'sigles', message: expect.stringContaining('« VIF » est déjà rattaché à « violences-conjugales »') }] } })

    expect(await fiche('fugue')).toEqual(fugue)
    expect((await api(base.payload).count({ collection })).totalDocs).toBe(livrees.length)
    expect(await module.vocabulaireDuCms(base.payload)).toEqual(avant)
  })

  it('une modification valide change le vocabulaire relu, et l’amorçage ne l’écrase pas', async () => {
    const fugue = await fiche('fugue')
    await api(base.payload).update({ collection, id: fugue.id, data: { expressions: [...(fugue.expressions ?? []), '  gamin en fugue '] } })
    const entree = (await module.vocabulaireDuCms(base.payload)).entrees.find((e) => e.code === 'fugue')!
    expect(entree.expressions.at(-1)).toBe('gamin en fugue')
    expect((await fiche('fugue')).expressions?.at(-1)).toBe('gamin en fugue')

    expect(await amorcage.seederVocabulaire(base.payload)).toEqual({ vocabulaire: { crees: 0, existants: livrees.length } })
    expect((await fiche('fugue')).expressions).toContain('gamin en fugue')
  })

  describe.skipIf(!existsSync(FIXTURE))('avec le moteur du serveur installé', () => {
    let moteur: MoteurRecherche
    const chercher = (texte: string) => moteur.rechercher({ texte })

    beforeAll(async () => {
      const fichier = validerFichierDataInclusion(JSON.parse(readFileSync(FIXTURE, 'utf8')), 'partenaires-ain.json')
      moteur = creerMoteurEmbarque({ vocabulaire: await module.vocabulaireDuCms(base.payload) })
      await moteur.remplacerTout(documentsDepuisFichier(fichier))
      moteurPartage.installerMoteur(moteur)
    })
    afterAll(() => moteurPartage.installerMoteur(undefined))

    it('un mot ajouté par l’opérateur est compris par la recherche aussitôt', async () => {
      expect((await chercher('zorglub')).statut).toBe('aucun-resultat')
      const hebergement = await fiche('hebergement-urgence')
      await api(base.payload).update({ collection, id: hebergement.id, data: { expressions: [...(hebergement.expressions ?? []), 'zorglub'] } })
      const reponse = await chercher('zorglub')
      expect(reponse.statut).toBe('resultats')
      expect(reponse.comprehension.concepts.join(' ')).toMatch(/H[ée]bergement d.urgence/i)
    })

    it('une entrée créée puis supprimée entre dans la recherche puis en sort', async () => {
      expect((await chercher('bidulon')).statut).toBe('aucun-resultat')
      const creee = await api(base.payload).create({
        collection,
        data: { code: 'essai-bidulon', libelle: 'Essai', expressions: ['bidulon'], thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'] },
      })
      expect((await chercher('bidulon')).statut).toBe('resultats')
      await api(base.payload).delete({ collection, id: creee.id })
      expect((await chercher('bidulon')).statut).toBe('aucun-resultat')
    })

    it('une écriture en masse (context.sansPublication) ne touche pas au moteur', async () => {
      const fugue = await fiche('fugue')
      await api(base.payload).update({ collection, id: fugue.id, data: { expressions: [...(fugue.expressions ?? []), 'trucmuche'] }, context: { sansPublication: true } })
      expect((await chercher('trucmuche')).statut).toBe('aucun-resultat')
      await moteur.changerVocabulaire(await module.vocabulaireDuCms(base.payload))
      expect((await chercher('trucmuche')).statut).toBe('resultats')
    })
  })
})
