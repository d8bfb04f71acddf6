import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { LimiteurConnexion, REGLES_PAR_DEFAUT } from '../../domaine/acces/limitation-connexion'
import { emettreCodeInstallation } from '../../socle/codeInstallation'
import { creerCompte, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Premier accès : aucun mot de passe par défaut ; le premier compte devient
 * l'opérateur seulement avec le code d'installation affiché dans la console ;
 * le dernier opérateur reste ; mots de passe faibles refusés ; connexions
 * limitées sans verrouiller personne, sans rien dire des comptes existants.
 * Les fonctions appelées sont celles des pages /installation et /connexion.
 */
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

const MOT_DE_PASSE = 'Un-mot-de-passe-solide-2026'
const installer = async (o: { codeInstallation: string; email: string; motDePasse?: string; confirmation?: string }) => {
  const { installerPremierOperateur } = await import('../../cms/auth/installation')
  const motDePasse = o.motDePasse ?? MOT_DE_PASSE
  return installerPremierOperateur(base.payload, { nom: 'Opératrice', confirmation: motDePasse, ...o, motDePasse })
}
const connexion = async (email: string, motDePasse: string, adresse: string) => {
  const { seConnecter } = await import('../../cms/auth/connexion')
  return seConnecter(base.payload, { email, motDePasse, adresse })
}
const comptes = async () => (await base.payload.find({ collection: 'utilisateurs', pagination: false, overrideAccess: true, sort: 'id' })).docs as Utilisateur[]

describe(`premier accès (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('aucun compte n’existe après installation et amorçage', async () => {
    const { seeder } = await import('../../cms/seed')
    await seeder(base.payload, { annuaire: false })
    expect((await base.payload.count({ collection: 'utilisateurs' })).totalDocs).toBe(0)
  })

  it("l'installation refuse sans le code d'installation, ou avec un faux, en nommant le champ ; un mot de passe faible ne gâche pas le code", async () => {
    const code = emettreCodeInstallation(base.dossier)
    expect(await installer({ codeInstallation: '', email: 'intrus@example.org' })).toEqual({
      ok: false,
      erreurs: { codeInstallation: expect.stringMatching(/^Code d'installation : ce code ne correspond pas/) },
    })
    expect(await installer({ codeInstallation: 'AAAA-BBBB-CCCC', email: 'intrus@example.org' })).toMatchObject({ ok: false })
    expect(await installer({ codeInstallation: code, email: 'premier@example.org', motDePasse: 'court-1234' })).toEqual({
      ok: false,
      erreurs: { motDePasse: expect.stringMatching(/^Mot de passe : au moins 12/) },
    })
    expect(await installer({ codeInstallation: code, email: 'premier@example.org', motDePasse: 'qwerty123456' })).toEqual({
      ok: false,
      erreurs: { motDePasse: expect.stringContaining('les plus utilisés') },
    })
    expect(await installer({ codeInstallation: code, email: 'premier@example.org', confirmation: 'autre chose encore' })).toEqual({
      ok: false,
      erreurs: { confirmation: expect.stringMatching(/^Confirmation/) },
    })
    expect(await comptes()).toEqual([])
    // Les refus n'ont pas consommé le vrai code.
    expect(await installer({ codeInstallation: code.toLowerCase(), email: 'Premier@Example.org' })).toMatchObject({ ok: true })
    const [premier] = await comptes()
    expect(premier).toMatchObject({ email: 'premier@example.org', role: 'operateur' })
    expect(premier).not.toHaveProperty('codeInstallation')
    // L'empreinte du mot de passe n'est jamais lue par l'API, même par son titulaire.
    const parLApi = await base.payload.findByID({ collection: 'utilisateurs', id: premier!.id, overrideAccess: false, user: { ...premier!, collection: 'utilisateurs' } })
    expect(parLApi).not.toHaveProperty('motDePasse')
  })

  it('le dernier opérateur ne peut être ni supprimé ni rétrogradé ; un second opérateur le permet', async () => {
    const [premier] = await comptes()
    expect(premier?.role).toBe('operateur')
    await expect(base.payload.delete({ collection: 'utilisateurs', id: premier!.id, overrideAccess: true })).rejects.toThrow(/dernier opérateur/)
    await expect(
      base.payload.update({ collection: 'utilisateurs', id: premier!.id, data: { role: 'agent-fsi' }, overrideAccess: true }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'role', message: expect.stringContaining('dernier compte opérateur') }] } })
    // Une suppression en masse s'arrête aussi au dernier opérateur.
    const masse = await base.payload.delete({ collection: 'utilisateurs', where: { role: { equals: 'operateur' } }, overrideAccess: true })
    expect(masse.errors.map((e) => e.message)).toEqual([expect.stringMatching(/dernier opérateur/)])
    expect((await comptes()).map((c) => c.role)).toEqual(['operateur'])

    const second = await creerCompte(base, { email: 'second@example.org', role: 'operateur' })
    await base.payload.update({ collection: 'utilisateurs', id: premier!.id, data: { role: 'coordination' }, overrideAccess: true })
    await expect(base.payload.delete({ collection: 'utilisateurs', id: second.id, overrideAccess: true })).rejects.toThrow(/dernier opérateur/)
    await base.payload.update({ collection: 'utilisateurs', id: premier!.id, data: { role: 'operateur' }, overrideAccess: true })
  })

  it("une fois un compte créé, l'installation est fermée, même avec un nouveau code", async () => {
    const code = emettreCodeInstallation(base.dossier)
    expect(await installer({ codeInstallation: code, email: 'tard@example.org' })).toEqual({
      ok: false,
      erreurs: { codeInstallation: expect.stringContaining('existe déjà') },
    })
  })

  it('un compte qui a déjà servi ne se supprime pas : on le suspend', async () => {
    const [premier] = await comptes()
    expect(await connexion('premier@example.org', MOT_DE_PASSE, '192.0.2.10')).toMatchObject({ ok: true })
    const inutile = await creerCompte(base, { email: 'erreur@example.org', role: 'agent-fsi' })
    await base.payload.delete({ collection: 'utilisateurs', id: inutile.id, overrideAccess: true })
    const second = (await comptes()).find((c) => c.email === 'second@example.org')!
    await base.payload.update({ collection: 'utilisateurs', id: second.id, data: { role: 'coordination' }, overrideAccess: false, user: { ...premier!, collection: 'utilisateurs' } })
    // Le premier opérateur a agi (connexion, changement de rôle) : il figure au journal.
    await base.payload.update({ collection: 'utilisateurs', id: second.id, data: { role: 'operateur' }, overrideAccess: true })
    await expect(base.payload.delete({ collection: 'utilisateurs', id: premier!.id, overrideAccess: true })).rejects.toThrow(/Suspendez-le/)
  })

  it("les échecs d'une adresse ne verrouillent pas le compte pour les autres, et ne disent rien des comptes existants", async () => {
    // Horloge arrêtée : les délais n'expirent pas pendant le hachage du mot de passe, quelle que soit la charge de la machine.
    const arretee = Date.now()
    ;(globalThis as Record<symbol, unknown>)[Symbol.for('passerelle.limiteurConnexion')] = new LimiteurConnexion(REGLES_PAR_DEFAUT, () => arretee)
    const reponses: string[] = []
    for (let i = 0; i < 8; i++) {
      for (const email of ['premier@example.org', 'personne@example.org']) {
        const r = await connexion(email, `mauvais-mot-de-passe-${i}`, '198.51.100.66')
        expect(r.ok).toBe(false)
        reponses.push(r.ok ? 'ok' : `${r.attendreMs ? 429 : 401} ${r.message.replace(/\d+ s/, 'N s')}`)
      }
    }
    // Compte existant ou non : mêmes réponses, dans le même ordre.
    expect(reponses.filter((_, i) => i % 2 === 0)).toEqual(reponses.filter((_, i) => i % 2 === 1))
    expect([...new Set(reponses)].sort()).toEqual([
      '401 Adresse électronique ou mot de passe incorrect.',
      '429 Trop de tentatives de connexion : réessayez dans N s.',
    ])
    // Depuis le poste de l'opérateur, la connexion passe aussitôt.
    expect(await connexion('premier@example.org', MOT_DE_PASSE, '192.0.2.10')).toMatchObject({ ok: true })
    // Même depuis l'adresse fautive, le bon mot de passe attend son tour : le couple est retardé, pas le compte.
    expect(await connexion('premier@example.org', MOT_DE_PASSE, '198.51.100.66')).toMatchObject({ ok: false, attendreMs: expect.any(Number) })
  })
})

describe(`premiers enregistrements simultanés (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it("trois installations en parallèle avec le bon code ne donnent qu'un seul opérateur", async () => {
    // Retour à une base sans compte, par la couche de données : les hooks protègent le dernier opérateur.
    await base.payload.db.deleteMany({ collection: 'sessions', where: {} })
    await base.payload.db.deleteMany({ collection: 'utilisateurs', where: {} })
    expect(await comptes()).toEqual([])
    const code = emettreCodeInstallation(base.dossier)
    const resultats = await Promise.all(['a@example.org', 'b@example.org', 'c@example.org'].map((email) => installer({ codeInstallation: code, email })))
    expect(resultats.filter((r) => r.ok)).toHaveLength(1)
    expect((await comptes()).map((c) => c.role)).toEqual(['operateur'])
  })
})
