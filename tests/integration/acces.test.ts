import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Règles d'accès : refus par défaut, lecture publique du seul contenu éditorial,
 * écriture réservée à l'opérateur, comptes visibles seulement par leur titulaire.
 */
let base: BaseDeTest
let operateur: Utilisateur
let intervenant: Utilisateur
let agent: Utilisateur

const compte = (email: string, role: NonNullable<Utilisateur['role']>) => creerCompte(base, { email, role }) as Promise<Utilisateur>

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  operateur = (await creerPremierOperateur(base, { email: 'operateur@example.org', password: 'motdepasse-de-test-1' })) as Utilisateur
  intervenant = await compte('is@example.org', 'intervenant')
  agent = await compte('agent@example.org', 'agent-fsi')
})
afterAll(async () => base?.fermer())

const siteDeTest = { nom: 'Brigade de test', slug: 'brigade-test', type: 'compagnie' as const, commune: '01053' as const }

describe(`accès aux collections (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('un visiteur anonyme lit les sites mais ne peut pas en créer', async () => {
    await base.payload.create({ collection: 'sites', data: siteDeTest, context: { sansPublication: true } })
    const lus = await base.payload.find({ collection: 'sites', overrideAccess: false })
    expect(lus.totalDocs).toBeGreaterThan(0)
    await expect(
      base.payload.create({ collection: 'sites', data: { ...siteDeTest, slug: 'autre' }, overrideAccess: false }),
    ).rejects.toThrow(/autorisé|not allowed/i)
  })

  it("un intervenant ou un agent ne modifie pas l'annuaire ; l'opérateur oui", async () => {
    const site = (await base.payload.find({ collection: 'sites', where: { slug: { equals: 'brigade-test' } } })).docs[0]
    for (const user of [intervenant, agent]) {
      await expect(
        base.payload.update({ collection: 'sites', id: site.id, data: { nom: 'Piraté' }, overrideAccess: false, user }),
      ).rejects.toThrow(/autorisé|not allowed/i)
    }
    const modifie = await base.payload.update({
      collection: 'sites',
      id: site.id,
      data: { nom: 'Compagnie renommée' },
      overrideAccess: false,
      user: operateur,
      context: { sansPublication: true },
    })
    expect(modifie.nom).toBe('Compagnie renommée')
  })

  it('un anonyme ne voit aucun compte ; un agent ne voit que le sien', async () => {
    await expect(base.payload.find({ collection: 'utilisateurs', overrideAccess: false })).rejects.toThrow()
    const vus = await base.payload.find({ collection: 'utilisateurs', overrideAccess: false, user: agent })
    expect(vus.docs.map((u) => u.email)).toEqual(['agent@example.org'])
    const tous = await base.payload.find({ collection: 'utilisateurs', overrideAccess: false, user: operateur })
    expect(tous.totalDocs).toBe(3)
  })

  it("un agent ne peut pas s'attribuer le rôle d'opérateur", async () => {
    const apres = await base.payload.update({
      collection: 'utilisateurs',
      id: agent.id,
      data: { role: 'operateur' },
      overrideAccess: false,
      user: agent,
    })
    expect(apres.role).toBe('agent-fsi')
  })

  it("seul l'opérateur entre dans l'admin", async () => {
    const { Utilisateurs } = await import('../../cms/collections/Utilisateurs')
    const admin = Utilisateurs.access!.admin!
    const req = (user: Utilisateur | null) => ({ req: { user: user && { ...user, collection: 'utilisateurs' } } }) as never
    expect(await admin(req(operateur))).toBe(true)
    expect(await admin(req(intervenant))).toBe(false)
    expect(await admin(req(agent))).toBe(false)
    expect(await admin(req(null))).toBe(false)
  })

  it("l'état de publication n'est lisible que par l'opérateur et n'est modifiable par personne via l'API", async () => {
    await expect(base.payload.findGlobal({ slug: 'publication', overrideAccess: false, user: agent })).rejects.toThrow()
    await expect(base.payload.findGlobal({ slug: 'publication', overrideAccess: false, user: operateur })).resolves.toBeTruthy()
    await expect(
      base.payload.updateGlobal({ slug: 'publication', data: { statut: 'reussie' }, overrideAccess: false, user: operateur }),
    ).rejects.toThrow()
  })

  it('refuse une brigade sans compagnie avec un message en français nommant le champ', async () => {
    await expect(
      base.payload.create({ collection: 'sites', data: { nom: 'Brigade orpheline', type: 'brigade', commune: '01053' } } as never),
    ).rejects.toThrow(/compagnie/i)
  })
})
