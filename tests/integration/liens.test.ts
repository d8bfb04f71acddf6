import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/** Les adresses saisies dans l'admin deviennent des liens du portail : http(s) seulement, rien de perdu en cas de refus. */
let base: BaseDeTest
let operateur: Utilisateur

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  operateur = (await creerPremierOperateur(base, { email: 'operateur@example.org', password: 'motdepasse-de-test-1' })) as Utilisateur
})
afterAll(async () => base?.fermer())

const TYPE = 'ccas-cias' as const

describe(`adresses des fiches (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('refuse javascript:, data: et les adresses sans protocole, avec un message qui nomme le champ, sans toucher à la fiche', async () => {
    const fiche = await base.payload.create({
      collection: 'structures',
      data: { id_source: 'liens-test', source: 'passerelle', nom: 'Association des liens', type_partenaire: TYPE, date_maj: '2026-11-01', site_web: 'https://association.example.org' },
      user: operateur,
      overrideAccess: false, context: { sansPublication: true },
    })
    for (const site_web of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//malveillant.example', 'association.example.org']) {
      await expect(
        base.payload.update({ collection: 'structures', id: fiche.id, data: { site_web }, user: operateur, overrideAccess: false, context: { sansPublication: true } }),
        site_web,
      ).rejects.toThrow(/Site web/)
    }
    await expect(
      base.payload.update({ collection: 'structures', id: fiche.id, data: { lien_source: 'javascript:alert(1)' }, user: operateur, overrideAccess: false, context: { sansPublication: true } }),
    ).rejects.toThrow(/Lien vers la fiche source/)
    const relue = await base.payload.findByID({ collection: 'structures', id: fiche.id, depth: 0 })
    expect(relue.site_web).toBe('https://association.example.org')
    const http = await base.payload.update({ collection: 'structures', id: fiche.id, data: { site_web: 'http://association.example.org/contact' }, user: operateur, overrideAccess: false, context: { sansPublication: true } })
    expect(http.site_web).toBe('http://association.example.org/contact')
  })

  let numero = 0
  it('ressources de formation : lien web ou chemin du portail commençant par un seul « / »', async () => {
    const creer = (url: string) =>
      base.payload.create({
        collection: 'ressources-formation',
        data: { titre: 'Ressource', slug: `ressource-${++numero}`, type: 'lien', url, publics: ['is'] },
        user: operateur,
        overrideAccess: false, context: { sansPublication: true },
      })
    for (const url of ['//malveillant.example/page', '/\\malveillant.example', 'javascript:alert(1)']) await expect(creer(url), url).rejects.toThrow(/Adresse/)
    expect((await creer('/logigramme')).url).toBe('/logigramme')
  })
})
