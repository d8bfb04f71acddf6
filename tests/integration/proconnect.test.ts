import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ConfigurationProConnect } from '../../socle/configuration'
import { debuterConnexion, ErreurProConnect, terminerConnexion, urlDeconnexion, type EtatConnexion } from '../../socle/proconnect'
import { demarrerFournisseurOidc, suivreJusquA, type FournisseurOidc } from '../outils/fournisseurOidc'

/**
 * Connexion avec ProConnect (socle/proconnect.ts) contre un vrai fournisseur
 * OpenID Connect démarré dans le test (oidc-provider, sur 127.0.0.1) : le flux
 * complet par HTTP, et chaque contrôle qui doit faire échouer une réponse
 * falsifiée ou rejouée. Jamais Internet.
 */
const PORTAIL = 'http://127.0.0.1:9/connexion/proconnect/retour'
const APRES_DECONNEXION = 'http://127.0.0.1:9/deconnexion/fin'

let fournisseur: FournisseurOidc
let config: ConfigurationProConnect

beforeAll(async () => {
  fournisseur = await demarrerFournisseurOidc({ redirectUris: [PORTAIL], postLogoutRedirectUris: [APRES_DECONNEXION] })
  config = { issuer: fournisseur.issuer, clientId: fournisseur.clientId, clientSecret: fournisseur.clientSecret, acrMfa: ['eidas2', 'eidas3'] }
})
afterAll(async () => fournisseur?.fermer())

/** Départ vers le fournisseur, authentification, retour : l'URL de retour telle que le navigateur l'apporte au portail. */
async function parcours(compte: Parameters<FournisseurOidc['prochaineConnexion']>[0]): Promise<{ retour: URL; etat: EtatConnexion; depart: URL }> {
  fournisseur.prochaineConnexion(compte)
  const { url, etat } = await debuterConnexion(config, PORTAIL)
  return { retour: await suivreJusquA(url, PORTAIL), etat, depart: url }
}

const motif = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(erreur, 'la connexion aurait dû être refusée').toBeInstanceOf(ErreurProConnect)
  return (erreur as ErreurProConnect).motif
}

describe('connexion avec ProConnect (fournisseur OpenID local)', () => {
  it('flux complet : PKCE S256, state, nonce ; email en minuscules et second facteur attesté par acr eidas2', async () => {
    const { retour, etat, depart } = await parcours({ sub: 'agent-1', email: 'Agent.Un@Interieur.Gouv.FR', acr: 'eidas2', amr: ['pwd', 'totp'] })

    // Le départ porte state, nonce et PKCE, et rien de personnel.
    expect(depart.searchParams.get('state')).toBe(etat.state)
    expect(depart.searchParams.get('nonce')).toBe(etat.nonce)
    expect(depart.searchParams.get('code_challenge_method')).toBe('S256')
    expect(depart.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(depart.searchParams.get('scope')).toBe('openid email')
    expect(JSON.parse(depart.searchParams.get('claims')!)).toEqual({ id_token: { amr: { essential: true }, acr: { essential: true } } })
    expect(etat.state.length).toBeGreaterThanOrEqual(32)
    expect(etat.nonce.length).toBeGreaterThanOrEqual(32)
    expect(retour.searchParams.get('state')).toBe(etat.state)
    expect(retour.searchParams.get('code')).toBeTruthy()

    const identite = await terminerConnexion(config, retour, etat)
    expect(identite).toMatchObject({ email: 'agent.un@interieur.gouv.fr', mfa: true, sub: 'agent-1' })
    expect(identite.idToken.split('.')).toHaveLength(3)
  })

  it('second facteur : faux avec acr eidas1 et amr sans « mfa » ; vrai si amr contient « mfa »', async () => {
    const faible = await parcours({ sub: 'agent-2', email: 'agent.deux@gendarmerie.interieur.gouv.fr', acr: 'eidas1', amr: ['pwd'] })
    expect(await terminerConnexion(config, faible.retour, faible.etat)).toMatchObject({ mfa: false, email: 'agent.deux@gendarmerie.interieur.gouv.fr' })

    const sansAcr = await parcours({ sub: 'agent-3', email: 'agent.trois@interieur.gouv.fr' })
    expect((await terminerConnexion(config, sansAcr.retour, sansAcr.etat)).mfa).toBe(false)

    const amr = await parcours({ sub: 'agent-4', email: 'agent.quatre@interieur.gouv.fr', acr: 'eidas1', amr: ['pwd', 'totp', 'mfa'] })
    expect((await terminerConnexion(config, amr.retour, amr.etat)).mfa).toBe(true)

    // La liste des acr vient de la configuration : eidas3 seul ne reconnaît plus eidas2.
    const strict = { ...config, acrMfa: ['eidas3'] }
    const eidas2 = await parcours({ sub: 'agent-5', email: 'agent.cinq@interieur.gouv.fr', acr: 'eidas2' })
    expect((await terminerConnexion(strict, eidas2.retour, eidas2.etat)).mfa).toBe(false)
  })

  it('refuse un state falsifié, dans le retour comme dans le cookie', async () => {
    const { retour, etat } = await parcours({ sub: 'agent-6', email: 'agent.six@interieur.gouv.fr', acr: 'eidas2' })
    const falsifie = new URL(retour)
    falsifie.searchParams.set('state', 'x'.repeat(43))
    expect(await motif(terminerConnexion(config, falsifie, etat))).toBe('reponse-invalide')
    // Le cookie d'une autre connexion (attaque CSRF : le code de l'attaquant dans la session de la victime).
    const autre = await debuterConnexion(config, PORTAIL)
    expect(await motif(terminerConnexion(config, retour, autre.etat))).toBe('reponse-invalide')
    // Rien n'a été consommé : le vrai couple passe encore.
    expect((await terminerConnexion(config, retour, etat)).sub).toBe('agent-6')
  })

  it('refuse un nonce qui n’est pas celui de cette connexion, et un retour rejoué', async () => {
    const premiere = await parcours({ sub: 'agent-7', email: 'agent.sept@interieur.gouv.fr', acr: 'eidas2' })
    const autre = await debuterConnexion(config, PORTAIL)
    // Même state et même PKCE, mais le nonce d'une autre connexion : l'ID token ne correspond pas.
    expect(await motif(terminerConnexion(config, premiere.retour, { ...premiere.etat, nonce: autre.etat.nonce }))).toBe('reponse-invalide')

    const seconde = await parcours({ sub: 'agent-8', email: 'agent.huit@interieur.gouv.fr', acr: 'eidas2' })
    expect((await terminerConnexion(config, seconde.retour, seconde.etat)).sub).toBe('agent-8')
    // Le même retour présenté une seconde fois (code à usage unique) est refusé.
    expect(await motif(terminerConnexion(config, seconde.retour, seconde.etat))).toBe('reponse-invalide')
  })

  it('refuse un vérificateur PKCE qui ne correspond pas, et un état expiré', async () => {
    const { retour, etat } = await parcours({ sub: 'agent-9', email: 'agent.neuf@interieur.gouv.fr', acr: 'eidas2' })
    expect(await motif(terminerConnexion(config, retour, { ...etat, verificateur: 'v'.repeat(43) }))).toBe('reponse-invalide')
    expect(await motif(terminerConnexion(config, retour, { ...etat, expire: Date.now() - 1 }))).toBe('etat-expire')
  })

  it('rapporte le refus du fournisseur (connexion annulée) sans autre détail', async () => {
    const { retour, etat } = await parcours(undefined)
    expect(retour.searchParams.get('error')).toBe('access_denied')
    expect(await motif(terminerConnexion(config, retour, etat))).toBe('refus-fournisseur')
  })

  it('un fournisseur injoignable est signalé comme tel', async () => {
    const absent = { ...config, issuer: 'http://127.0.0.1:9/inexistant' }
    expect(await motif(debuterConnexion(absent, PORTAIL))).toBe('fournisseur-injoignable')
  })

  it('déconnexion chez le fournisseur : end_session_endpoint avec id_token_hint, adresse de retour et state', async () => {
    const { retour, etat } = await parcours({ sub: 'agent-10', email: 'agent.dix@interieur.gouv.fr', acr: 'eidas2' })
    const { idToken } = await terminerConnexion(config, retour, etat)
    const deconnexion = await urlDeconnexion(config, { idToken, urlApres: APRES_DECONNEXION })
    expect(deconnexion).toBeDefined()
    const { url, state } = deconnexion!
    expect(url.href.startsWith(`${fournisseur.issuer}/`)).toBe(true)
    expect(url.searchParams.get('id_token_hint')).toBe(idToken)
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(APRES_DECONNEXION)
    expect(url.searchParams.get('state')).toBe(state)
    // Le fournisseur accepte la demande (page de confirmation), il ne la rejette pas.
    const reponse = await fetch(url, { redirect: 'manual' })
    expect(reponse.status).toBe(200)
    expect(await reponse.text()).toMatch(/logout/i)
  })
})
