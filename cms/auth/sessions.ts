import type { Payload, PayloadRequest, Where } from 'payload'

import {
  activiteAEcrire,
  empreinteJeton,
  etatSession,
  FORME_JETON,
  genererJeton,
} from '../../domaine/acces/sessions'
import { secondFacteurExige } from '../../domaine/acces/second-facteur'
import { idDe } from '../../domaine/reference'
import { cible } from '../../domaine/journal/evenements'
import { configuration } from '../../socle/configuration'
import type { Session, Utilisateur } from '../payload-types'
import { journaliser } from '../journalAudit'
import { cookieSession } from './cookie'

/**
 * Le mécanisme de session unique du portail et de l'admin (décision :
 * docs/decisions/sessions.md). Ouvrir, valider, prolonger, révoquer : tout
 * passe ici, le reste du code ne touche jamais la collection `sessions`.
 */

export type MotifRevocation = NonNullable<Session['motifRevocation']>

export type SessionValide = {
  session: Session
  utilisateur: Utilisateur
  /** Empreinte du jeton : sert de clé au jeton CSRF de la session. */
  empreinte: string
  /** Le second facteur est vérifié, ou le compte n'en exige pas. */
  complete: boolean
}


/** Ouvre une session pour un compte dont l'identité vient d'être prouvée (mot de passe ou ProConnect). */
export async function ouvrirSession(
  payload: Payload,
  o: { utilisateur: number | string; appareil?: string; secondFacteur: boolean; methode: 'mot-de-passe' | 'proconnect' },
): Promise<{ jeton: string; cookie: string; id: number | string }> {
  const jeton = genererJeton()
  const maintenant = new Date().toISOString()
  const session = await payload.create({
    collection: 'sessions',
    data: {
      empreinte: empreinteJeton(jeton),
      utilisateur: Number(o.utilisateur),
      methode: o.methode,
      secondFacteur: o.secondFacteur,
      appareil: o.appareil ?? 'Appareil inconnu',
      creeLe: maintenant,
      vueLe: maintenant,
    },
    overrideAccess: true,
    context: { sansPublication: true },
  })
  await purgerAnciennes(payload).catch(() => undefined)
  return { jeton, cookie: cookieSession(jeton, Math.floor(configuration().sessions.absolueMs / 1000)), id: session.id }
}

/**
 * La session d'un jeton, si elle est active et que son compte existe et n'est
 * pas suspendu ; l'activité est prolongée au passage. Tout autre cas : null,
 * sans dire pourquoi (jeton inconnu, expiré, révoqué, compte suspendu).
 */
export async function validerJeton(payload: Payload, jeton: string | undefined, maintenant = new Date()): Promise<SessionValide | null> {
  if (!jeton || !FORME_JETON.test(jeton)) return null
  const empreinte = empreinteJeton(jeton)
  // Par l'adaptateur de base : lue à chaque requête de l'espace, la session ne passe pas par l'API locale
  // (accès, hooks de lecture, relecture des champs), que ni `sessions` ni `utilisateurs` n'utilisent en lecture
  // (aucun hook afterRead, champs cachés demandés de toute façon) : sous bench:saisines, le CPU du serveur par dépôt passe ainsi de 12 à 9,2 ms.
  const session = await payload.db.findOne<Session>({ collection: 'sessions', where: { empreinte: { equals: empreinte } } })
  if (!session || etatSession(session, maintenant, configuration().sessions) !== 'active') return null
  const utilisateur = await payload.db.findOne<Utilisateur>({ collection: 'utilisateurs', where: { id: { equals: idDe(session.utilisateur) } } })
  if (!utilisateur || utilisateur.suspendu) return null
  if (activiteAEcrire(session.vueLe, maintenant)) {
    await payload.update({
      collection: 'sessions',
      id: session.id,
      data: { vueLe: maintenant.toISOString() },
      overrideAccess: true,
      context: { sansPublication: true },
    })
  }
  return { session, utilisateur, empreinte, complete: Boolean(session.secondFacteur) || !secondFacteurExige(utilisateur) }
}

/** Le second facteur vient d'être vérifié pour cette session. */
export async function marquerSecondFacteur(payload: Payload, sessionId: number | string): Promise<void> {
  await payload.update({ collection: 'sessions', id: sessionId, data: { secondFacteur: true }, overrideAccess: true, context: { sansPublication: true } })
}

/** Les sessions actives d'un compte, la plus récente d'abord (page « mon compte »). */
export async function listerSessions(payload: Payload, utilisateurId: number | string) {
  const maintenant = new Date()
  const { docs } = await payload.find({
    collection: 'sessions',
    where: { and: [{ utilisateur: { equals: utilisateurId } }, { revoqueeLe: { exists: false } }] },
    sort: '-vueLe',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
    .filter((s) => etatSession(s, maintenant, configuration().sessions) === 'active')
    .map((s) => ({ id: s.id, appareil: s.appareil ?? 'Appareil inconnu', methode: s.methode, creeLe: s.creeLe, vueLe: s.vueLe }))
}

/** Révoque toutes les sessions d'un compte (sauf, au besoin, celle d'où vient la demande). */
export async function revoquerSessions(
  payload: Payload,
  utilisateurId: number | string,
  motif: MotifRevocation,
  o: { sauf?: number | string; acteur?: number | string | null; req?: PayloadRequest } = {},
): Promise<number> {
  const where: Where = {
    and: [
      { utilisateur: { equals: utilisateurId } },
      { revoqueeLe: { exists: false } },
      ...(o.sauf === undefined ? [] : [{ id: { not_equals: o.sauf } }]),
    ],
  }
  const { docs } = await payload.update({
    collection: 'sessions',
    where,
    data: { revoqueeLe: new Date().toISOString(), motifRevocation: motif },
    overrideAccess: true,
    req: o.req,
    context: { sansPublication: true },
  })
  if (docs.length > 0)
    await journaliser(payload, { action: 'sessions-revoquees', acteur: o.acteur ?? utilisateurId, cible: cible('utilisateurs', utilisateurId) }, o.req)
  return docs.length
}

/** Révoque une session de son titulaire (bouton « révoquer » de la liste) ; une session d'autrui n'est pas trouvée. */
export async function revoquerSession(payload: Payload, utilisateurId: number | string, sessionId: number | string): Promise<boolean> {
  const { docs } = await payload.update({
    collection: 'sessions',
    where: { and: [{ id: { equals: sessionId } }, { utilisateur: { equals: utilisateurId } }, { revoqueeLe: { exists: false } }] },
    data: { revoqueeLe: new Date().toISOString(), motifRevocation: 'revocation' },
    overrideAccess: true,
    context: { sansPublication: true },
  })
  if (docs.length > 0) await journaliser(payload, { action: 'sessions-revoquees', acteur: utilisateurId, cible: cible('sessions', sessionId) })
  return docs.length > 0
}

/** Déconnexion : la session du jeton est révoquée (rien si le jeton est inconnu). */
export async function fermerSession(payload: Payload, jeton: string | undefined, adresse?: string | null): Promise<void> {
  if (!jeton || !FORME_JETON.test(jeton)) return
  const { docs } = await payload.update({
    collection: 'sessions',
    where: { and: [{ empreinte: { equals: empreinteJeton(jeton) } }, { revoqueeLe: { exists: false } }] },
    data: { revoqueeLe: new Date().toISOString(), motifRevocation: 'deconnexion' },
    overrideAccess: true,
    context: { sansPublication: true },
  })
  const session = docs[0]
  if (session) {
    const compte = idDe(session.utilisateur)
    await journaliser(payload, { action: 'deconnexion', acteur: compte, cible: cible('utilisateurs', compte), adresse })
  }
}

/** Les sessions finies depuis 30 jours n'ont plus rien à dire : supprimées, au plus une fois par heure. */
const RETENTION_MS = 30 * 24 * 60 * 60_000
let dernierePurge = 0
async function purgerAnciennes(payload: Payload) {
  if (Date.now() - dernierePurge < 60 * 60_000) return
  dernierePurge = Date.now()
  const avant = new Date(Date.now() - RETENTION_MS).toISOString()
  await payload.delete({
    collection: 'sessions',
    where: { vueLe: { less_than: avant } },
    overrideAccess: true,
    context: { sansPublication: true },
  })
}
