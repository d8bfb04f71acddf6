export const prerender = false

import type { APIRoute } from 'astro'

import { ouvrirSession } from '../../../../cms/auth/sessions'
import { journaliser } from '../../../../cms/journalAudit'
import type { Utilisateur } from '../../../../cms/payload-types'
import { secondFacteurExige } from '../../../../domaine/acces/second-facteur'
import { appareilDepuisUserAgent } from '../../../../domaine/acces/sessions'
import { cible } from '../../../../domaine/journal/evenements'
import { configuration } from '../../../../socle/configuration'
import { ErreurProConnect, terminerConnexion, type IdentiteProConnect } from '../../../../socle/proconnect'
import { payload } from '../../../lib/cms'
import { cookieDeconnexion, effacerEtat, lireEtat, type MessageProConnect } from '../../../lib/proconnect'

/**
 * Retour de ProConnect : vérifie la réponse (state, code, PKCE, nonce), puis
 * retrouve le compte invité par son adresse électronique. Pas de compte, ou un
 * compte suspendu : le même message, qui ne dit pas lequel ; aucun compte n'est
 * jamais créé ici (pas d'inscription libre). Sinon la session s'ouvre ; le
 * second facteur est acquis si ProConnect atteste une authentification
 * multi-facteur, sinon un rôle qui l'exige passe par /connexion/second-facteur.
 */
/** Redirection 303, sans cache, avec ses cookies (l'état est toujours effacé : il ne sert qu'une fois). */
function rediriger(location: string, cookies: string[]): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' })
  for (const c of cookies) headers.append('Set-Cookie', c)
  return new Response(null, { status: 303, headers })
}

const MESSAGE_DU_MOTIF: Record<ErreurProConnect['motif'], MessageProConnect> = {
  'etat-expire': 'expire',
  'refus-fournisseur': 'annule',
  'reponse-invalide': 'echec',
  'adresse-absente': 'echec',
  'fournisseur-injoignable': 'indisponible',
}

/** Un compte suspendu ne se connecte pas (champ `suspendu` de la collection, écrit par la session principale). */
const suspendu = (u: Utilisateur) => u.suspendu === true

export const GET: APIRoute = async (contexte) => {
  const { url, request, locals } = contexte
  const config = configuration()
  if (!config.proconnect) return new Response('Page introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const p = await payload()
  // Le serveur donne l'adresse réelle du poste (proxy de confiance) ; Astro seul ne verrait que le proxy.
  const adresse = locals.adresseClient ?? contexte.clientAddress
  const refuser = async (cle: MessageProConnect, utilisateur?: Utilisateur) => {
    await journaliser(p, { action: 'connexion-refusee', acteur: null, cible: utilisateur ? cible('utilisateurs', utilisateur.id) : null, adresse })
    return rediriger(`/connexion?proconnect=${cle}`, [effacerEtat(config)])
  }

  const etat = lireEtat(request, config)
  if (!etat) return refuser('expire')

  let identite: IdentiteProConnect
  try {
    identite = await terminerConnexion(config.proconnect, url, etat)
  } catch (erreur) {
    if (erreur instanceof ErreurProConnect) return refuser(MESSAGE_DU_MOTIF[erreur.motif])
    throw erreur
  }

  const [utilisateur] = (
    await p.find({ collection: 'utilisateurs', where: { email: { equals: identite.email } }, limit: 1, pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true })
  ).docs as Utilisateur[]
  if (!utilisateur || suspendu(utilisateur)) return refuser('sans-compte', utilisateur)

  const { cookie } = await ouvrirSession(p, {
    utilisateur: utilisateur.id,
    secondFacteur: identite.mfa,
    methode: 'proconnect',
    appareil: appareilDepuisUserAgent(request.headers.get('user-agent')),
  })
  await journaliser(p, { action: 'connexion', acteur: utilisateur.id, cible: cible('utilisateurs', utilisateur.id), adresse })

  const destination = etat.destination ?? '/espace'
  const suite =
    secondFacteurExige(utilisateur) && !identite.mfa
      ? `/connexion/second-facteur${etat.destination ? `?retour=${encodeURIComponent(etat.destination)}` : ''}`
      : destination
  return rediriger(suite, [effacerEtat(config), cookie, cookieDeconnexion(config, identite.idToken)])
}
