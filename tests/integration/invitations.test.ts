import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Acteur } from '../../domaine/acces/politique'
import type { Utilisateur } from '../../cms/payload-types'
import { creerExpediteur, type Expediteur } from '../../socle/courriel'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { demarrerServeurSmtp, type CourrielRecu as Recu, type ServeurSmtp } from '../outils/serveurSmtp'

/**
 * Invitations de bout en bout sur une vraie base : un vrai serveur SMTP
 * (smtp-server, dans ce processus) reçoit le courriel, on y lit le lien et on
 * l'accepte. L'horloge est un paramètre : un lien échu se teste sans attendre 72 h.
 */
let base: BaseDeTest
let smtp: ServeurSmtp
let expediteur: Expediteur
let operateur: Utilisateur
let coordination: Utilisateur
let intervenant: Utilisateur
let siteId: number
let posteId: number
let module: typeof import('../../cms/comptes/invitations')

const URL_PORTAIL = 'https://passerelle.test'
const MOT_DE_PASSE = 'motdepasse-de-test-invitations-1'
const NOUVEAU_MOT_DE_PASSE = 'une phrase de passe bien à moi'
const acteur = (u: Utilisateur): Acteur => ({ id: u.id, role: u.role!, suspendu: u.suspendu })

const lienRecu = (recu: Recu) => {
  const lien = /https:\/\/passerelle\.test\/invitation\/([a-z2-7]+)/.exec(recu.texte)
  if (!lien) throw new Error('aucun lien dans le courriel')
  return { lien: lien[0], jeton: lien[1]! }
}
const journal = async () => (await base.payload.find({ collection: 'journal', pagination: false, sort: 'id', overrideAccess: true })).docs

beforeAll(async () => {
  smtp = await demarrerServeurSmtp()
  expediteur = creerExpediteur({ smtpUrl: smtp.url, expediteur: 'ne-pas-repondre@passerelle.test' })

  base = await demarrerBaseDeTest()
  module = await import('../../cms/comptes/invitations')
  operateur = (await creerPremierOperateur(base, { email: 'operatrice@association.example', password: MOT_DE_PASSE })) as Utilisateur
  operateur = (await base.payload.update({ collection: 'utilisateurs', id: operateur.id, data: { nom: 'Camille Invitante' }, overrideAccess: true })) as Utilisateur
  const compte = (email: string, role: Utilisateur['role']) =>
    base.payload.create({ collection: 'utilisateurs', data: { email, role, nom: 'Dominique Coordinatrice' }, overrideAccess: true }) as Promise<Utilisateur>
  coordination = await compte('coordination@ain.gouv.fr', 'coordination')
  siteId = (await base.payload.create({ collection: 'sites', data: { nom: 'Commissariat de test', slug: 'commissariat-test', type: 'compagnie', commune: '01053' }, overrideAccess: true, context: { sansPublication: true } })).id
  posteId = (await base.payload.create({ collection: 'postes', data: { intitule: 'Poste de test', slug: 'poste-test', secteur: 'Bourg-en-Bresse' }, overrideAccess: true, context: { sansPublication: true } })).id
  intervenant = (await base.payload.create({
    collection: 'utilisateurs',
    data: { email: 'is@association.example', role: 'intervenant', poste: posteId },
    overrideAccess: true,
  })) as Utilisateur
})
afterAll(async () => {
  expediteur?.fermer()
  await smtp?.fermer()
  await base?.fermer()
})
beforeEach(() => {
  smtp.recus.length = 0
})

describe(`invitations (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('l’opérateur invite un agent FSI : courriel reçu sans nom ni autre secret que le lien, lien accepté, compte créé avec son rôle et son unité', async () => {
    const resultat = await module.inviter(
      base.payload,
      acteur(operateur),
      { email: '  Agent.Test@Interieur.gouv.fr ', role: 'agent-fsi', site: siteId },
      { urlPortail: URL_PORTAIL, expediteur, adresse: '192.0.2.7' },
    )
    expect(resultat).toMatchObject({ ok: true, invitation: { email: 'agent.test@interieur.gouv.fr', role: 'agent-fsi' } })
    // Le courriel part par SMTP : le lien n'est pas rendu à l'écran.
    expect(resultat.ok && resultat.lien).toBeFalsy()
    expect(smtp.recus).toHaveLength(1)
    const [recu] = smtp.recus as [Recu]
    expect(recu.destinataires).toEqual(['agent.test@interieur.gouv.fr'])
    expect(recu.texte).toContain('Policier ou gendarme (FSI)')
    // Ni le nom de l'invitant, ni son adresse, ni l'unité, ni l'empreinte du jeton.
    const invitation = (await base.payload.find({ collection: 'invitations', where: { email: { equals: 'agent.test@interieur.gouv.fr' } }, overrideAccess: true, showHiddenFields: true })).docs[0]!
    expect(recu.texte).not.toMatch(/Camille|Invitante|operatrice@|Commissariat de test/)
    const { lien, jeton } = lienRecu(recu)
    expect(recu.texte.split(/https?:\/\//).length).toBe(2) // un seul lien
    expect(lien).toBe(`${URL_PORTAIL}/invitation/${jeton}`)
    expect(JSON.stringify(invitation)).not.toContain(jeton)

    expect(await module.lireInvitation(base.payload, jeton)).toMatchObject({ etat: 'valide', invitation: { email: 'agent.test@interieur.gouv.fr', role: 'agent-fsi', site: siteId } })
    const acceptation = await module.accepterInvitation(base.payload, jeton, NOUVEAU_MOT_DE_PASSE, { adresse: '192.0.2.8' })
    expect(acceptation.ok).toBe(true)
    const compte = (await base.payload.findByID({ collection: 'utilisateurs', id: acceptation.ok ? acceptation.utilisateur : 0, depth: 0, overrideAccess: true, showHiddenFields: true })) as Utilisateur
    expect(compte).toMatchObject({ email: 'agent.test@interieur.gouv.fr', role: 'agent-fsi', site: siteId, suspendu: false })
    expect(compte.motDePasse).toMatch(/^scrypt\$/)
    // L'empreinte n'est pas lisible par l'API, pas même par la personne elle-même.
    const parLuiMeme = await base.payload.findByID({ collection: 'utilisateurs', id: compte.id, overrideAccess: false, user: { ...compte, collection: 'utilisateurs' } })
    expect(parLuiMeme).not.toHaveProperty('motDePasse')
    const { seConnecter } = await import('../../cms/auth/connexion')
    // Le mot de passe choisi ouvre une session ; un agent n'a pas de second facteur obligatoire.
    expect(await seConnecter(base.payload, { email: 'agent.test@interieur.gouv.fr', motDePasse: NOUVEAU_MOT_DE_PASSE, adresse: '192.0.2.8' })).toMatchObject({ ok: true, complete: true })

    const lignes = await journal()
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'invitation-envoyee', acteur: operateur.id, cible: `invitations:${invitation.id}`, adresse: '192.0.2.7' }))
    expect(lignes).toContainEqual(expect.objectContaining({ action: 'invitation-acceptee', acteur: compte.id, cible: `invitations:${invitation.id}`, adresse: '192.0.2.8' }))
    expect(JSON.stringify(lignes)).not.toMatch(new RegExp(`${jeton}|agent\\.test|interieur\\.gouv`))

    // Réutilisé : le lien ne sert plus.
    expect(await module.lireInvitation(base.payload, jeton)).toMatchObject({ etat: 'utilisee' })
    expect(await module.accepterInvitation(base.payload, jeton, 'encore une autre phrase')).toMatchObject({ ok: false, etat: 'utilisee' })
  })

  it('usage unique même sous deux envois simultanés du même lien', async () => {
    const resultat = await module.inviter(base.payload, acteur(operateur), { email: 'double@association.example', role: 'financeur' }, { urlPortail: URL_PORTAIL, expediteur })
    expect(resultat.ok).toBe(true)
    const { jeton } = lienRecu(smtp.recus[0]!)
    const reponses = await Promise.all([1, 2, 3].map(() => module.accepterInvitation(base.payload, jeton, NOUVEAU_MOT_DE_PASSE)))
    expect(reponses.filter((r) => r.ok)).toHaveLength(1)
    expect(reponses.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ etat: 'utilisee' }),
      expect.objectContaining({ etat: 'utilisee' }),
    ])
    expect((await base.payload.count({ collection: 'utilisateurs', where: { email: { equals: 'double@association.example' } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('un lien échu (plus de 72 h, horloge injectée) ne crée rien', async () => {
    const envoi = new Date()
    await module.inviter(base.payload, acteur(operateur), { email: 'tardif@association.example', role: 'coordination' }, { urlPortail: URL_PORTAIL, expediteur, maintenant: envoi })
    const { jeton } = lienRecu(smtp.recus[0]!)
    const juste = new Date(envoi.getTime() + 72 * 3600 * 1000 - 1000)
    const apres = new Date(envoi.getTime() + 72 * 3600 * 1000 + 1)
    expect((await module.lireInvitation(base.payload, jeton, juste)).etat).toBe('valide')
    expect(await module.lireInvitation(base.payload, jeton, apres)).toMatchObject({ etat: 'expiree', message: expect.stringMatching(/a expiré/) })
    expect(await module.accepterInvitation(base.payload, jeton, NOUVEAU_MOT_DE_PASSE, { maintenant: apres })).toMatchObject({ ok: false, etat: 'expiree' })
    expect((await base.payload.count({ collection: 'utilisateurs', where: { email: { equals: 'tardif@association.example' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('une nouvelle invitation annule la précédente ; un jeton inconnu ou mal formé ne dit rien de plus qu’un lien annulé', async () => {
    await module.inviter(base.payload, acteur(operateur), { email: 'deux-fois@association.example', role: 'financeur' }, { urlPortail: URL_PORTAIL, expediteur })
    await module.inviter(base.payload, acteur(operateur), { email: 'deux-fois@association.example', role: 'financeur' }, { urlPortail: URL_PORTAIL, expediteur })
    const [premier, second] = smtp.recus.map((r) => lienRecu(r).jeton) as [string, string]
    expect(await module.lireInvitation(base.payload, premier)).toMatchObject({ etat: 'annulee' })
    expect((await module.lireInvitation(base.payload, second)).etat).toBe('valide')
    const annule = await module.lireInvitation(base.payload, premier)
    expect(await module.lireInvitation(base.payload, 'a'.repeat(32))).toEqual({ etat: 'inconnue', message: 'message' in annule ? annule.message : 'non' })
    expect(await module.lireInvitation(base.payload, "x' OR 1=1 --")).toMatchObject({ etat: 'inconnue' })
  })

  it('un mot de passe trop court ou trop courant est refusé, le lien reste valable', async () => {
    await module.inviter(base.payload, acteur(operateur), { email: 'prudent@association.example', role: 'financeur' }, { urlPortail: URL_PORTAIL, expediteur })
    const { jeton } = lienRecu(smtp.recus[0]!)
    expect(await module.accepterInvitation(base.payload, jeton, 'court')).toEqual({ ok: false, erreurs: { motDePasse: expect.stringMatching(/^Mot de passe : au moins 12 caractères/) } })
    expect((await module.lireInvitation(base.payload, jeton)).etat).toBe('valide')
  })

  it('un domaine non autorisé est refusé avec la raison, sans invitation ni courriel', async () => {
    const avant = (await base.payload.count({ collection: 'invitations', overrideAccess: true })).totalDocs
    expect(await module.inviter(base.payload, acteur(operateur), { email: 'agent@gmail.com', role: 'agent-fsi', site: siteId }, { urlPortail: URL_PORTAIL, expediteur })).toEqual({
      ok: false,
      statut: 400,
      erreurs: { email: 'L’adresse agent@gmail.com n’est pas dans un domaine autorisé pour le rôle agent FSI : interieur.gouv.fr, gendarmerie.interieur.gouv.fr.' },
    })
    expect((await base.payload.count({ collection: 'invitations', overrideAccess: true })).totalDocs).toBe(avant)
    expect(smtp.recus).toHaveLength(0)
  })

  it('rattachement exigé par le rôle, compte déjà existant : refus qui nomment le champ', async () => {
    const options = { urlPortail: URL_PORTAIL, expediteur }
    expect(await module.inviter(base.payload, acteur(operateur), { email: 'sans-unite@interieur.gouv.fr', role: 'agent-fsi' }, options)).toMatchObject({ ok: false, erreurs: { site: expect.stringMatching(/^Unité : /) } })
    expect(await module.inviter(base.payload, acteur(operateur), { email: 'is2@association.example', role: 'intervenant', poste: 99999 }, options)).toMatchObject({ ok: false, erreurs: { poste: expect.stringMatching(/^Poste : /) } })
    expect(await module.inviter(base.payload, acteur(operateur), { email: 'COORDINATION@ain.gouv.fr', role: 'financeur' }, options)).toMatchObject({ ok: false, erreurs: { email: 'Adresse électronique : un compte existe déjà pour cette adresse.' } })
    expect(smtp.recus).toHaveLength(0)
  })

  it('seuls l’opérateur et la coordination invitent ; la coordination n’invite pas d’opérateur', async () => {
    const options = { urlPortail: URL_PORTAIL, expediteur }
    expect(await module.inviter(base.payload, acteur(intervenant), { email: 'x@association.example', role: 'financeur' }, options)).toMatchObject({ ok: false, statut: 403 })
    expect(await module.inviter(base.payload, null, { email: 'x@association.example', role: 'financeur' }, options)).toMatchObject({ ok: false, statut: 403 })
    expect(await module.inviter(base.payload, { ...acteur(operateur), suspendu: true }, { email: 'x@association.example', role: 'financeur' }, options)).toMatchObject({ ok: false, statut: 403 })
    expect(await module.inviter(base.payload, acteur(coordination), { email: 'x@association.example', role: 'operateur' }, options)).toMatchObject({ ok: false, statut: 403, erreurs: { role: expect.stringMatching(/^Rôle : /) } })
    expect(smtp.recus).toHaveLength(0)
    // Par l'API aussi : la collection refuse le rôle que l'invitant ne peut pas donner.
    await expect(
      base.payload.create({
        collection: 'invitations',
        data: { email: 'x@association.example', role: 'operateur', empreinte: 'f'.repeat(64), expireLe: new Date(Date.now() + 1000).toISOString() },
        overrideAccess: false,
        user: { ...coordination, collection: 'utilisateurs' },
      }),
    ).rejects.toThrow()
    await expect(base.payload.find({ collection: 'invitations', overrideAccess: false, user: { ...intervenant, collection: 'utilisateurs' } })).rejects.toThrow()
  })

  it('sans SMTP, l’invitant reçoit le lien (une fois) ; l’empreinte n’est lisible par aucun accès', async () => {
    const resultat = await module.inviter(base.payload, acteur(coordination), { email: 'financeur@departement.example', role: 'financeur' }, { urlPortail: URL_PORTAIL })
    expect(resultat).toMatchObject({ ok: true, lien: expect.stringMatching(/^https:\/\/passerelle\.test\/invitation\/[a-z2-7]{32}$/) })
    expect(smtp.recus).toHaveLength(0)
    const vues = await base.payload.find({ collection: 'invitations', overrideAccess: false, user: { ...coordination, collection: 'utilisateurs' } })
    expect(vues.totalDocs).toBeGreaterThan(0)
    for (const vue of vues.docs) expect(vue).not.toHaveProperty('empreinte')
  })
})
