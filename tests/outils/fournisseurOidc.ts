import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import Provider from 'oidc-provider'

/**
 * Un fournisseur OpenID Connect réel (le paquet `oidc-provider`), démarré dans
 * le processus du test sur 127.0.0.1 : il joue ProConnect sans jamais toucher
 * Internet. Comme ProConnect, il renvoie userinfo en JWT signé (RS256), l'acr et
 * l'amr de l'authentification dans l'ID token, authentifie le client par
 * client_secret_post et — plus strict que ProConnect — exige PKCE.
 *
 * L'interaction de connexion est minimale : la personne « qui se connecte » est
 * celle que le test a choisie avec `prochaineConnexion`, avec l'acr et l'amr voulus.
 */
export type CompteOidc = { sub: string; email: string; acr?: string; amr?: string[] }

export type FournisseurOidc = {
  issuer: string
  clientId: string
  clientSecret: string
  /** La personne qui s'authentifiera à la prochaine interaction (`undefined` : l'interaction est refusée, access_denied). */
  prochaineConnexion(compte: CompteOidc | undefined): void
  /** Nombre de connexions menées à leur terme chez le fournisseur. */
  connexions(): number
  fermer(): Promise<void>
}

export async function demarrerFournisseurOidc(options: { redirectUris: string[]; postLogoutRedirectUris?: string[] }): Promise<FournisseurOidc> {
  const comptes = new Map<string, CompteOidc>()
  let prochain: CompteOidc | undefined
  let nombreConnexions = 0
  let provider: Provider | undefined

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const p = provider!
    const details = await p.interactionDetails(req, res)
    if (details.prompt.name === 'login') {
      if (!prochain) {
        await p.interactionFinished(req, res, { error: 'access_denied', error_description: 'Connexion annulée' }, { mergeWithLastSubmission: false })
        return
      }
      comptes.set(prochain.sub, prochain)
      nombreConnexions += 1
      await p.interactionFinished(req, res, { login: { accountId: prochain.sub, acr: prochain.acr, amr: prochain.amr } }, { mergeWithLastSubmission: false })
      return
    }
    // Consentement : accordé d'office (le portail est un client de confiance).
    const grant = details.grantId
      ? ((await p.Grant.find(details.grantId)) ?? new p.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id }))
      : new p.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id })
    if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '))
    if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims)
    await p.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true })
  }

  const serveur = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((erreur: unknown) => {
        res.statusCode = 500
        res.end(String(erreur))
      })
      return
    }
    provider!.callback()(req, res)
  })
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`

  const clientId = 'passerelle-test'
  const clientSecret = 'secret-du-client-de-test-0123456789abcdef'
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        // Comme ProConnect : userinfo en JWT signé (application/jwt).
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'cle-de-test', alg: 'RS256', use: 'sig' }] },
    async findAccount(_ctx: unknown, sub: string) {
      const compte = comptes.get(sub)
      return compte && { accountId: sub, claims: () => ({ sub, email: compte.email }) }
    },
    // amr n'est émis que s'il figure parmi les claims du fournisseur.
    claims: { openid: ['sub'], email: ['email'], acr: null, amr: null },
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    // Durées de ProConnect : code valable 30 s, access_token 60 s.
    ttl: { AuthorizationCode: 30, AccessToken: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    cookies: { keys: ['cle-des-cookies-du-fournisseur-de-test'] },
  })

  return {
    issuer,
    clientId,
    clientSecret,
    prochaineConnexion: (compte) => {
      prochain = compte
    },
    connexions: () => nombreConnexions,
    fermer: () =>
      new Promise<void>((resolve) => {
        serveur.close(() => resolve())
        serveur.closeAllConnections()
      }),
  }
}

/**
 * Un navigateur réduit à l'essentiel : suit les redirections à la main en
 * gardant les cookies, jusqu'à revenir à l'adresse `arret` (celle du portail).
 */
export async function suivreJusquA(depart: URL, arret: string, cookies = new Map<string, string>()): Promise<URL> {
  let url = depart
  for (let etape = 0; etape < 20; etape += 1) {
    if (url.href.startsWith(arret)) return url
    const reponse = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([nom, valeur]) => `${nom}=${valeur}`).join('; ') },
    })
    for (const ligne of reponse.headers.getSetCookie()) {
      const [paire = ''] = ligne.split(';')
      const i = paire.indexOf('=')
      const nom = paire.slice(0, i).trim()
      const valeur = paire.slice(i + 1).trim()
      if (valeur === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(ligne)) cookies.delete(nom)
      else cookies.set(nom, valeur)
    }
    const suivante = reponse.headers.get('location')
    if (!suivante) throw new Error(`Le parcours s'arrête sur ${url.pathname} (HTTP ${reponse.status}) : ${(await reponse.text()).slice(0, 300)}`)
    url = new URL(suivante, url)
  }
  throw new Error('Trop de redirections')
}
