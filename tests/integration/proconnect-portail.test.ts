import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { demarrerFournisseurOidc, suivreJusquA, type CompteOidc, type FournisseurOidc } from '../outils/fournisseurOidc'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Les routes ProConnect du portail (site/pages/connexion/proconnect*.ts), rendues
 * par le conteneur d'Astro sur une vraie base (SQLite ou PostgreSQL), contre un
 * fournisseur OpenID démarré dans le test : le compte doit avoir été invité
 * (retrouvé par son adresse, quelle que soit la casse), le refus ne dit pas si
 * le compte existe, le second facteur attesté par ProConnect est reconnu, et le
 * journal d'audit garde connexions et refus sans adresse électronique.
 */
const PORTAIL = 'http://127.0.0.1:4321'
const RETOUR = `${PORTAIL}/connexion/proconnect/retour`
const FIN_DECONNEXION = `${PORTAIL}/deconnexion/proconnect`
const ADRESSE_DU_POSTE = '203.0.113.7'

let fournisseur: FournisseurOidc
let base: BaseDeTest
let conteneur: AstroContainer
let routeDepart: Record<string, unknown>
let routeRetour: Record<string, unknown>
let routeFinDeconnexion: Record<string, unknown>
let agent: Utilisateur
let intervenant: Utilisateur

beforeAll(async () => {
  fournisseur = await demarrerFournisseurOidc({ redirectUris: [RETOUR], postLogoutRedirectUris: [FIN_DECONNEXION] })
  // Avant le premier appel à configuration() : le portail lit ProConnect dans l'environnement.
  vi.stubEnv('PROCONNECT_ISSUER', fournisseur.issuer)
  vi.stubEnv('PROCONNECT_CLIENT_ID', fournisseur.clientId)
  vi.stubEnv('PROCONNECT_CLIENT_SECRET', fournisseur.clientSecret)
  vi.stubEnv('PASSERELLE_URL', PORTAIL)
  base = await demarrerBaseDeTest()
  const motDePasse = 'Un-mot-de-passe-solide-proconnect-2026'
  await creerPremierOperateur(base, { email: 'operateur-proconnect@example.org', password: motDePasse })
  agent = (await creerCompte(base, { email: 'agent.portail@interieur.gouv.fr', motDePasse, role: 'agent-fsi' })) as Utilisateur
  intervenant = (await creerCompte(base, { email: 'intervenante@association.example.org', motDePasse, role: 'intervenant' })) as Utilisateur
  conteneur = await AstroContainer.create()
  routeDepart = await import('../../site/pages/connexion/proconnect')
  routeRetour = await import('../../site/pages/connexion/proconnect/retour')
  routeFinDeconnexion = await import('../../site/pages/deconnexion/proconnect')
})
afterAll(async () => {
  await base?.fermer()
  await fournisseur?.fermer()
  vi.unstubAllEnvs()
})

/** Les cookies d'un navigateur : ceux du portail et ceux du fournisseur (même hôte, ports différents : un seul pot, comme un vrai navigateur). */
type Pot = Map<string, string>

function garder(pot: Pot, reponse: Response) {
  for (const ligne of reponse.headers.getSetCookie()) {
    const [paire = ''] = ligne.split(';')
    const i = paire.indexOf('=')
    const nom = paire.slice(0, i)
    const valeur = paire.slice(i + 1)
    if (valeur === '' || /max-age=0/i.test(ligne)) pot.delete(nom)
    else pot.set(nom, valeur)
  }
}

async function appeler(route: Record<string, unknown>, url: string, pot: Pot): Promise<Response> {
  const request = new Request(url, { headers: { cookie: [...pot].map(([n, v]) => `${n}=${v}`).join('; '), 'user-agent': 'Navigateur de test' } })
  const reponse = await conteneur.renderToResponse(route as never, { routeType: 'endpoint', request, locals: { adresseClient: ADRESSE_DU_POSTE } })
  garder(pot, reponse)
  return reponse
}

/** Clic sur « S'identifier avec ProConnect », authentification chez le fournisseur, retour au portail. */
async function seConnecter(compte: CompteOidc | undefined, { retour }: { retour?: string } = {}) {
  const pot: Pot = new Map()
  fournisseur.prochaineConnexion(compte)
  const depart = await appeler(routeDepart, `${PORTAIL}/connexion/proconnect${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`, pot)
  expect(depart.status).toBe(303)
  expect(pot.has('passerelle_proconnect_etat')).toBe(true)
  const urlRetour = await suivreJusquA(new URL(depart.headers.get('location')!), RETOUR, pot)
  const arrivee = await appeler(routeRetour, urlRetour.href, pot)
  return { arrivee, pot, urlRetour, location: arrivee.headers.get('location'), cookies: arrivee.headers.getSetCookie() }
}

const journal = async () => (await base.payload.find({ collection: 'journal', pagination: false, sort: '-id', overrideAccess: true })).docs

describe(`routes ProConnect du portail (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('un agent invité se connecte : session ouverte, retour à la page demandée, connexion au journal sans adresse électronique', async () => {
    // ProConnect peut renvoyer l'adresse avec des majuscules : le compte est retrouvé quand même.
    const { arrivee, location, cookies, pot } = await seConnecter({ sub: 'sub-agent', email: 'Agent.Portail@Interieur.Gouv.fr', acr: 'eidas1' }, { retour: '/espace/saisines' })
    expect(arrivee.status).toBe(303)
    expect(location).toBe('/espace/saisines')
    const session = cookies.find((c) => c.startsWith('passerelle-session='))
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/SameSite=Lax/)
    // L'état ne sert qu'une fois ; l'ID token est gardé, chiffré, pour la déconnexion chez ProConnect.
    expect(pot.has('passerelle_proconnect_etat')).toBe(false)
    expect(pot.get('passerelle_proconnect')).toBeTruthy()
    expect(pot.get('passerelle_proconnect')).not.toContain('eyJ')

    const [ligne] = await journal()
    expect(ligne).toMatchObject({ action: 'connexion', cible: `utilisateurs:${agent.id}`, adresse: ADRESSE_DU_POSTE })
    expect(JSON.stringify(ligne)).not.toMatch(/portail@|interieur\.gouv/i)
  })

  it('sans compte invité : refus avec le message unique, aucune session, refus au journal', async () => {
    const { location, cookies } = await seConnecter({ sub: 'sub-inconnu', email: 'inconnu@interieur.gouv.fr', acr: 'eidas2' })
    expect(location).toBe('/connexion?proconnect=sans-compte')
    expect(cookies.some((c) => c.startsWith('passerelle-session='))).toBe(false)
    const [ligne] = await journal()
    expect(ligne).toMatchObject({ action: 'connexion-refusee', acteur: null, cible: null, adresse: ADRESSE_DU_POSTE })
    expect(JSON.stringify(ligne)).not.toContain('inconnu')
  })

  it('compte suspendu : le même refus que sans compte, aucune session', async () => {
    await base.payload.create({ collection: 'utilisateurs', data: { email: 'suspendu@interieur.gouv.fr', role: 'agent-fsi', suspendu: true }, overrideAccess: true })
    const { location, cookies } = await seConnecter({ sub: 'sub-suspendu', email: 'suspendu@interieur.gouv.fr', acr: 'eidas2' })
    expect(location).toBe('/connexion?proconnect=sans-compte')
    expect(cookies.some((c) => c.startsWith('passerelle-session='))).toBe(false)
  })

  it('rôle à second facteur : ProConnect sans multi-facteur mène à /connexion/second-facteur, avec eidas2 directement à l’espace', async () => {
    const faible = await seConnecter({ sub: 'sub-is', email: 'intervenante@association.example.org', acr: 'eidas1', amr: ['pwd'] }, { retour: '/espace/compte' })
    expect(faible.location).toBe(`/connexion/second-facteur?retour=${encodeURIComponent('/espace/compte')}`)
    expect(faible.cookies.some((c) => c.startsWith('passerelle-session='))).toBe(true)

    const forte = await seConnecter({ sub: 'sub-is', email: 'intervenante@association.example.org', acr: 'eidas2' })
    expect(forte.location).toBe('/espace')
    expect((await journal())[0]).toMatchObject({ action: 'connexion', cible: `utilisateurs:${intervenant.id}` })
  })

  it('refuse un retour rejoué (cookie d’état consommé, ou copié : code à usage unique), un state falsifié', async () => {
    const pot: Pot = new Map()
    fournisseur.prochaineConnexion({ sub: 'sub-agent', email: 'agent.portail@interieur.gouv.fr' })
    const depart = await appeler(routeDepart, `${PORTAIL}/connexion/proconnect`, pot)
    const urlRetour = await suivreJusquA(new URL(depart.headers.get('location')!), RETOUR, pot)
    const copie = new Map(pot)
    expect((await appeler(routeRetour, urlRetour.href, pot)).headers.get('location')).toBe('/espace')
    // Le même navigateur : l'état a été effacé au premier passage.
    expect((await appeler(routeRetour, urlRetour.href, pot)).headers.get('location')).toBe('/connexion?proconnect=expire')
    // Une copie du cookie d'état avec le même retour : le fournisseur refuse le code déjà échangé.
    const rejoue = await appeler(routeRetour, urlRetour.href, copie)
    expect(rejoue.headers.get('location')).toBe('/connexion?proconnect=echec')
    expect(rejoue.headers.getSetCookie().some((c) => c.startsWith('passerelle-session='))).toBe(false)

    const autre: Pot = new Map()
    fournisseur.prochaineConnexion({ sub: 'sub-agent', email: 'agent.portail@interieur.gouv.fr' })
    const depart2 = await appeler(routeDepart, `${PORTAIL}/connexion/proconnect`, autre)
    const retour = await suivreJusquA(new URL(depart2.headers.get('location')!), RETOUR, autre)
    retour.searchParams.set('state', 'f'.repeat(43))
    const falsifie = await appeler(routeRetour, retour.href, autre)
    expect(falsifie.headers.get('location')).toBe('/connexion?proconnect=echec')
    expect(falsifie.headers.getSetCookie().some((c) => c.startsWith('passerelle-session='))).toBe(false)
    expect((await journal())[0]).toMatchObject({ action: 'connexion-refusee' })
  })

  it('la destination hors portail est ignorée', async () => {
    const { location } = await seConnecter({ sub: 'sub-agent', email: 'agent.portail@interieur.gouv.fr' }, { retour: '//ailleurs.example.org/piege' })
    expect(location).toBe('/espace')
  })

  it('connexion annulée chez le fournisseur : message « annulée », pas de session', async () => {
    const { location, cookies } = await seConnecter(undefined)
    expect(location).toBe('/connexion?proconnect=annule')
    expect(cookies.some((c) => c.startsWith('passerelle-session='))).toBe(false)
  })

  it('déconnexion chez ProConnect : id_token_hint depuis le cookie chiffré, confirmation du fournisseur, state vérifié au retour', async () => {
    const { configuration } = await import('../../socle/configuration')
    const { sortieProConnect } = await import('../../site/lib/proconnect')
    const { pot } = await seConnecter({ sub: 'sub-agent', email: 'agent.portail@interieur.gouv.fr', acr: 'eidas2' })
    const requete = (url: string) => new Request(url, { headers: { cookie: [...pot].map(([n, v]) => `${n}=${v}`).join('; ') } })

    // Sans le cookie de ProConnect (connexion par mot de passe), rien à faire chez le fournisseur.
    expect(await sortieProConnect(new Request(`${PORTAIL}/deconnexion`), configuration())).toBeUndefined()

    const sortie = await sortieProConnect(requete(`${PORTAIL}/deconnexion`), configuration())
    expect(sortie).toBeDefined()
    const fin = new URL(sortie!.location)
    expect(fin.origin).toBe(fournisseur.issuer)
    expect(fin.searchParams.get('id_token_hint')).toMatch(/^eyJ/)
    expect(fin.searchParams.get('post_logout_redirect_uri')).toBe(FIN_DECONNEXION)
    garder(pot, new Response(null, { headers: sortie!.cookies.map((c) => ['Set-Cookie', c] as [string, string]) }))
    expect(pot.has('passerelle_proconnect')).toBe(false)

    // La page de confirmation du fournisseur, puis « oui, me déconnecter ».
    const page = await fetch(fin, { headers: { cookie: [...pot].map(([n, v]) => `${n}=${v}`).join('; ') } })
    garder(pot, page)
    const html = await page.text()
    const action = html.match(/<form[^>]*action="([^"]+)"/)![1]!
    const xsrf = html.match(/name="xsrf" value="([^"]+)"/)![1]!
    const confirmation = await fetch(new URL(action, fournisseur.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: [...pot].map(([n, v]) => `${n}=${v}`).join('; ') },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    })
    const retour = new URL(confirmation.headers.get('location')!, fournisseur.issuer)
    expect(retour.href.startsWith(FIN_DECONNEXION)).toBe(true)

    // Un state falsifié ne confirme rien ; le bon state confirme la déconnexion.
    const falsifie = new URL(retour)
    falsifie.searchParams.set('state', 'f'.repeat(43))
    expect((await appeler(routeFinDeconnexion, falsifie.href, new Map(pot))).headers.get('location')).toBe('/')
    expect((await appeler(routeFinDeconnexion, retour.href, pot)).headers.get('location')).toBe('/connexion?proconnect=deconnecte')
    expect([...pot.keys()].filter((n) => n.startsWith('passerelle_proconnect'))).toEqual([])
  })
})
