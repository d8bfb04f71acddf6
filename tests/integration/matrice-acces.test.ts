import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * La matrice d'autorisation en HTTP, par l'API REST de Payload (le gestionnaire
 * que la route /api de Next appelle, avec la vraie stratégie de session) :
 * chaque acteur (anonyme, jeton forgé, session expirée, révoquée, second
 * facteur en attente, et les cinq rôles) × chaque opération sur les comptes,
 * les sessions et le journal, y compris l'enregistrement d'un autre par son
 * identifiant. Les attendus sont écrits à la main, case par case. Un refus
 * répond 403 (ou 404 quand l'existence même est un secret) et ne laisse rien
 * passer des autres comptes.
 */
let base: BaseDeTest
const comptes: Record<string, Utilisateur> = {}
const jetons: Record<string, string | undefined> = {}
const MDP = 'phrase-de-passe-de-la-matrice'

const ROLES = ['operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur'] as const
const INVALIDES = ['anonyme', 'forge', 'expiree', 'revoquee', 'second-facteur-en-attente'] as const
type Acteur = (typeof ROLES)[number] | (typeof INVALIDES)[number]

async function ouvrir(compte: Utilisateur, complete = true) {
  const { ouvrirSession, marquerSecondFacteur } = await import('../../cms/auth/sessions')
  const s = await ouvrirSession(base.payload, { utilisateur: compte.id, secondFacteur: false, methode: 'mot-de-passe' })
  if (complete) await marquerSecondFacteur(base.payload, s.id)
  return s
}

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  comptes.operateur = (await creerPremierOperateur(base, { email: 'operateur-matrice@example.org', password: MDP })) as Utilisateur
  for (const role of ROLES.slice(1)) comptes[role] = (await creerCompte(base, { email: `${role}-matrice@example.org`, role })) as Utilisateur
  comptes.autre = (await creerCompte(base, { email: 'autre-matrice@example.org', role: 'agent-fsi' })) as Utilisateur
  for (const role of ROLES) jetons[role] = (await ouvrir(comptes[role]!)).jeton
  jetons.forge = 'abcdefghijklmnopqrstuvwxyz234567'
  const expiree = await ouvrir(comptes.intervenant!)
  await base.payload.update({ collection: 'sessions', id: expiree.id, data: { vueLe: new Date(Date.now() - 2 * 3_600_000).toISOString() }, overrideAccess: true })
  jetons.expiree = expiree.jeton
  const revoquee = await ouvrir(comptes.coordination!)
  const { revoquerSession } = await import('../../cms/auth/sessions')
  await revoquerSession(base.payload, comptes.coordination!.id, revoquee.id)
  jetons.revoquee = revoquee.jeton
  jetons['second-facteur-en-attente'] = (await ouvrir(comptes.operateur!, false)).jeton
  // Une session de l'« autre » compte, visée par identifiant.
  comptes.sessionAutre = { id: (await ouvrir(comptes.autre!)).id } as Utilisateur
}, 120_000)
afterAll(async () => base?.fermer())

async function appeler(acteur: Acteur, methode: string, chemin: string, corps?: unknown) {
  const jeton = jetons[acteur]
  const reponse = await handleEndpoints({
    config: base.payload.config,
    request: new Request(`http://passerelle.test/api${chemin}`, {
      method: methode,
      headers: { 'Content-Type': 'application/json', ...(jeton ? { Cookie: `passerelle-session=${jeton}` } : {}) },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    }),
  })
  return { statut: reponse.status, corps: await reponse.text() }
}

type Operation = { nom: string; faire: (a: Acteur) => Promise<{ statut: number; corps: string }> }
const id = (nom: string) => comptes[nom]!.id
const soi = (a: Acteur) => comptes[a]?.id ?? id('intervenant')

const OPERATIONS: Operation[] = [
  { nom: 'lister les comptes', faire: (a) => appeler(a, 'GET', '/utilisateurs?limit=100') },
  { nom: 'lire le compte d’un autre', faire: (a) => appeler(a, 'GET', `/utilisateurs/${id('autre')}`) },
  { nom: 'lire son compte', faire: (a) => appeler(a, 'GET', `/utilisateurs/${soi(a)}`) },
  { nom: 'créer un compte', faire: (a) => appeler(a, 'POST', '/utilisateurs', { email: `cree-par-${a}@example.org`, role: 'agent-fsi' }) },
  { nom: 'modifier le compte d’un autre', faire: (a) => appeler(a, 'PATCH', `/utilisateurs/${id('autre')}`, { nom: `modifié par ${a}` }) },
  { nom: 'modifier son nom', faire: (a) => appeler(a, 'PATCH', `/utilisateurs/${soi(a)}`, { nom: `Nom de ${a}` }) },
  { nom: 'lever la suspension d’un autre', faire: (a) => appeler(a, 'PATCH', `/utilisateurs/${id('autre')}`, { suspendu: false }) },
  { nom: 'lister les sessions', faire: (a) => appeler(a, 'GET', '/sessions') },
  { nom: 'lire la session d’un autre', faire: (a) => appeler(a, 'GET', `/sessions/${id('sessionAutre')}`) },
  { nom: 'créer une session', faire: (a) => appeler(a, 'POST', '/sessions', { utilisateur: soi(a), methode: 'mot-de-passe', creeLe: new Date().toISOString(), vueLe: new Date().toISOString(), empreinte: 'x' }) },
  { nom: 'révoquer la session d’un autre', faire: (a) => appeler(a, 'PATCH', `/sessions/${id('sessionAutre')}`, { revoqueeLe: new Date().toISOString() }) },
  { nom: 'supprimer la session d’un autre', faire: (a) => appeler(a, 'DELETE', `/sessions/${id('sessionAutre')}`) },
  { nom: 'lister les invitations', faire: (a) => appeler(a, 'GET', '/invitations') },
  { nom: 'créer une invitation par l’API', faire: (a) => appeler(a, 'POST', '/invitations', { email: `x-${a}@interieur.gouv.fr`, role: 'agent-fsi', empreinte: 'a'.repeat(64), expireLe: '2099-01-01T00:00:00.000Z' }) },
  { nom: 'lire le journal', faire: (a) => appeler(a, 'GET', '/journal') },
  { nom: 'écrire au journal', faire: (a) => appeler(a, 'POST', '/journal', { action: 'connexion' }) },
]

/** Colonnes : opérateur, intervenant, agent FSI, coordination, financeur. Les acteurs sans session valide : 403 partout. */
const ATTENDU: Record<string, [number, number, number, number, number]> = {
  'lister les comptes': [200, 200, 200, 200, 200],
  'lire le compte d’un autre': [200, 404, 404, 404, 404],
  'lire son compte': [200, 200, 200, 200, 200],
  // Aucun compte par l'API, même pour l'opérateur : invitation ou installation seulement.
  'créer un compte': [403, 403, 403, 403, 403],
  // Écrire sur le compte d'un autre : 403 (la lecture, elle, répond 404 : le compte n'est pas dans ce qu'on peut lire).
  'modifier le compte d’un autre': [200, 403, 403, 403, 403],
  'modifier son nom': [200, 200, 200, 200, 200],
  'lever la suspension d’un autre': [200, 403, 403, 403, 403],
  'lister les sessions': [200, 200, 200, 200, 200],
  'lire la session d’un autre': [404, 404, 404, 404, 404],
  'créer une session': [403, 403, 403, 403, 403],
  'révoquer la session d’un autre': [403, 403, 403, 403, 403],
  'supprimer la session d’un autre': [403, 403, 403, 403, 403],
  'lister les invitations': [200, 403, 403, 200, 403],
  // Même qui invite ne crée pas d'invitation par l'API : seulement par /espace/comptes (jeton, échéance, courriel).
  'créer une invitation par l’API': [403, 403, 403, 403, 403],
  'lire le journal': [403, 403, 403, 200, 403],
  'écrire au journal': [403, 403, 403, 403, 403],
}

describe(`matrice d’autorisation en HTTP (${process.env.PASSERELLE_TEST_BASE})`, () => {
  for (const op of OPERATIONS) {
    it(op.nom, async () => {
      for (const acteur of [...INVALIDES, ...ROLES]) {
        const attendu = (INVALIDES as readonly string[]).includes(acteur) ? 403 : ATTENDU[op.nom]![ROLES.indexOf(acteur as (typeof ROLES)[number])]!
        const { statut, corps } = await op.faire(acteur)
        expect(statut, `${op.nom} — ${acteur}`).toBe(attendu)
        if (statut >= 400) {
          // Un refus ne dit rien des comptes : ni adresse, ni empreinte, ni contenu.
          expect(corps, `${op.nom} — ${acteur}`).not.toMatch(/@example\.org|empreinte|motDePasse/)
        }
      }
    })
  }

  it('une liste ne montre à chacun que ce que la politique lui ouvre, sans champ secret', async () => {
    for (const role of ROLES) {
      const comptesVus = JSON.parse((await appeler(role, 'GET', '/utilisateurs?limit=100')).corps).docs as { id: number; email: string }[]
      if (role === 'operateur') expect(comptesVus.length).toBeGreaterThan(5)
      else expect(comptesVus.map((c) => c.id), role).toEqual([comptes[role]!.id])
      const sessionsVues = JSON.parse((await appeler(role, 'GET', '/sessions?limit=100')).corps).docs as { utilisateur: number | { id: number } }[]
      expect(sessionsVues.every((s) => (typeof s.utilisateur === 'object' ? s.utilisateur.id : s.utilisateur) === comptes[role]!.id), role).toBe(true)
      const brut = JSON.stringify([comptesVus, sessionsVues])
      expect(brut).not.toMatch(/motDePasse|empreinte|scrypt\$/)
    }
  })

  it('un compte ne se donne ni un autre rôle ni un autre rattachement, et ne lève pas sa suspension', async () => {
    for (const role of ROLES.slice(1)) {
      await appeler(role, 'PATCH', `/utilisateurs/${comptes[role]!.id}`, { role: 'operateur', suspendu: true })
      const apres = await base.payload.findByID({ collection: 'utilisateurs', id: comptes[role]!.id, overrideAccess: true })
      expect(apres, role).toMatchObject({ role, suspendu: false })
    }
  })
})
