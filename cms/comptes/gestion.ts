import type { Payload } from 'payload'

import { rattachementDuRole, etatInvitation } from '../../domaine/acces/invitations'
import { peutGererCompte, peutTout, rolesAttribuables, type Acteur } from '../../domaine/acces/politique'
import { ROLES, type Role } from '../../domaine/acces/roles'
import { cible } from '../../domaine/journal/evenements'
import { revoquerSessions } from '../auth/sessions'
import { journaliser } from '../journalAudit'
import type { Invitation, Utilisateur } from '../payload-types'

/**
 * Gestion des comptes depuis /espace/comptes (opérateur et coordination) :
 * liste, suspension, réactivation, rôle et rattachement. Chaque fonction
 * redemande la politique (domaine/acces/politique.ts) pour le compte visé :
 * la page n'est qu'un affichage, aucune décision n'y est prise.
 */

export type Refus = { ok: false; statut: 400 | 403 | 404; erreurs: Partial<Record<'role' | 'site' | 'poste' | 'formulaire', string>> }
export type Resultat = { ok: true } | Refus

const INTERDIT: Refus = { ok: false, statut: 403, erreurs: { formulaire: 'Vous n’avez pas le droit de modifier ce compte.' } }
const INTROUVABLE: Refus = { ok: false, statut: 404, erreurs: { formulaire: 'Ce compte n’existe pas.' } }

const estRole = (r: string): r is Role => Object.hasOwn(ROLES, r)
/** Le compte qui agit, tel que Payload l'attend pour que ses hooks (journal des changements) sachent qui agit. */
const utilisateurPayload = (acteur: Acteur) => ({ id: acteur.id, role: acteur.role, collection: 'utilisateurs' }) as unknown as Utilisateur & { collection: 'utilisateurs' }

export async function listerComptes(payload: Payload, acteur: Acteur | null): Promise<Utilisateur[] | null> {
  if (!peutTout(acteur, 'lire', 'comptes')) return null
  return (await payload.find({ collection: 'utilisateurs', pagination: false, depth: 1, sort: 'email', overrideAccess: true })).docs as Utilisateur[]
}

/** Invitations encore valables, pour que l'invitant sache qui n'a pas encore créé son compte. */
export async function listerInvitationsOuvertes(payload: Payload, acteur: Acteur | null, maintenant = new Date()): Promise<Invitation[] | null> {
  if (!peutTout(acteur, 'lire', 'invitations')) return null
  const { docs } = await payload.find({
    collection: 'invitations',
    where: { and: [{ utiliseeLe: { exists: false } }, { annuleeLe: { exists: false } }, { expireLe: { greater_than: maintenant.toISOString() } }] },
    pagination: false,
    depth: 0,
    sort: 'expireLe',
    overrideAccess: true,
  })
  return (docs as Invitation[]).filter((i) => etatInvitation(i, maintenant) === 'valide')
}

/** Annule une invitation encore ouverte : son lien ne sert plus (une adresse mal saisie, une personne partie). */
export async function annulerInvitation(payload: Payload, acteur: Acteur | null, id: number | string, maintenant = new Date()): Promise<Resultat> {
  if (!peutTout(acteur, 'modifier', 'invitations')) return { ok: false, statut: 403, erreurs: { formulaire: 'Vous n’avez pas le droit d’annuler des invitations.' } }
  if (!/^\d+$/.test(String(id))) return { ok: false, statut: 404, erreurs: { formulaire: 'Cette invitation n’existe pas.' } }
  const { docs } = await payload.find({ collection: 'invitations', where: { id: { equals: Number(id) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  const invitation = docs[0] as Invitation | undefined
  if (!invitation) return { ok: false, statut: 404, erreurs: { formulaire: 'Cette invitation n’existe pas.' } }
  // Une invitation utilisée reste utilisée : on n'annule pas un compte par ce chemin.
  if (etatInvitation(invitation, maintenant) !== 'valide') return { ok: true }
  await payload.update({ collection: 'invitations', id: invitation.id, data: { annuleeLe: maintenant.toISOString() }, overrideAccess: true })
  return { ok: true }
}

async function compteVise(payload: Payload, id: number | string) {
  if (!/^\d+$/.test(String(id))) return undefined
  const { docs } = await payload.find({ collection: 'utilisateurs', where: { id: { equals: Number(id) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  return docs[0] as Utilisateur | undefined
}

async function changerSuspension(payload: Payload, acteur: Acteur | null, id: number | string, suspendu: boolean, adresse?: string | null): Promise<Resultat> {
  if (!peutTout(acteur, 'modifier', 'comptes')) return INTERDIT
  const compte = await compteVise(payload, id)
  if (!compte) return INTROUVABLE
  if (!compte.role || !peutGererCompte(acteur, { id: compte.id, role: compte.role })) return INTERDIT
  if (Boolean(compte.suspendu) === suspendu) return { ok: true }
  await payload.update({ collection: 'utilisateurs', id: compte.id, data: { suspendu }, overrideAccess: true, user: utilisateurPayload(acteur!) })
  // Les sessions du compte sont fermées par le hook de la collection (revoquerSessionsSiHabilitationChange).
  await journaliser(payload, { action: suspendu ? 'compte-suspendu' : 'compte-reactive', acteur: acteur!.id, cible: cible('utilisateurs', compte.id), adresse: adresse ?? null })
  return { ok: true }
}

/**
 * Téléphone perdu et plus de codes de secours : l'opérateur ou la coordination
 * efface le second facteur du compte ; la personne le réenrôle à sa prochaine
 * connexion (obligatoire pour son rôle) et toutes ses sessions sont fermées.
 */
export async function reinitialiserSecondFacteur(payload: Payload, acteur: Acteur | null, id: number | string, adresse?: string | null): Promise<Resultat> {
  if (!peutTout(acteur, 'modifier', 'comptes')) return INTERDIT
  const compte = await compteVise(payload, id)
  if (!compte) return INTROUVABLE
  if (!compte.role || !peutGererCompte(acteur, { id: compte.id, role: compte.role })) return INTERDIT
  await payload.update({
    collection: 'utilisateurs',
    id: compte.id,
    data: { totpSecret: null, totpEnAttente: null, totpDernierPas: null, codesSecours: null },
    overrideAccess: true,
    user: utilisateurPayload(acteur!),
  })
  await revoquerSessions(payload, compte.id, 'second-facteur', { acteur: acteur!.id })
  await journaliser(payload, { action: 'second-facteur-reinitialise', acteur: acteur!.id, cible: cible('utilisateurs', compte.id), adresse: adresse ?? null })
  return { ok: true }
}

export const suspendreCompte = (payload: Payload, acteur: Acteur | null, id: number | string, adresse?: string | null) => changerSuspension(payload, acteur, id, true, adresse)
export const reactiverCompte = (payload: Payload, acteur: Acteur | null, id: number | string, adresse?: string | null) => changerSuspension(payload, acteur, id, false, adresse)

/**
 * Nouveau rôle et rattachement d'un compte. Le rattachement suit le rôle :
 * une unité pour l'agent FSI, un poste pour l'intervenant, rien sinon (un
 * ancien rattachement ne survit pas à un changement de rôle). Le journal est
 * écrit par le hook de la collection (role-modifie, rattachement-modifie).
 */
export async function modifierHabilitation(
  payload: Payload,
  acteur: Acteur | null,
  id: number | string,
  donnees: { role: string; site?: string | number | null; poste?: string | number | null },
): Promise<Resultat> {
  if (!peutTout(acteur, 'modifier', 'comptes')) return INTERDIT
  const compte = await compteVise(payload, id)
  if (!compte) return INTROUVABLE
  if (!estRole(donnees.role)) return { ok: false, statut: 400, erreurs: { role: 'Rôle : choisissez un rôle dans la liste.' } }
  if (!compte.role || !peutGererCompte(acteur, { id: compte.id, role: compte.role }, donnees.role))
    return rolesAttribuables(acteur).includes(donnees.role) ? INTERDIT : { ok: false, statut: 403, erreurs: { role: `Rôle : vous ne pouvez pas donner le rôle « ${ROLES[donnees.role]} ».` } }
  const rattachement = rattachementDuRole(donnees.role)
  const valeur = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number(v))
  const site = rattachement === 'site' ? valeur(donnees.site) : null
  const poste = rattachement === 'poste' ? valeur(donnees.poste) : null
  const existe = async (collection: 'sites' | 'postes', v: number | null) =>
    v !== null && Number.isInteger(v) && (await payload.count({ collection, where: { id: { equals: v } }, overrideAccess: true })).totalDocs > 0
  if (rattachement === 'site' && !(await existe('sites', site))) return { ok: false, statut: 400, erreurs: { site: 'Unité : choisissez l’unité (commissariat, compagnie ou brigade) de l’agent.' } }
  if (rattachement === 'poste' && !(await existe('postes', poste))) return { ok: false, statut: 400, erreurs: { poste: 'Poste : choisissez le poste de l’intervenant social.' } }
  await payload.update({ collection: 'utilisateurs', id: compte.id, data: { role: donnees.role, site, poste }, overrideAccess: true, user: utilisateurPayload(acteur!) })
  // Les sessions du compte sont fermées par le hook de la collection (revoquerSessionsSiHabilitationChange).
  return { ok: true }
}
