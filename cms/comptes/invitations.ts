import { sql as sqlPostgres } from '@payloadcms/db-postgres'
import { sql as sqlSqlite } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { hacherMotDePasse } from '../../domaine/acces/empreinte-mot-de-passe'
import {
  echeanceInvitation,
  etatInvitation,
  MESSAGES_INVITATION,
  normaliserAdresse,
  rattachementDuRole,
  verifierAdresseInvitee,
  type EtatInvitation,
} from '../../domaine/acces/invitations'
import { verifierMotDePasse } from '../../domaine/acces/mots-de-passe'
import { peutTout, rolesAttribuables, type Acteur } from '../../domaine/acces/politique'
import { ROLES, type Role } from '../../domaine/acces/roles'
import { empreinteJeton, genererJeton } from '../../domaine/acces/sessions'
import { cible } from '../../domaine/journal/evenements'
import { configuration } from '../../socle/configuration'
import { courrielInvitation, type Expediteur } from '../../socle/courriel'
import { journaliser } from '../journalAudit'
import type { Invitation, Utilisateur } from '../payload-types'

/**
 * Les invitations, de bout en bout, pour les pages de l'espace connecté :
 * inviter (politique, domaine, compte déjà existant, courriel ou lien montré
 * une fois), lire un lien, l'accepter (mot de passe, compte créé, lien
 * consommé une seule fois même sous deux envois simultanés). Le jeton ne
 * quitte ce module que dans le courriel ou, sans SMTP, vers l'écran de
 * l'invitant : jamais dans un journal.
 */

export type ChampInvitation = 'email' | 'role' | 'site' | 'poste' | 'formulaire'
export type DonneesInvitation = { email: string; role: string; site?: number | string | null; poste?: number | string | null }

export type ResultatInvitation =
  | { ok: true; invitation: { id: number; email: string; role: Role; expireLe: string }; /** Seulement sans SMTP : à montrer une fois à l'invitant. */ lien?: string }
  | { ok: false; statut: 400 | 403 | 502; erreurs: Partial<Record<ChampInvitation, string>> }

export type OptionsInvitation = {
  /** Adresse du portail pour écrire le lien (PASSERELLE_URL en production). */
  urlPortail: string
  /** Sans expéditeur (pas de SMTP_URL), le lien est rendu à l'invitant. */
  expediteur?: Expediteur
  maintenant?: Date
  /** Adresse du client, pour le journal. */
  adresse?: string | null
}

const estRole = (r: string): r is Role => Object.hasOwn(ROLES, r)
const identifiant = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number(v))

async function compteExistant(payload: Payload, email: string) {
  const { docs } = await payload.find({ collection: 'utilisateurs', where: { email: { equals: email } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  return docs[0] as Utilisateur | undefined
}

async function existe(payload: Payload, collection: 'sites' | 'postes', id: number | null) {
  if (id === null || !Number.isInteger(id)) return false
  return (await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })).totalDocs > 0
}

export async function inviter(payload: Payload, acteur: Acteur | null, donnees: DonneesInvitation, options: OptionsInvitation): Promise<ResultatInvitation> {
  if (!peutTout(acteur, 'creer', 'invitations'))
    return { ok: false, statut: 403, erreurs: { formulaire: 'Vous n’avez pas le droit d’inviter des personnes sur le portail.' } }
  const role = donnees.role
  if (!estRole(role)) return { ok: false, statut: 400, erreurs: { role: 'Rôle : choisissez un rôle dans la liste.' } }
  if (!rolesAttribuables(acteur).includes(role))
    return { ok: false, statut: 403, erreurs: { role: `Rôle : vous ne pouvez pas inviter une personne avec le rôle « ${ROLES[role]} ».` } }

  const erreurs: Partial<Record<ChampInvitation, string>> = {}
  const verdict = verifierAdresseInvitee(donnees.email, role, configuration().invitations.domaines)
  if (!verdict.ok) erreurs.email = verdict.message
  const email = normaliserAdresse(donnees.email)
  const rattachement = rattachementDuRole(role)
  const site = rattachement === 'site' ? identifiant(donnees.site) : null
  const poste = rattachement === 'poste' ? identifiant(donnees.poste) : null
  if (rattachement === 'site' && !(await existe(payload, 'sites', site))) erreurs.site = 'Unité : choisissez l’unité (commissariat, compagnie ou brigade) de l’agent.'
  if (rattachement === 'poste' && !(await existe(payload, 'postes', poste))) erreurs.poste = 'Poste : choisissez le poste de l’intervenant social.'
  if (!erreurs.email) {
    const compte = await compteExistant(payload, email)
    if (compte)
      erreurs.email = compte.suspendu
        ? 'Adresse électronique : un compte existe déjà pour cette adresse, il est suspendu ; réactivez-le dans la liste des comptes.'
        : 'Adresse électronique : un compte existe déjà pour cette adresse.'
  }
  if (Object.keys(erreurs).length > 0) return { ok: false, statut: 400, erreurs }

  const maintenant = options.maintenant ?? new Date()
  // Une nouvelle invitation remplace les précédentes encore ouvertes : un seul lien vaut pour une adresse.
  await payload.update({
    collection: 'invitations',
    where: { and: [{ email: { equals: email } }, { utiliseeLe: { exists: false } }, { annuleeLe: { exists: false } }] },
    data: { annuleeLe: maintenant.toISOString() },
    overrideAccess: true,
  })
  const jeton = genererJeton()
  const expireLe = echeanceInvitation(maintenant)
  const invitation = (await payload.create({
    collection: 'invitations',
    data: { email, role, site, poste, empreinte: empreinteJeton(jeton), expireLe: expireLe.toISOString(), invitePar: Number(acteur!.id) },
    overrideAccess: true,
  })) as Invitation
  const lien = `${options.urlPortail.replace(/\/+$/, '')}/invitation/${jeton}`

  if (options.expediteur) {
    try {
      await options.expediteur.envoyer({ a: email, ...courrielInvitation({ lien, role, expireLe }) })
    } catch {
      // Lien jamais parvenu : il ne doit pas rester valable sans que personne le sache.
      await payload.update({ collection: 'invitations', id: invitation.id, data: { annuleeLe: new Date().toISOString() }, overrideAccess: true })
      return {
        ok: false,
        statut: 502,
        erreurs: { formulaire: 'Le courriel d’invitation n’a pas pu être envoyé (serveur d’envoi injoignable ou refus). Réessayez plus tard ; rien n’a été créé.' },
      }
    }
  }
  await journaliser(payload, { action: 'invitation-envoyee', acteur: acteur!.id, cible: cible('invitations', invitation.id), adresse: options.adresse ?? null })
  return { ok: true, invitation: { id: invitation.id, email, role, expireLe: invitation.expireLe }, ...(options.expediteur ? {} : { lien }) }
}

export type LectureInvitation =
  | { etat: 'valide'; invitation: { id: number; email: string; role: Role; site: number | null; poste: number | null } }
  | { etat: Exclude<EtatInvitation, 'valide'> | 'inconnue'; message: string }

/** Ce que dit un lien : valide (pour qui, quel rôle), ou pourquoi il ne sert plus. */
export async function lireInvitation(payload: Payload, jeton: string, maintenant: Date = new Date()): Promise<LectureInvitation> {
  // Un jeton qui n'a pas la forme attendue ne va pas jusqu'à la base.
  if (!/^[a-z2-7]{32}$/.test(jeton)) return { etat: 'inconnue', message: MESSAGES_INVITATION.inconnue }
  const { docs } = await payload.find({
    collection: 'invitations',
    where: { empreinte: { equals: empreinteJeton(jeton) } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const invitation = docs[0] as Invitation | undefined
  if (!invitation) return { etat: 'inconnue', message: MESSAGES_INVITATION.inconnue }
  const etat = etatInvitation(invitation, maintenant)
  if (etat !== 'valide') return { etat, message: MESSAGES_INVITATION[etat] }
  const id = (r: unknown) => (r && typeof r === 'object' ? Number((r as { id: number }).id) : r == null ? null : Number(r))
  return { etat: 'valide', invitation: { id: invitation.id, email: invitation.email, role: invitation.role, site: id(invitation.site), poste: id(invitation.poste) } }
}

export type ResultatAcceptation =
  | { ok: true; utilisateur: number }
  | { ok: false; etat?: Exclude<EtatInvitation, 'valide'> | 'inconnue'; erreurs: { motDePasse?: string; formulaire?: string } }

/**
 * Marque l'invitation utilisée si, et seulement si, personne ne l'a fait
 * avant : une seule requête conditionnelle, que la base exécute de façon
 * atomique. De deux envois simultanés du même lien, un seul la réclame.
 */
async function reclamer(payload: Payload, id: number, instant: Date | null): Promise<boolean> {
  const db = payload.db as unknown as { name: string; drizzle: { all?: (q: unknown) => Promise<unknown[]>; execute?: (q: unknown) => Promise<{ rows: unknown[] }> } }
  const valeur = instant?.toISOString() ?? null
  if (configuration().base.type === 'postgres') {
    const requete = instant
      ? sqlPostgres`UPDATE "invitations" SET "utilisee_le" = ${valeur} WHERE "id" = ${id} AND "utilisee_le" IS NULL AND "annulee_le" IS NULL RETURNING "id"`
      : sqlPostgres`UPDATE "invitations" SET "utilisee_le" = NULL WHERE "id" = ${id} RETURNING "id"`
    return (await db.drizzle.execute!(requete)).rows.length === 1
  }
  const requete = instant
    ? sqlSqlite`UPDATE "invitations" SET "utilisee_le" = ${valeur} WHERE "id" = ${id} AND "utilisee_le" IS NULL AND "annulee_le" IS NULL RETURNING "id"`
    : sqlSqlite`UPDATE "invitations" SET "utilisee_le" = NULL WHERE "id" = ${id} RETURNING "id"`
  return (await db.drizzle.all!(requete)).length === 1
}

/**
 * Accepte une invitation : le compte est créé avec le rôle et le rattachement
 * choisis par l'invitant (la personne invitée ne les choisit pas), le lien est
 * consommé. La confirmation du mot de passe est vérifiée par la page.
 */
export async function accepterInvitation(
  payload: Payload,
  jeton: string,
  motDePasse: string,
  options: { maintenant?: Date; adresse?: string | null } = {},
): Promise<ResultatAcceptation> {
  const maintenant = options.maintenant ?? new Date()
  const lecture = await lireInvitation(payload, jeton, maintenant)
  if (lecture.etat !== 'valide') return { ok: false, etat: lecture.etat, erreurs: { formulaire: lecture.message } }
  const verdict = verifierMotDePasse(motDePasse)
  if (!verdict.ok) return { ok: false, erreurs: { motDePasse: verdict.message } }
  const { invitation } = lecture
  if (await compteExistant(payload, invitation.email))
    return { ok: false, etat: 'utilisee', erreurs: { formulaire: MESSAGES_INVITATION.utilisee } }

  // Calculée avant de réclamer le lien : l'empreinte prend du temps, la réclamation doit rester courte.
  const empreinte = await hacherMotDePasse(motDePasse)
  if (!(await reclamer(payload, invitation.id, maintenant))) return { ok: false, etat: 'utilisee', erreurs: { formulaire: MESSAGES_INVITATION.utilisee } }
  let utilisateur: Utilisateur
  try {
    utilisateur = (await payload.create({
      collection: 'utilisateurs',
      data: {
        email: invitation.email,
        motDePasse: empreinte,
        role: invitation.role,
        site: invitation.site,
        poste: invitation.poste,
        suspendu: false,
      },
      overrideAccess: true,
    })) as Utilisateur
  } catch (erreur) {
    // Compte non créé : le lien redevient utilisable, pour réessayer.
    await reclamer(payload, invitation.id, null)
    throw erreur
  }
  await journaliser(payload, { action: 'invitation-acceptee', acteur: utilisateur.id, cible: cible('invitations', invitation.id), adresse: options.adresse ?? null })
  return { ok: true, utilisateur: utilisateur.id }
}
