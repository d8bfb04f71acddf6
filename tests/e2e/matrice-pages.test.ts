import { beforeAll, describe, expect, inject, it } from 'vitest'

import { creerCompteParInvitation, envoyerFormulaire, sessionOperateur } from './operateur'

/**
 * La matrice d'autorisation des pages de l'espace connecté, par HTTP sur le
 * portail partagé : chaque rôle (comptes créés par invitation, connectés
 * comme une personne, second facteur compris), l'anonyme et un jeton forgé ×
 * chaque page et chaque envoi de /espace. Attendus écrits à la main. Chaque
 * page décide sur le serveur (politique unique) : un refus répond 403 sans
 * rien montrer, l'anonyme est mené à la connexion.
 */
const url = inject('urlPortail')
const dossierDonnees = inject('dossierDonnees')

const ROLES = ['operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur'] as const
type Role = (typeof ROLES)[number]
const cookies: Partial<Record<Role | 'forge', string>> = {}
const ids: Partial<Record<Role, string>> = {}

const champ = (html: string, motif: RegExp) => html.match(motif)?.[1] ?? ''
const lire = async (chemin: string, cookie?: string) => {
  const r = await fetch(`${url}${chemin}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })
  return { statut: r.status, corps: await r.text(), location: r.headers.get('location') }
}

beforeAll(async () => {
  cookies.operateur = await sessionOperateur(url, dossierDonnees)
  const page = (await lire('/espace/comptes', cookies.operateur)).corps
  const site = champ(page, /id="invitation-site"[\s\S]*?<option value="(\d+)"/)
  const poste = champ(page, /id="invitation-poste"[\s\S]*?<option value="(\d+)"/)
  for (const role of ROLES.slice(1)) {
    const compte = { email: `${role}.matrice@${role === 'agent-fsi' ? 'interieur.gouv.fr' : 'example.org'}`, motDePasse: `phrase-de-passe-${role}-matrice` }
    const rattachement = role === 'agent-fsi' ? { site } : role === 'intervenant' ? { poste } : {}
    cookies[role] = await creerCompteParInvitation(url, dossierDonnees, cookies.operateur!, compte, role, rattachement)
  }
  cookies.forge = `${cookies.operateur!.split('=')[0]}=abcdefghijklmnopqrstuvwxyz234567`
  const liste = (await lire('/espace/comptes', cookies.operateur)).corps
  const ligneAgent = liste.split('<tr').find((ligne) => ligne.includes('agent-fsi.matrice@')) ?? ''
  ids['agent-fsi'] = champ(ligneAgent, /name="id" value="(\d+)"/)
}, 300_000)

/** Colonnes : opérateur, intervenant, agent FSI, coordination, financeur. Anonyme et jeton forgé : 303 vers /connexion. */
const PAGES: Record<string, [number, number, number, number, number]> = {
  '/espace': [200, 200, 200, 200, 200],
  '/espace/compte': [200, 200, 200, 200, 200],
  '/espace/comptes': [200, 403, 403, 200, 403],
  '/espace/journal': [403, 403, 403, 200, 403],
  '/espace/journal/export.csv': [403, 403, 403, 200, 403],
  // Saisines : l'agent sa liste, l'intervenant celle de son poste, la coordination les signalements judiciaires.
  '/espace/saisines': [403, 200, 200, 200, 403],
  // Le portail partagé n'ouvre pas le dépôt en ligne (SAISINES_EN_LIGNE absent) : l'agent est renvoyé à la messagerie institutionnelle.
  '/espace/saisines/nouvelle': [403, 200, 403, 403, 403],
  // La synthèse hebdomadaire du GGD : l'intervenant (son secteur) et la coordination (le département).
  '/espace/saisines/synthese-ggd': [403, 200, 403, 200, 403],
  // Une saisine qui n'existe pas et une qui n'est pas à soi : même réponse pour tous.
  '/espace/saisines/999999': [404, 404, 404, 404, 404],
}

describe('matrice d’autorisation des pages de l’espace', () => {
  for (const [chemin, attendus] of Object.entries(PAGES))
    it(`GET ${chemin}`, async () => {
      for (const acteur of ['anonyme', 'forge'] as const) {
        const r = await lire(chemin, acteur === 'forge' ? cookies.forge : undefined)
        expect(r.statut, `${chemin} — ${acteur}`).toBe(303)
        expect(r.location, `${chemin} — ${acteur}`).toMatch(/^\/connexion\?retour=/)
      }
      for (const [i, role] of ROLES.entries()) {
        const r = await lire(chemin, cookies[role])
        expect(r.statut, `${chemin} — ${role}`).toBe(attendus[i])
        // Un refus ne montre ni compte ni ligne du journal.
        if (r.statut === 403) expect(r.corps, `${chemin} — ${role}`).not.toMatch(/\.matrice@|operateur@example\.org|utilisateurs:\d/)
      }
    })

  it('POST /espace/comptes (suspendre un agent) : opérateur et coordination seulement, jeton CSRF de sa propre session exigé', async () => {
    expect(ids['agent-fsi']).toMatch(/^\d+$/)
    const envoyer = async (role: Role, csrf?: string) => {
      const page = (await lire('/espace/compte', cookies[role])).corps
      const jeton = csrf ?? champ(page, /name="csrf" value="([^"]*)"/)
      return envoyerFormulaire(url, '/espace/comptes', { csrf: jeton, action: 'suspendre', id: ids['agent-fsi']! }, cookies[role])
    }
    for (const role of ['intervenant', 'agent-fsi', 'financeur'] as const) expect((await envoyer(role)).status, role).toBe(403)
    // Le jeton CSRF d'une autre session ne vaut rien.
    const jetonDeLaCoordination = champ((await lire('/espace/compte', cookies.coordination)).corps, /name="csrf" value="([^"]*)"/)
    expect((await envoyer('operateur', jetonDeLaCoordination)).status).toBe(403)
    expect((await envoyer('operateur', '')).status).toBe(403)
    // Sans l'origine du portail, le serveur refuse avant toute page.
    const sansOrigine = await fetch(`${url}/espace/comptes`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.operateur! },
      body: new URLSearchParams({ action: 'suspendre', id: ids['agent-fsi']! }),
    })
    expect(sansOrigine.status).toBe(403)
    expect((await lire('/espace', cookies['agent-fsi'])).statut).toBe(200)
    expect((await envoyer('coordination')).status).toBe(303)
    // Suspendu : sa session est fermée aussitôt.
    expect((await lire('/espace', cookies['agent-fsi'])).statut).toBe(303)
  })
})
