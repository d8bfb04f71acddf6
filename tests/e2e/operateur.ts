import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateTOTP } from '@oslojs/otp'

import type { ServeurSmtp } from '../outils/serveurSmtp'
import { fichierJournal } from './demarrerPortail'
import { semer } from './journalSansDonnee'

/**
 * Le compte opérateur des tests de bout en bout sur le portail partagé, créé et
 * connecté comme une personne le ferait, par HTTP : /installation avec le code
 * de la console, /connexion, puis l'enrôlement du second facteur (le secret est
 * lu sur la page, le code calculé comme le ferait l'application du téléphone).
 * Le secret et la session sont gardés dans le dossier du portail, pour les
 * fichiers de test suivants (un même code TOTP ne sert qu'une fois).
 */
export const OPERATEUR = { email: 'operateur@example.org', nom: 'Opératrice des tests', motDePasse: 'Un-mot-de-passe-solide-2026' }

/** Le code d'installation tel que la console du portail l'affiche au démarrage (le journal est écrit juste après « prête »). */
export async function codeInstallationDuJournal(dossierDonnees: string): Promise<string> {
  for (let essai = 0; essai < 50; essai++) {
    const m = readFileSync(fichierJournal(dossierDonnees), 'utf8').match(/Code d'installation[^:]*: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)
    if (m) return m[1]!
    await new Promise((ok) => setTimeout(ok, 200))
  }
  throw new Error(`Aucun code d'installation dans ${fichierJournal(dossierDonnees)}`)
}

/** Le code TOTP du moment pour un secret tel que la page l'affiche (« ABCD EFGH … »). */
export const codeTotp = (secretLisible: string) => generateTOTP(decodeBase32IgnorePadding(secretLisible.replace(/\s/g, '')), 30, 6)

/** Attend le pas de 30 s suivant : un code déjà accepté n'est jamais accepté une seconde fois. */
export async function pasSuivant() {
  const reste = 30_000 - (Date.now() % 30_000)
  await new Promise((ok) => setTimeout(ok, reste + 200))
}

/** Un envoi de formulaire comme le ferait le navigateur (l'origine du portail, sans suivre la redirection). */
export async function envoyerFormulaire(url: string, chemin: string, champs: Record<string, string>, cookie?: string) {
  return fetch(`${url}${chemin}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(champs),
  })
}

export const cookieDeSession = (reponse: Response) => reponse.headers.getSetCookie().find((c) => /^(__Host-)?passerelle-session=/.test(c))?.split(';')[0]

const champCache = (html: string, nom: string) => html.match(new RegExp(`name="${nom}" value="([^"]*)"`))?.[1]
const secretAffiche = (html: string) => html.match(/<code class="passerelle-codes-secours">([A-Z2-7 ]+)<\/code>/)?.[1]

/**
 * Connexion complète d'un compte par HTTP : mot de passe, puis second facteur
 * (enrôlement si la page le propose, sinon code du secret déjà connu). Renvoie
 * l'en-tête Cookie de la session et le secret TOTP.
 */
export async function connecterParHttp(url: string, compte: { email: string; motDePasse: string }, secretConnu?: string): Promise<{ cookie: string; secret?: string }> {
  const connexion = await envoyerFormulaire(url, '/connexion', { email: compte.email, motDePasse: compte.motDePasse })
  const cookie = cookieDeSession(connexion)
  if (connexion.status !== 303 || !cookie) throw new Error(`Connexion de ${compte.email} impossible (HTTP ${connexion.status})`)
  if (!connexion.headers.get('location')?.includes('/connexion/second-facteur')) return { cookie }
  for (let essai = 0; essai < 2; essai++) {
    const page = await (await fetch(`${url}/connexion/second-facteur`, { headers: { Cookie: cookie } })).text()
    const secret = secretAffiche(page) ?? secretConnu
    if (!secret) throw new Error('Second facteur demandé, mais aucun secret connu pour ce compte')
    const reponse = await envoyerFormulaire(url, '/connexion/second-facteur', { csrf: champCache(page, 'csrf') ?? '', code: codeTotp(secret) }, cookie)
    // 303 : code vérifié ; 200 : enrôlement confirmé, codes de secours affichés.
    if (reponse.status === 303 || reponse.status === 200) return { cookie, secret }
    // Le code de ce pas a déjà servi (rejeu refusé) : on attend le suivant.
    await pasSuivant()
  }
  throw new Error(`Second facteur de ${compte.email} refusé`)
}

const fichierOperateur = (dossier: string) => path.join(dossier, 'operateur-de-test.json')

/**
 * L'en-tête Cookie d'une session complète de l'opérateur sur le portail partagé :
 * créé au premier appel (installation, connexion, enrôlement), réutilisé ensuite
 * tant que la session est valide.
 */
export async function sessionOperateur(url: string, dossierDonnees: string): Promise<string> {
  const garde = existsSync(fichierOperateur(dossierDonnees))
    ? (JSON.parse(readFileSync(fichierOperateur(dossierDonnees), 'utf8')) as { cookie?: string; secret?: string })
    : {}
  if (garde.cookie) {
    const moi = await fetch(`${url}/api/utilisateurs/me`, { headers: { Cookie: garde.cookie } })
    if (moi.ok && ((await moi.json()) as { user: unknown }).user) return garde.cookie
  }
  if (!garde.secret) {
    const installation = await envoyerFormulaire(url, '/installation', {
      codeInstallation: await codeInstallationDuJournal(dossierDonnees),
      email: OPERATEUR.email,
      nom: OPERATEUR.nom,
      motDePasse: OPERATEUR.motDePasse,
      confirmation: OPERATEUR.motDePasse,
    })
    if (installation.status !== 303) throw new Error(`Installation de l'opérateur impossible (HTTP ${installation.status})`)
  }
  semer(dossierDonnees, OPERATEUR.email, OPERATEUR.nom)
  const session = await connecterParHttp(url, OPERATEUR, garde.secret)
  writeFileSync(fichierOperateur(dossierDonnees), JSON.stringify(session))
  return session.cookie
}

/**
 * Invite un compte depuis /espace/comptes de l'opérateur, choisit son mot de passe et le connecte ;
 * le lien vient du courriel (avec `boite`), sinon de la page. Son adresse est semée : jamais au journal.
 */
export async function creerCompteParInvitation(
  url: string,
  dossierDonnees: string,
  operateur: string,
  compte: { email: string; motDePasse: string },
  role: string,
  rattachement: { site?: string; poste?: string } = {},
  boite?: ServeurSmtp,
): Promise<string> {
  semer(dossierDonnees, compte.email)
  const page = await (await fetch(`${url}/espace/comptes`, { headers: { Cookie: operateur } })).text()
  const reponse = await envoyerFormulaire(
    url,
    '/espace/comptes',
    { csrf: champCache(page, 'csrf') ?? '', action: 'inviter', email: compte.email, role, site: rattachement.site ?? '', poste: rattachement.poste ?? '' },
    operateur,
  )
  const corps = await reponse.text()
  let lien = corps.match(/\/invitation\/[a-z2-7]{32}/)?.[0]
  // Avec SMTP, le lien ne part que par courriel (expect.poll n'est pas permis hors d'un test : on attend à la main).
  for (let essai = 0; !lien && boite && essai < 100; essai++) {
    lien = boite.recus.find((r) => r.destinataires.includes(compte.email))?.texte.match(/\/invitation\/[a-z2-7]{32}/)?.[0]
    if (!lien) await new Promise((ok) => setTimeout(ok, 200))
  }
  if (!lien) throw new Error(`Invitation de ${compte.email} impossible (HTTP ${reponse.status})`)
  const choix = await envoyerFormulaire(url, lien, { motDePasse: compte.motDePasse, confirmation: compte.motDePasse })
  if (choix.status !== 303) throw new Error(`Mot de passe de ${compte.email} refusé (HTTP ${choix.status})`)
  return (await connecterParHttp(url, compte)).cookie
}
