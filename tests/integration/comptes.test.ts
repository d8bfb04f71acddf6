import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { Acteur } from '../../domaine/acces/politique'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Gestion des comptes depuis /espace/comptes (cms/comptes/gestion.ts) : chaque
 * action redemande la politique pour le compte visé, et laisse sa ligne au
 * journal d'audit (identifiants seulement).
 */
let base: BaseDeTest
let gestion: typeof import('../../cms/comptes/gestion')
let operateur: Utilisateur
let operateur2: Utilisateur
let coordination: Utilisateur
let agent: Utilisateur
let financeur: Utilisateur
let siteId: number
let posteId: number
const MOT_DE_PASSE = 'motdepasse-de-test-comptes-1'
const acteur = (u: Utilisateur): Acteur => ({ id: u.id, role: u.role!, suspendu: u.suspendu })
const relire = async (u: Utilisateur) => (await base.payload.findByID({ collection: 'utilisateurs', id: u.id, depth: 0, overrideAccess: true })) as Utilisateur
const journal = async () => (await base.payload.find({ collection: 'journal', pagination: false, sort: 'id', overrideAccess: true })).docs

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  gestion = await import('../../cms/comptes/gestion')
  operateur = (await creerPremierOperateur(base, { email: 'operateur-comptes@example.org', password: MOT_DE_PASSE })) as Utilisateur
  siteId = (await base.payload.create({ collection: 'sites', data: { nom: 'Brigade de test', slug: 'brigade-test', type: 'compagnie', commune: '01053' }, overrideAccess: true, context: { sansPublication: true } })).id
  posteId = (await base.payload.create({ collection: 'postes', data: { intitule: 'Poste de test', slug: 'poste-test', secteur: 'Bresse' }, overrideAccess: true, context: { sansPublication: true } })).id
  const compte = (email: string, data: Partial<Utilisateur>) =>
    base.payload.create({ collection: 'utilisateurs', data: { email, ...data }, overrideAccess: true }) as Promise<Utilisateur>
  operateur2 = await compte('operateur2-comptes@example.org', { role: 'operateur' })
  coordination = await compte('coordination-comptes@example.org', { role: 'coordination' })
  agent = await compte('agent-comptes@interieur.gouv.fr', { role: 'agent-fsi', site: siteId })
  financeur = await compte('financeur-comptes@example.org', { role: 'financeur' })
})
afterAll(async () => base?.fermer())

describe(`gestion des comptes (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('seuls l’opérateur et la coordination listent les comptes', async () => {
    expect((await gestion.listerComptes(base.payload, acteur(coordination)))?.map((c) => c.email)).toContain('agent-comptes@interieur.gouv.fr')
    expect(await gestion.listerComptes(base.payload, acteur(operateur))).toHaveLength(5)
    for (const u of [agent, financeur]) expect(await gestion.listerComptes(base.payload, acteur(u))).toBeNull()
    expect(await gestion.listerComptes(base.payload, null)).toBeNull()
    expect(await gestion.listerInvitationsOuvertes(base.payload, acteur(agent))).toBeNull()
  })

  it('la coordination suspend puis réactive un agent ; le journal le trace sans adresse électronique', async () => {
    expect(await gestion.suspendreCompte(base.payload, acteur(coordination), agent.id, '192.0.2.9')).toEqual({ ok: true })
    expect((await relire(agent)).suspendu).toBe(true)
    expect(await gestion.reactiverCompte(base.payload, acteur(coordination), String(agent.id), '192.0.2.9')).toEqual({ ok: true })
    expect((await relire(agent)).suspendu).toBe(false)
    const lignes = await journal()
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'compte-suspendu', acteur: coordination.id, cible: `utilisateurs:${agent.id}`, adresse: '192.0.2.9' }))
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'compte-reactive', acteur: coordination.id, cible: `utilisateurs:${agent.id}` }))
    expect(JSON.stringify(lignes)).not.toMatch(/@/)
  })

  it('refus : la coordination ne touche pas à un opérateur, personne ne se suspend soi-même, les autres rôles rien ; compte inconnu : 404', async () => {
    expect(await gestion.suspendreCompte(base.payload, acteur(coordination), operateur.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.suspendreCompte(base.payload, acteur(operateur), operateur.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.suspendreCompte(base.payload, acteur(financeur), agent.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.suspendreCompte(base.payload, null, agent.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.suspendreCompte(base.payload, acteur(operateur), 999999)).toMatchObject({ ok: false, statut: 404 })
    expect(await gestion.suspendreCompte(base.payload, acteur(operateur), '1 OR 1=1')).toMatchObject({ ok: false, statut: 404 })
    for (const u of [operateur, agent]) expect((await relire(u)).suspendu).toBeFalsy()
    // Un opérateur peut suspendre un autre opérateur.
    expect(await gestion.suspendreCompte(base.payload, acteur(operateur), operateur2.id)).toEqual({ ok: true })
    expect(await gestion.reactiverCompte(base.payload, acteur(operateur), operateur2.id)).toEqual({ ok: true })
  })

  it('réinitialiser le second facteur : efface le secret et les codes, ferme les sessions ; la coordination ne le fait pas pour un opérateur', async () => {
    const { ouvrirSession, validerJeton } = await import('../../cms/auth/sessions')
    await base.payload.update({ collection: 'utilisateurs', id: agent.id, data: { totpSecret: 'v1:chiffre', codesSecours: ['x'] }, overrideAccess: true })
    const session = await ouvrirSession(base.payload, { utilisateur: agent.id, secondFacteur: true, methode: 'mot-de-passe' })
    expect(await gestion.reinitialiserSecondFacteur(base.payload, acteur(coordination), operateur.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.reinitialiserSecondFacteur(base.payload, acteur(financeur), agent.id)).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.reinitialiserSecondFacteur(base.payload, acteur(coordination), agent.id, '192.0.2.9')).toEqual({ ok: true })
    const apres = await base.payload.findByID({ collection: 'utilisateurs', id: agent.id, overrideAccess: true, showHiddenFields: true })
    expect(apres).toMatchObject({ totpSecret: null, codesSecours: null })
    expect(await validerJeton(base.payload, session.jeton)).toBeNull()
    expect(await journal()).toContainEqual(expect.objectContaining({ action: 'second-facteur-reinitialise', acteur: coordination.id, cible: `utilisateurs:${agent.id}` }))
  })

  it('changement de rôle : le rattachement suit le rôle, le journal trace rôle et rattachement', async () => {
    expect(await gestion.modifierHabilitation(base.payload, acteur(coordination), financeur.id, { role: 'intervenant' })).toMatchObject({ ok: false, statut: 400, erreurs: { poste: expect.stringMatching(/^Poste : /) } })
    expect(await gestion.modifierHabilitation(base.payload, acteur(coordination), financeur.id, { role: 'intervenant', poste: String(posteId), site: String(siteId) })).toEqual({ ok: true })
    const apres = await relire(financeur)
    expect(apres).toMatchObject({ role: 'intervenant', poste: posteId, site: null })
    const lignes = await journal()
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'role-modifie', acteur: coordination.id, cible: `utilisateurs:${financeur.id}` }))
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'rattachement-modifie', acteur: coordination.id, cible: `utilisateurs:${financeur.id}` }))
  })

  it('la coordination ne donne pas le rôle opérateur ; un rôle inconnu est refusé', async () => {
    expect(await gestion.modifierHabilitation(base.payload, acteur(coordination), agent.id, { role: 'operateur' })).toMatchObject({ ok: false, statut: 403, erreurs: { role: expect.stringMatching(/^Rôle : /) } })
    expect(await gestion.modifierHabilitation(base.payload, acteur(coordination), operateur2.id, { role: 'financeur' })).toMatchObject({ ok: false, statut: 403 })
    expect(await gestion.modifierHabilitation(base.payload, acteur(operateur), agent.id, { role: 'administrateur' })).toMatchObject({ ok: false, statut: 400 })
    expect((await relire(agent)).role).toBe('agent-fsi')
    expect((await relire(operateur2)).role).toBe('operateur')
  })

  it('annuler une invitation : son lien ne sert plus ; réservé à l’opérateur et à la coordination', async () => {
    const { inviter, lireInvitation } = await import('../../cms/comptes/invitations')
    const resultat = await inviter(base.payload, acteur(operateur), { email: 'a-annuler@example.org', role: 'financeur' }, { urlPortail: 'https://passerelle.test' })
    if (!resultat.ok || !resultat.lien) throw new Error('invitation non créée')
    const jeton = resultat.lien.split('/').at(-1)!
    expect(await gestion.annulerInvitation(base.payload, acteur(financeur), resultat.invitation.id)).toMatchObject({ ok: false, statut: 403 })
    expect((await lireInvitation(base.payload, jeton)).etat).toBe('valide')
    expect(await gestion.annulerInvitation(base.payload, acteur(coordination), resultat.invitation.id)).toEqual({ ok: true })
    expect((await lireInvitation(base.payload, jeton)).etat).toBe('annulee')
    expect((await gestion.listerInvitationsOuvertes(base.payload, acteur(coordination)))?.map((i) => i.email)).not.toContain('a-annuler@example.org')
    expect(await gestion.annulerInvitation(base.payload, acteur(coordination), 999999)).toMatchObject({ ok: false, statut: 404 })
  })
})
