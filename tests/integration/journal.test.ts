import { sql as sqlPostgres } from '@payloadcms/db-postgres'
import { sql as sqlSqlite } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Journal d'audit des comptes : chaque connexion, création, changement de rôle
 * ou de rattachement y laisse une ligne (identifiants seulement) ; seule la
 * coordination le lit ; personne ne le modifie ni ne l'efface, pas même du
 * code serveur qui passe outre les accès, ni une requête SQL.
 */
let base: BaseDeTest
let operateur: Utilisateur
let coordination: Utilisateur
let agent: Utilisateur
const MOT_DE_PASSE = 'motdepasse-de-test-journal-1'

const compte = (email: string, role: NonNullable<Utilisateur['role']>) =>
  creerCompte(base, { email, role, motDePasse: MOT_DE_PASSE }) as Promise<Utilisateur>
const lignes = async () => (await base.payload.find({ collection: 'journal', pagination: false, sort: 'id', overrideAccess: true })).docs

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  // Le premier compte se crée avec le code d'installation, comme sur l'écran de premier accès.
  operateur = (await creerPremierOperateur(base, { email: 'operateur-journal@example.org', password: MOT_DE_PASSE })) as Utilisateur
  coordination = await compte('coordination-journal@example.org', 'coordination')
  agent = await compte('agent-journal@example.org', 'agent-fsi')
})
afterAll(async () => base?.fermer())

describe(`journal d’audit (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('trace créations de comptes, connexion et changement de rôle, sans aucune adresse électronique', async () => {
    const { seConnecter } = await import('../../cms/auth/connexion')
    expect(await seConnecter(base.payload, { email: 'Agent-Journal@example.org', motDePasse: MOT_DE_PASSE, adresse: '192.0.2.7' })).toMatchObject({ ok: true })
    expect(await seConnecter(base.payload, { email: 'agent-journal@example.org', motDePasse: 'pas le bon', adresse: '192.0.2.7' })).toMatchObject({ ok: false })
    await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { role: 'financeur' }, overrideAccess: false, user: operateur })
    const journal = await lignes()
    expect(journal.filter((l) => l.action === 'compte-cree').map((l) => l.cible)).toEqual(
      [operateur, coordination, agent].map((u) => `utilisateurs:${u.id}`),
    )
    expect(journal).toContainEqual(expect.objectContaining({ action: 'connexion', acteur: agent.id, cible: `utilisateurs:${agent.id}`, adresse: '192.0.2.7' }))
    // Un refus ne garde ni l'adresse saisie ni le compte visé.
    expect(journal).toContainEqual(expect.objectContaining({ action: 'connexion-refusee', acteur: null, cible: null, adresse: '192.0.2.7' }))
    expect(journal).toContainEqual(expect.objectContaining({ action: 'role-modifie', acteur: operateur.id, cible: `utilisateurs:${agent.id}` }))
    expect(JSON.stringify(journal)).not.toMatch(/@example\.org|motdepasse/)
  })

  it('seule la coordination le lit', async () => {
    expect((await base.payload.find({ collection: 'journal', overrideAccess: false, user: coordination })).totalDocs).toBeGreaterThan(0)
    for (const user of [operateur, agent, undefined])
      await expect(base.payload.find({ collection: 'journal', overrideAccess: false, user })).rejects.toThrow()
    await expect(
      base.payload.create({ collection: 'journal', data: { action: 'connexion' }, overrideAccess: false, user: coordination }),
    ).rejects.toThrow()
  })

  it('aucun chemin ne le modifie ni ne l’efface : accès, code serveur, SQL', async () => {
    const [premiere] = await lignes()
    const avant = await lignes()
    await expect(base.payload.update({ collection: 'journal', id: premiere!.id, data: { cible: 'effacé' }, overrideAccess: false, user: coordination })).rejects.toThrow()
    await expect(base.payload.update({ collection: 'journal', id: premiere!.id, data: { cible: 'effacé' }, overrideAccess: true })).rejects.toThrow(/ne se modifie pas/)
    await expect(base.payload.delete({ collection: 'journal', id: premiere!.id, overrideAccess: true })).rejects.toThrow(/ne s’efface pas/)
    const db = base.payload.db as unknown as { drizzle: { run?: (q: unknown) => Promise<unknown>; execute?: (q: unknown) => Promise<unknown> } }
    const executer = (requete: string) =>
      base.type === 'sqlite' ? db.drizzle.run!(sqlSqlite.raw(requete)) : db.drizzle.execute!(sqlPostgres.raw(requete))
    // L'erreur de la base (déclencheur) est la cause de l'échec de la requête.
    const refusParLaBase = (e: { message?: string; cause?: { message?: string } }) => /ajout seul/.test(`${e.message} ${e.cause?.message}`)
    await expect(executer("UPDATE journal SET cible = 'effacé'")).rejects.toSatisfy(refusParLaBase)
    await expect(executer('DELETE FROM journal')).rejects.toSatisfy(refusParLaBase)
    expect(await lignes()).toEqual(avant)
  })
})
