import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

import * as oidc from 'openid-client'

import type { ConfigurationProConnect } from './configuration'

/**
 * Connexion avec ProConnect, la fédération d'identité de l'État (OpenID Connect,
 * flux « authorization code »), sans Payload : ce module ne dit que « qui est
 * cette personne, et s'est-elle authentifiée avec plusieurs facteurs ? ». Le
 * rapprochement avec un compte invité et l'ouverture de la session sont faits
 * par la route du portail (site/pages/connexion/proconnect/retour.ts).
 *
 * Documentation suivie (fournisseur de service) :
 * https://github.com/numerique-gouv/proconnect-documentation/blob/main/doc_fs/implementation_technique.md
 * - state et nonce aléatoires d'au moins 32 caractères, gardés par le navigateur
 *   (ici un cookie HttpOnly chiffré et daté : `scellerEtat`) ;
 * - jetons et userinfo en « back-channel », userinfo renvoyé en JWT signé
 *   (openid-client accepte les deux formes) ;
 * - le claim `amr` n'est envoyé que s'il est demandé par le paramètre `claims` ;
 *   valeurs : pwd, mail, totp, pop, mfa (resources/claim_amr.md) ;
 * - la déconnexion passe par le navigateur vers `end_session_endpoint` avec
 *   `id_token_hint` (`urlDeconnexion`).
 */

/** Les données demandées : l'adresse électronique seule suffit à retrouver le compte invité (moindre collecte). */
export const SCOPES_PROCONNECT = 'openid email'

/** Le claim `amr` (et `acr`) doivent être demandés explicitement à ProConnect pour figurer dans l'ID token. */
const CLAIMS_DEMANDES = JSON.stringify({ id_token: { amr: { essential: true }, acr: { essential: true } } })

/** Valeur d'`amr` qui atteste une authentification à deux facteurs (documentation ProConnect, resources/claim_amr.md). */
const AMR_MFA = 'mfa'

/** Le temps de s'authentifier chez ProConnect ; au-delà, il faut recommencer. */
export const DUREE_ETAT_SECONDES = 10 * 60

/** Ce que le navigateur garde entre le départ vers ProConnect et le retour : aucune donnée personnelle. */
export type EtatConnexion = {
  state: string
  nonce: string
  /** Vérificateur PKCE (absent si le fournisseur n'annonce pas S256). */
  verificateur?: string
  /** L'adresse de retour exacte envoyée au fournisseur (redirect_uri), rejouée à l'échange du code. */
  urlRetour: string
  /** Échéance (millisecondes depuis l'époque). */
  expire: number
}

export type IdentiteProConnect = {
  /** Adresse électronique, en minuscules : c'est elle qui retrouve le compte invité. */
  email: string
  /** Le fournisseur atteste une authentification multi-facteur (acr configuré, ou `amr` contenant « mfa »). */
  mfa: boolean
  /** Identifiant de la personne chez ProConnect. */
  sub: string
  /** À présenter à la déconnexion (`id_token_hint`). */
  idToken: string
}

/** Motifs d'échec, sans rien de ce que le fournisseur a renvoyé (ni adresse, ni jeton). */
export type MotifEchecProConnect = 'etat-expire' | 'reponse-invalide' | 'refus-fournisseur' | 'adresse-absente' | 'fournisseur-injoignable'

export class ErreurProConnect extends Error {
  constructor(
    public readonly motif: MotifEchecProConnect,
    options?: { cause?: unknown },
  ) {
    super(`Connexion ProConnect impossible : ${motif}`, options)
    this.name = 'ErreurProConnect'
  }
}

// ---------------------------------------------------------------------------
// Client OpenID, découvert une fois par émetteur

const clients = new Map<string, Promise<oidc.Configuration>>()

/** Le http n'est permis que vers la machine elle-même (fournisseur local des tests) ; la configuration exige https en production. */
const fournisseurLocal = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

function client(config: ConfigurationProConnect): Promise<oidc.Configuration> {
  const cle = `${config.issuer} ${config.clientId}`
  let enCours = clients.get(cle)
  if (!enCours) {
    const issuer = new URL(config.issuer)
    enCours = oidc
      .discovery(issuer, config.clientId, { client_secret: config.clientSecret }, oidc.ClientSecretPost(config.clientSecret), {
        execute: fournisseurLocal(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((erreur: unknown) => {
        // Un fournisseur momentanément injoignable ne doit pas le rester pour toujours.
        clients.delete(cle)
        throw new ErreurProConnect('fournisseur-injoignable', { cause: erreur })
      })
    clients.set(cle, enCours)
  }
  return enCours
}

// ---------------------------------------------------------------------------
// Départ et retour

/** Construit l'adresse d'autorisation : state, nonce et PKCE S256 neufs à chaque connexion. */
export async function debuterConnexion(config: ConfigurationProConnect, urlRetour: string): Promise<{ url: URL; etat: EtatConnexion }> {
  const c = await client(config)
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const parametres: Record<string, string> = {
    redirect_uri: urlRetour,
    scope: SCOPES_PROCONNECT,
    state,
    nonce,
    claims: CLAIMS_DEMANDES,
  }
  // ProConnect refuse tout paramètre qu'il ne connaît pas (erreur Y000400) : PKCE
  // n'est envoyé que si le fournisseur annonce S256 dans sa découverte, ce que
  // fait tout fournisseur qui le vérifie (dont celui des tests, qui l'exige).
  let verificateur: string | undefined
  if (c.serverMetadata().code_challenge_methods_supported?.includes('S256')) {
    verificateur = oidc.randomPKCECodeVerifier()
    parametres.code_challenge = await oidc.calculatePKCECodeChallenge(verificateur)
    parametres.code_challenge_method = 'S256'
  }
  return {
    url: oidc.buildAuthorizationUrl(c, parametres),
    etat: { state, nonce, verificateur, urlRetour, expire: Date.now() + DUREE_ETAT_SECONDES * 1000 },
  }
}

/**
 * Termine la connexion au retour du fournisseur : vérifie state, échange le code
 * (PKCE), vérifie l'ID token et son nonce, puis lit l'adresse électronique dans
 * userinfo (même `sub`). Lève `ErreurProConnect` sur toute anomalie.
 */
export async function terminerConnexion(config: ConfigurationProConnect, urlCourante: URL, etat: EtatConnexion): Promise<IdentiteProConnect> {
  if (!(etat.expire > Date.now())) throw new ErreurProConnect('etat-expire')
  const c = await client(config)
  // Derrière le proxy, la requête arrive en http sur une adresse interne : on
  // rejoue l'adresse de retour exacte envoyée au départ, avec les paramètres reçus.
  const url = new URL(etat.urlRetour)
  for (const [cle, valeur] of urlCourante.searchParams) url.searchParams.append(cle, valeur)

  let jetons: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
  try {
    jetons = await oidc.authorizationCodeGrant(c, url, {
      expectedState: etat.state,
      expectedNonce: etat.nonce,
      pkceCodeVerifier: etat.verificateur,
      idTokenExpected: true,
    })
  } catch (erreur) {
    // « error=access_denied… » renvoyé par le fournisseur (l'agent a annulé, ou son administration refuse).
    if (erreur instanceof oidc.AuthorizationResponseError) throw new ErreurProConnect('refus-fournisseur', { cause: erreur })
    throw new ErreurProConnect('reponse-invalide', { cause: erreur })
  }
  const claims = jetons.claims()
  if (!claims || !jetons.id_token) throw new ErreurProConnect('reponse-invalide')

  let email: unknown
  try {
    const infos = await oidc.fetchUserInfo(c, jetons.access_token, claims.sub)
    email = infos.email ?? claims.email
  } catch (erreur) {
    throw new ErreurProConnect('reponse-invalide', { cause: erreur })
  }
  if (typeof email !== 'string' || !email.includes('@')) throw new ErreurProConnect('adresse-absente')

  return {
    email: email.trim().toLowerCase(),
    mfa: authentificationMultiFacteur(config, claims.acr, claims.amr),
    sub: claims.sub,
    idToken: jetons.id_token,
  }
}

/** Le fournisseur atteste-t-il plusieurs facteurs ? Un niveau acr de la liste configurée, ou « mfa » dans amr. */
export function authentificationMultiFacteur(config: Pick<ConfigurationProConnect, 'acrMfa'>, acr: unknown, amr: unknown): boolean {
  if (typeof acr === 'string' && config.acrMfa.includes(acr)) return true
  return Array.isArray(amr) && amr.includes(AMR_MFA)
}

/**
 * Adresse de déconnexion chez ProConnect (à ouvrir dans le navigateur, qui porte
 * les cookies du fournisseur et de l'administration d'origine). `undefined` si le
 * fournisseur n'a pas d'`end_session_endpoint`.
 */
export async function urlDeconnexion(
  config: ConfigurationProConnect,
  { idToken, urlApres, state = oidc.randomState() }: { idToken: string; urlApres: string; state?: string },
): Promise<{ url: URL; state: string } | undefined> {
  const c = await client(config)
  if (!c.serverMetadata().end_session_endpoint) return undefined
  return { url: oidc.buildEndSessionUrl(c, { id_token_hint: idToken, post_logout_redirect_uri: urlApres, state }), state }
}

// ---------------------------------------------------------------------------
// Cookie d'état : chiffré et authentifié (AES-256-GCM), daté

const cleDeChiffrement = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'passerelle', 'proconnect:etat', 32))

/** Chiffre l'état pour le cookie : le navigateur ne peut ni le lire ni le modifier. */
export function scellerEtat<T extends { expire: number }>(etat: T, secret: string): string {
  const iv = randomBytes(12)
  const chiffre = createCipheriv('aes-256-gcm', cleDeChiffrement(secret), iv)
  const corps = Buffer.concat([chiffre.update(JSON.stringify(etat), 'utf8'), chiffre.final()])
  return Buffer.concat([iv, chiffre.getAuthTag(), corps]).toString('base64url')
}

/** L'état d'un cookie, ou `undefined` s'il manque, a été modifié, vient d'un autre secret ou a expiré. */
export function ouvrirEtat<T extends { expire: number }>(valeur: string | undefined, secret: string): T | undefined {
  if (!valeur) return undefined
  try {
    const octets = Buffer.from(valeur, 'base64url')
    const dechiffre = createDecipheriv('aes-256-gcm', cleDeChiffrement(secret), octets.subarray(0, 12))
    dechiffre.setAuthTag(octets.subarray(12, 28))
    const etat = JSON.parse(Buffer.concat([dechiffre.update(octets.subarray(28)), dechiffre.final()]).toString('utf8')) as T
    return typeof etat?.expire === 'number' && etat.expire > Date.now() ? etat : undefined
  } catch {
    return undefined
  }
}
