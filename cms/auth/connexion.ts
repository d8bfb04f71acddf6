import type { Payload } from 'payload'

import { aRehacher, hacherMotDePasse, verifierMotDePasse as verifierEmpreinte } from '../../domaine/acces/empreinte-mot-de-passe'
import { LimiteurConnexion, messageAttente } from '../../domaine/acces/limitation-connexion'
import { appareilDepuisUserAgent } from '../../domaine/acces/sessions'
import { cible } from '../../domaine/journal/evenements'
import { journaliser } from '../journalAudit'
import { secondFacteurExige } from '../../domaine/acces/second-facteur'
import { ouvrirSession } from './sessions'

/**
 * Connexion par adresse électronique et mot de passe. Le message d'échec est
 * le même que le compte existe ou non, soit suspendu ou non, et la durée aussi
 * (le mot de passe est toujours dérivé) : rien ne dit qui a un compte.
 * Les essais sont limités par compte et par adresse du client, sans
 * verrouillage (n'importe qui pourrait sinon verrouiller l'opérateur).
 */
export const ECHEC_CONNEXION = 'Adresse électronique ou mot de passe incorrect.'

// Un seul limiteur par processus, même si le module est chargé deux fois (admin Next et serveur ont chacun leur copie).
const CLE = Symbol.for('passerelle.limiteurConnexion')
const global = globalThis as typeof globalThis & { [CLE]?: LimiteurConnexion }
export const limiteurConnexion = () => (global[CLE] ??= new LimiteurConnexion())

export const normaliserEmail = (email: string) => email.trim().toLowerCase()

export type ResultatConnexion =
  | { ok: true; jeton: string; cookie: string; complete: boolean }
  | { ok: false; message: string; attendreMs?: number }

export async function seConnecter(
  payload: Payload,
  o: { email: string; motDePasse: string; adresse: string | null; userAgent?: string | null },
): Promise<ResultatConnexion> {
  const email = normaliserEmail(o.email)
  const adresse = o.adresse ?? 'locale'
  const verdict = limiteurConnexion().essayer(email, adresse)
  if (!verdict.autorise) return { ok: false, message: messageAttente(verdict.attendreMs), attendreMs: verdict.attendreMs }

  const { docs } = await payload.find({
    collection: 'utilisateurs',
    where: { email: { equals: email } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const compte = docs[0]
  const bon = await verifierEmpreinte(o.motDePasse, compte?.motDePasse)
  if (!compte || !bon || compte.suspendu) {
    // Ni l'adresse saisie ni le compte visé : une faute de frappe peut être l'adresse d'un autre.
    await journaliser(payload, { action: 'connexion-refusee', adresse: o.adresse })
    return { ok: false, message: ECHEC_CONNEXION }
  }
  limiteurConnexion().reussite(email, adresse)
  // Une empreinte d'un ancien format est remplacée tant que le mot de passe est en main.
  if (aRehacher(compte.motDePasse))
    await payload.update({ collection: 'utilisateurs', id: compte.id, data: { motDePasse: await hacherMotDePasse(o.motDePasse) }, overrideAccess: true })
  const session = await ouvrirSession(payload, {
    utilisateur: compte.id,
    appareil: appareilDepuisUserAgent(o.userAgent),
    secondFacteur: false,
    methode: 'mot-de-passe',
  })
  await journaliser(payload, { action: 'connexion', acteur: compte.id, cible: cible('utilisateurs', compte.id), adresse: o.adresse })
  return { ok: true, jeton: session.jeton, cookie: session.cookie, complete: !secondFacteurExige(compte) }
}
