import type { Role } from './roles'

/**
 * Invitations à créer un compte (pas d'inscription libre : l'opérateur ou la
 * coordination invite, cahier des charges « Cadre juridique et déontologique » :
 * moindre privilège). Règles pures : domaines de courriel permis par rôle,
 * durée de validité, état d'une invitation. Le jeton lui-même vient de
 * sessions.ts (seule son empreinte est conservée).
 */

/** Un lien d'invitation vaut 72 heures, puis il faut en demander un autre. */
export const DUREE_INVITATION_MS = 72 * 60 * 60 * 1000

export const echeanceInvitation = (maintenant: Date) => new Date(maintenant.getTime() + DUREE_INVITATION_MS)

/**
 * Domaines de courriel permis pour chaque rôle ; `null` : tout domaine.
 * La comparaison est EXACTE (sans les sous-domaines) : « interieur.gouv.fr »
 * n'ouvre pas « n-importe-quoi.interieur.gouv.fr ». Chaque domaine admis
 * s'écrit donc en entier dans la configuration, ce qui garde la liste lisible
 * et au plus juste (moindre privilège).
 */
export type DomainesParRole = Record<Role, readonly string[] | null>

/** Par défaut : les agents FSI sont invités sur les adresses du ministère de l'Intérieur (police, gendarmerie) ; les autres rôles, sur toute adresse. */
export const DOMAINES_PAR_DEFAUT: DomainesParRole = {
  'agent-fsi': ['interieur.gouv.fr', 'gendarmerie.interieur.gouv.fr'],
  intervenant: null,
  operateur: null,
  coordination: null,
  financeur: null,
}

/** Le rôle dans une phrase (« pour le rôle agent FSI »). */
export const ROLE_DANS_UNE_PHRASE: Record<Role, string> = {
  'agent-fsi': 'agent FSI',
  intervenant: 'intervenant social',
  operateur: 'opérateur',
  coordination: 'coordination',
  financeur: 'financeur',
}

/** Adresse comparée en minuscules et sans espaces autour : « Agent@Interieur.gouv.fr » est la même personne. */
export const normaliserAdresse = (adresse: string) => adresse.trim().toLowerCase()

// Volontairement simple (une partie locale, un @, un domaine avec un point) : le courriel envoyé est la vraie vérification.
const ADRESSE = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/

export const domaineDeLAdresse = (adresse: string) => ADRESSE.exec(normaliserAdresse(adresse))?.[1] ?? null

export type Verdict = { ok: true } | { ok: false; message: string }

/** L'adresse peut-elle recevoir une invitation pour ce rôle ? Le refus dit pourquoi et quels domaines sont permis. */
export function verifierAdresseInvitee(adresse: string, role: Role, domaines: DomainesParRole = DOMAINES_PAR_DEFAUT): Verdict {
  const domaine = domaineDeLAdresse(adresse)
  if (!domaine) return { ok: false, message: `Adresse électronique : « ${adresse.trim()} » n’est pas une adresse valide (exemple : prenom.nom@interieur.gouv.fr).` }
  const permis = domaines[role]
  if (permis === null || permis.includes(domaine)) return { ok: true }
  return {
    ok: false,
    message: `L’adresse ${normaliserAdresse(adresse)} n’est pas dans un domaine autorisé pour le rôle ${ROLE_DANS_UNE_PHRASE[role]} : ${permis.join(', ')}.`,
  }
}

export type EtatInvitation = 'valide' | 'expiree' | 'utilisee' | 'annulee'

type Instant = Date | string | null | undefined
const date = (i: Instant) => (i == null ? null : new Date(i))

/**
 * L'état d'une invitation à un instant donné (l'horloge est un paramètre : les
 * tests avancent le temps sans attendre 72 heures). Une invitation utilisée le
 * reste, même annulée ou échue ensuite.
 */
export function etatInvitation(invitation: { expireLe: Instant; utiliseeLe?: Instant; annuleeLe?: Instant }, maintenant: Date): EtatInvitation {
  if (date(invitation.utiliseeLe)) return 'utilisee'
  if (date(invitation.annuleeLe)) return 'annulee'
  const echeance = date(invitation.expireLe)
  if (!echeance || Number.isNaN(echeance.getTime()) || echeance.getTime() <= maintenant.getTime()) return 'expiree'
  return 'valide'
}

/** Ce que voit la personne qui ouvre un lien qui ne sert plus ; un lien inconnu dit la même chose qu'un lien annulé (rien à apprendre en essayant des jetons). */
export const MESSAGES_INVITATION: Record<Exclude<EtatInvitation, 'valide'> | 'inconnue', string> = {
  expiree: 'Ce lien d’invitation a expiré (il vaut 72 heures). Demandez une nouvelle invitation à la personne qui vous a invité.',
  utilisee: 'Ce lien d’invitation a déjà servi : le compte est créé. Connectez-vous avec votre adresse et votre mot de passe.',
  annulee: 'Ce lien d’invitation n’est pas valide. Demandez une nouvelle invitation à la personne qui vous a invité.',
  inconnue: 'Ce lien d’invitation n’est pas valide. Demandez une nouvelle invitation à la personne qui vous a invité.',
}

/** Rattachement exigé par le rôle : l'agent FSI à une unité (site), l'intervenant à un poste. */
export function rattachementDuRole(role: Role): 'site' | 'poste' | null {
  if (role === 'agent-fsi') return 'site'
  if (role === 'intervenant') return 'poste'
  return null
}
