import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleEndpoints } from 'payload'

import type { Utilisateur } from '../../cms/payload-types'
import { LimiteurConnexion, REGLES_PAR_DEFAUT } from '../../domaine/acces/limitation-connexion'
import { ENTETE_ADRESSE_CLIENT } from '../../socle/adresseClient'
import { emettreCodeInstallation } from '../../socle/codeInstallation'
import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Premier accès : aucun mot de passe par défaut ; le premier compte devient
 * l'opérateur seulement avec le code d'installation affiché dans la console ;
 * le dernier opérateur reste ; mots de passe faibles refusés ; connexions
 * limitées sans verrouiller personne. Les requêtes HTTP passent par le
 * gestionnaire REST de Payload, celui que la route /api de Next appelle.
 */
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

const MOT_DE_PASSE = 'Un-mot-de-passe-solide-2026'

function api(chemin: string, corps: unknown, adresse = '192.0.2.10') {
  return handleEndpoints({
    // La configuration de l'instance en cours : l'importer ici la lirait avant que la base de test soit choisie.
    config: base.payload.config,
    request: new Request(`http://passerelle.test/api/utilisateurs/${chemin}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ENTETE_ADRESSE_CLIENT]: adresse },
      body: JSON.stringify(corps),
    }),
  })
}

const erreurs = async (r: Response) => ((await r.json()) as { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }).errors
const messagesDeChamp = async (r: Response) => (await erreurs(r)).flatMap((e) => e.data?.errors ?? [])
const comptes = async () => (await base.payload.find({ collection: 'utilisateurs', pagination: false, overrideAccess: true })).docs as Utilisateur[]

describe(`premier accès (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('aucun compte n’existe après installation et amorçage', async () => {
    const { seeder } = await import('../../cms/seed')
    await seeder(base.payload, { annuaire: false })
    expect((await base.payload.count({ collection: 'utilisateurs' })).totalDocs).toBe(0)
  })

  it("l'écran de premier accès refuse sans le code d'installation, ou avec un faux, en nommant le champ", async () => {
    const code = emettreCodeInstallation(base.dossier)
    const sans = await api('first-register', { email: 'intrus@example.org', password: MOT_DE_PASSE })
    expect(sans.status).toBe(400)
    expect(await messagesDeChamp(sans)).toEqual([{ path: 'codeInstallation', message: expect.stringMatching(/^Code d'installation : ce code ne correspond pas/) }])
    const faux = await api('first-register', { email: 'intrus@example.org', password: MOT_DE_PASSE, codeInstallation: 'AAAA-BBBB-CCCC' })
    expect(faux.status).toBe(400)
    expect(await comptes()).toEqual([])
    // Les refus n'ont pas consommé le vrai code.
    const bon = await api('first-register', { email: 'premier@example.org', password: MOT_DE_PASSE, codeInstallation: code.toLowerCase() })
    expect(bon.status).toBe(200)
    const [premier] = await comptes()
    expect(premier).toMatchObject({ email: 'premier@example.org', role: 'operateur' })
    expect(premier).not.toHaveProperty('codeInstallation')
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

    const second = await base.payload.create({ collection: 'utilisateurs', data: { email: 'second@example.org', password: MOT_DE_PASSE, role: 'operateur' } })
    await base.payload.update({ collection: 'utilisateurs', id: premier!.id, data: { role: 'coordination' }, overrideAccess: true })
    await expect(base.payload.delete({ collection: 'utilisateurs', id: second.id, overrideAccess: true })).rejects.toThrow(/dernier opérateur/)
    await base.payload.update({ collection: 'utilisateurs', id: premier!.id, data: { role: 'operateur' }, overrideAccess: true })
  })

  it("une fois un compte créé, l'écran de premier accès est fermé, même avec un nouveau code", async () => {
    const code = emettreCodeInstallation(base.dossier)
    const r = await api('first-register', { email: 'tard@example.org', password: MOT_DE_PASSE, codeInstallation: code })
    expect(r.status).toBe(403)
  })

  it('les comptes suivants gardent le rôle demandé, ou le rôle par défaut', async () => {
    const agent = await base.payload.create({ collection: 'utilisateurs', data: { email: 'agent@example.org', password: MOT_DE_PASSE } })
    expect(agent.role).toBe('agent-fsi')
  })

  it('mot de passe : moins de 12 caractères ou trop courant, refusé avec un message qui nomme le champ', async () => {
    const creer = (password: string) => base.payload.create({ collection: 'utilisateurs', data: { email: 'faible@example.org', password } })
    await expect(creer('court-1234')).rejects.toMatchObject({ data: { errors: [{ path: 'password', message: expect.stringMatching(/^Mot de passe : au moins 12/) }] } })
    await expect(creer('qwerty123456')).rejects.toMatchObject({ data: { errors: [{ path: 'password', message: expect.stringContaining('les plus utilisés') }] } })
    const [agent] = (await base.payload.find({ collection: 'utilisateurs', where: { email: { equals: 'agent@example.org' } } })).docs
    await expect(base.payload.update({ collection: 'utilisateurs', id: agent!.id, data: { password: '1qaz2wsx3edc' } })).rejects.toMatchObject({
      data: { errors: [{ path: 'password' }] },
    })
    // Modifier un autre champ sans toucher au mot de passe reste possible.
    await base.payload.update({ collection: 'utilisateurs', id: agent!.id, data: { nom: 'Agent de test' } })
  })

  it("les échecs d'une adresse ne verrouillent pas le compte pour les autres, et ne disent rien des comptes existants", async () => {
    // Horloge arrêtée : les délais n'expirent pas pendant le hachage du mot de passe, quelle que soit la charge de la machine.
    const arretee = Date.now()
    ;(globalThis as Record<symbol, unknown>)[Symbol.for('passerelle.limiteurConnexion')] = new LimiteurConnexion(REGLES_PAR_DEFAUT, () => arretee)
    const connexion = (email: string, password: string, adresse: string) => api('login', { email, password }, adresse)
    const statuts: number[] = []
    const messages = new Set<string>()
    for (let i = 0; i < 8; i++) {
      for (const email of ['premier@example.org', 'personne@example.org']) {
        const r = await connexion(email, `mauvais-mot-de-passe-${i}`, '198.51.100.66')
        statuts.push(r.status)
        messages.add(`${r.status} ${(await erreurs(r))[0]!.message}`)
      }
    }
    // Compte existant ou non : mêmes réponses, dans le même ordre.
    expect(statuts.filter((_, i) => i % 2 === 0)).toEqual(statuts.filter((_, i) => i % 2 === 1))
    expect(statuts).toContain(429)
    expect([...messages].sort()).toEqual([expect.stringMatching(/^401 /), expect.stringMatching(/^429 Trop de tentatives de connexion : réessayez dans \d+ s\.$/)])
    // Depuis le poste de l'opérateur, la connexion passe aussitôt.
    expect((await connexion('premier@example.org', MOT_DE_PASSE, '192.0.2.10')).status).toBe(200)
    // Même depuis l'adresse fautive, le bon mot de passe attend son tour : le couple est retardé, pas le compte.
    expect((await connexion('premier@example.org', MOT_DE_PASSE, '198.51.100.66')).status).toBe(429)
  })
})

describe(`premiers enregistrements simultanés (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it("deux requêtes en parallèle avec le bon code ne donnent qu'un seul opérateur", async () => {
    // Retour à une base sans compte, par la couche de données : les hooks protègent le dernier opérateur.
    await base.payload.db.deleteMany({ collection: 'utilisateurs', where: {} })
    expect(await comptes()).toEqual([])
    const code = emettreCodeInstallation(base.dossier)
    const reponses = await Promise.all(
      ['a@example.org', 'b@example.org', 'c@example.org'].map((email, i) =>
        api('first-register', { email, password: MOT_DE_PASSE, codeInstallation: code }, `203.0.113.${i}`),
      ),
    )
    expect(reponses.map((r) => r.status).sort()).toEqual([200, 400, 400])
    const crees = await comptes()
    expect(crees.map((c) => c.role)).toEqual(['operateur'])
  })
})
