import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Le mécanisme de session unique (portail et admin) sur une vraie base :
 * seule l'empreinte du jeton est stockée, expirations, révocations, et la
 * stratégie de Payload qui ouvre l'admin et l'API avec le même cookie.
 */
let base: BaseDeTest
let operateur: Utilisateur
let agent: Utilisateur
const MDP = 'phrase-de-passe-des-sessions'

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  operateur = (await creerPremierOperateur(base, { email: 'operateur-sessions@example.org', password: MDP })) as Utilisateur
  agent = (await creerCompte(base, { email: 'agent-sessions@example.org', role: 'agent-fsi', motDePasse: MDP })) as Utilisateur
})
afterAll(async () => base?.fermer())

const auth = () => import('../../cms/auth/sessions')
const connecter = async (email: string, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0') => {
  const { seConnecter } = await import('../../cms/auth/connexion')
  const r = await seConnecter(base.payload, { email, motDePasse: MDP, adresse: '192.0.2.44', userAgent })
  if (!r.ok) throw new Error(r.message)
  return r
}
const utilisateurDe = async (jeton: string) => (await base.payload.auth({ headers: new Headers({ cookie: `passerelle-session=${jeton}` }) })).user

describe(`sessions (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('la base ne garde que l’empreinte du jeton ; le cookie est HttpOnly, SameSite=Lax, propre à l’hôte', async () => {
    const r = await connecter('agent-sessions@example.org')
    expect(r.cookie).toMatch(/^passerelle-session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/)
    expect(r.cookie).not.toMatch(/Domain/i)
    const lignes = await base.payload.find({ collection: 'sessions', overrideAccess: true, showHiddenFields: true, pagination: false })
    expect(JSON.stringify(lignes.docs)).not.toContain(r.jeton)
    const { empreinteJeton } = await import('../../domaine/acces/sessions')
    expect(lignes.docs.map((d) => d.empreinte)).toContain(empreinteJeton(r.jeton))
    // Par l'API, même son titulaire ne lit pas l'empreinte.
    const parLApi = await base.payload.find({ collection: 'sessions', overrideAccess: false, user: { ...agent, collection: 'utilisateurs' } })
    expect(parLApi.docs.length).toBeGreaterThan(0)
    expect(parLApi.docs.every((d) => !('empreinte' in d))).toBe(true)
  })

  it("la stratégie de Payload reconnaît la session (admin, API) ; un jeton inconnu ou abîmé n'ouvre rien", async () => {
    const r = await connecter('agent-sessions@example.org')
    expect(r.complete).toBe(true)
    expect((await utilisateurDe(r.jeton))?.id).toBe(agent.id)
    expect(await utilisateurDe('a'.repeat(32))).toBeNull()
    expect(await utilisateurDe(`${r.jeton}x`)).toBeNull()
  })

  it("tant que le second facteur n'est pas vérifié, un compte qui l'exige n'ouvre ni l'admin ni l'API", async () => {
    const r = await connecter('operateur-sessions@example.org')
    expect(r.complete).toBe(false)
    expect(await utilisateurDe(r.jeton)).toBeNull()
    const { validerJeton, marquerSecondFacteur } = await auth()
    const s = await validerJeton(base.payload, r.jeton)
    await marquerSecondFacteur(base.payload, s!.session.id)
    expect((await utilisateurDe(r.jeton))?.id).toBe(operateur.id)
  })

  it('expire après 30 minutes sans activité et après 12 heures quoi qu’il arrive', async () => {
    const { validerJeton } = await auth()
    const r = await connecter('agent-sessions@example.org')
    const t0 = Date.now()
    expect(await validerJeton(base.payload, r.jeton, new Date(t0 + 29 * 60_000))).not.toBeNull()
    // L'activité de la 29e minute a été écrite : la session vit jusqu'à la 58e.
    expect(await validerJeton(base.payload, r.jeton, new Date(t0 + 57 * 60_000))).not.toBeNull()
    expect(await validerJeton(base.payload, r.jeton, new Date(t0 + 57 * 60_000 + 30 * 60_000 + 1000))).toBeNull()
    const r2 = await connecter('agent-sessions@example.org')
    // Mesurée après l'ouverture : la session a au moins cet âge aux instants simulés.
    const t1 = Date.now()
    for (let h = 0.4; h < 11.9; h += 0.4) expect(await validerJeton(base.payload, r2.jeton, new Date(t1 + h * 3_600_000)), `${h} h`).not.toBeNull()
    expect(await validerJeton(base.payload, r2.jeton, new Date(t1 + 12 * 3_600_000))).toBeNull()
  })

  it('la déconnexion révoque en base ; la liste « mes sessions » ne montre que les siennes, actives', async () => {
    const { fermerSession, listerSessions, validerJeton, revoquerSession } = await auth()
    const { docs } = await base.payload.find({ collection: 'sessions', where: { utilisateur: { equals: agent.id } }, overrideAccess: true, pagination: false })
    await base.payload.update({ collection: 'sessions', where: { id: { in: docs.map((d) => d.id) } }, data: { revoqueeLe: new Date().toISOString() }, overrideAccess: true })
    const a = await connecter('agent-sessions@example.org', 'Mozilla/5.0 (Windows NT 10.0) Chrome/150.0 Safari/537.36')
    const b = await connecter('agent-sessions@example.org')
    const liste = await listerSessions(base.payload, agent.id)
    expect(liste.map((s) => s.appareil).sort()).toEqual(['Chrome sous Windows', 'Firefox sous Linux'])
    await fermerSession(base.payload, a.jeton, '192.0.2.44')
    expect(await validerJeton(base.payload, a.jeton)).toBeNull()
    expect(await validerJeton(base.payload, b.jeton)).not.toBeNull()
    // La session d'un autre compte ne se révoque pas par son identifiant.
    const sb = await validerJeton(base.payload, b.jeton)
    expect(await revoquerSession(base.payload, operateur.id, sb!.session.id)).toBe(false)
    expect(await validerJeton(base.payload, b.jeton)).not.toBeNull()
    expect(await revoquerSession(base.payload, agent.id, sb!.session.id)).toBe(true)
    expect(await validerJeton(base.payload, b.jeton)).toBeNull()
  })

  it('un changement de mot de passe ferme les autres sessions, pas celle qui agit', async () => {
    const { validerJeton } = await auth()
    const { changerMotDePasse } = await import('../../cms/auth/motDePasse')
    const ici = await connecter('agent-sessions@example.org')
    const ailleurs = await connecter('agent-sessions@example.org')
    const s = await validerJeton(base.payload, ici.jeton)
    expect(await changerMotDePasse(base.payload, { utilisateur: agent.id, actuel: 'faux', nouveau: 'x', confirmation: 'x' })).toMatchObject({ ok: false, champ: 'actuel' })
    expect(await changerMotDePasse(base.payload, { utilisateur: agent.id, actuel: MDP, nouveau: 'court', confirmation: 'court' })).toMatchObject({ ok: false, champ: 'motDePasse' })
    expect(await changerMotDePasse(base.payload, { utilisateur: agent.id, actuel: MDP, nouveau: MDP, confirmation: MDP, sessionCourante: s!.session.id })).toEqual({ ok: true })
    expect(await validerJeton(base.payload, ici.jeton)).not.toBeNull()
    expect(await validerJeton(base.payload, ailleurs.jeton)).toBeNull()
  })

  it('un changement de rôle ou une suspension ferme toutes les sessions du compte ; suspendu, il ne se connecte plus', async () => {
    const { validerJeton } = await auth()
    const { seConnecter } = await import('../../cms/auth/connexion')
    const r = await connecter('agent-sessions@example.org')
    await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { role: 'financeur' }, overrideAccess: false, user: { ...operateur, collection: 'utilisateurs' } })
    expect(await validerJeton(base.payload, r.jeton)).toBeNull()
    const r2 = await connecter('agent-sessions@example.org')
    await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { suspendu: true }, overrideAccess: false, user: { ...operateur, collection: 'utilisateurs' } })
    expect(await validerJeton(base.payload, r2.jeton)).toBeNull()
    expect(await seConnecter(base.payload, { email: 'agent-sessions@example.org', motDePasse: MDP, adresse: '192.0.2.45' })).toEqual({
      ok: false,
      message: 'Adresse électronique ou mot de passe incorrect.',
    })
    // Un compte ne lève pas sa propre suspension, ni ne change son rôle.
    await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { suspendu: false }, overrideAccess: true })
    const moi = { ...(await base.payload.findByID({ collection: 'utilisateurs', id: agent.id, overrideAccess: true })), collection: 'utilisateurs' as const }
    const apres = await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { role: 'operateur', suspendu: true }, overrideAccess: false, user: moi })
    expect(apres).toMatchObject({ role: 'financeur', suspendu: false })
    const journal = (await base.payload.find({ collection: 'journal', where: { action: { equals: 'sessions-revoquees' } }, overrideAccess: true, pagination: false })).docs
    expect(journal.filter((l) => l.cible === `utilisateurs:${agent.id}`).length).toBeGreaterThanOrEqual(2)
  })
})
