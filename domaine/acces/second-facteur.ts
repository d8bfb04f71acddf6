import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp'

import type { Role } from './roles'

/**
 * Le second facteur des comptes : un code à usage unique calculé par une
 * application d'authentification (TOTP, RFC 6238 : HMAC-SHA1, 6 chiffres, pas de
 * 30 s), et des codes de secours pour qui a perdu son téléphone.
 *
 * Obligatoire pour les rôles qui lisent ou administrent des données sur les
 * personnes suivies ou sur les comptes (issue 10) : intervenant, coordination,
 * opérateur. Possible, sans obligation, pour les agents des forces de l'ordre
 * (souvent connectés par ProConnect, qui porte son propre second facteur) et
 * les financeurs (qui ne voient que des agrégats).
 *
 * Règles pures : l'horloge est passée en paramètre, rien n'est stocké ici.
 */

export const SECOND_FACTEUR_OBLIGATOIRE: readonly Role[] = ['intervenant', 'coordination', 'operateur']
export const SECOND_FACTEUR_OPTIONNEL: readonly Role[] = ['agent-fsi', 'financeur']

export const secondFacteurObligatoire = (role: Role | null | undefined) => Boolean(role && SECOND_FACTEUR_OBLIGATOIRE.includes(role))
/** Seuls les rôles où il est optionnel peuvent le désactiver. */
export const secondFacteurDesactivable = (role: Role | null | undefined) => Boolean(role && SECOND_FACTEUR_OPTIONNEL.includes(role))

/** Le second facteur est-il demandé à la connexion de ce compte ? Obligatoire pour son rôle, ou activé par choix. */
export const secondFacteurExige = (compte: { role?: Role | null; totpSecret?: string | null }) =>
  secondFacteurObligatoire(compte.role) || Boolean(compte.totpSecret)

export const EMETTEUR_TOTP = 'Passerelle ISCG Ain'
export const PERIODE_TOTP_S = 30
export const CHIFFRES_TOTP = 6
/** Fenêtre de tolérance : un pas avant ou après (horloge du téléphone en avance ou en retard de 30 s). */
export const FENETRE_TOTP_PAS = 1
/** 160 bits : la longueur de la sortie de HMAC-SHA1, recommandée par la RFC 4226. */
export const OCTETS_SECRET_TOTP = 20

/** Un nouveau secret, tiré par le générateur cryptographique du système. */
export function genererSecretTotp(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(OCTETS_SECRET_TOTP))
}

/**
 * L'URI « otpauth:// » que lit l'application d'authentification. Le libellé ne
 * contient que l'identifiant de connexion du compte (pour distinguer plusieurs
 * comptes dans l'application) : ni nom, ni rôle, ni unité.
 */
export function uriTotp(secret: Uint8Array, identifiant: string): string {
  return createTOTPKeyURI(EMETTEUR_TOTP, identifiant, secret, PERIODE_TOTP_S, CHIFFRES_TOTP)
}

/** Le secret en base32 par groupes de 4 (« ABCD EFGH … ») : la saisie à la main quand le QR code n'est pas lisible. */
export function secretLisible(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret).replace(/(.{4})(?=.)/g, '$1 ')
}

/** Le pas de temps (compteur RFC 6238) d'un instant. */
export const pasTotp = (instantMs: number) => Math.floor(instantMs / 1000 / PERIODE_TOTP_S)

/** Le code saisi sans espaces (« 123 456 » se lit sur certaines applications). */
export const normaliserCodeTotp = (saisie: string) => saisie.replace(/[\s-]/g, '')
export const estCodeTotp = (saisie: string) => new RegExp(`^\\d{${CHIFFRES_TOTP}}$`).test(normaliserCodeTotp(saisie))

export type VerdictTotp = { ok: true; pas: number } | { ok: false; motif: 'format' | 'invalide' | 'rejeu' }

/**
 * Vérifie un code TOTP à l'instant donné, avec ±1 pas de tolérance. Un code déjà
 * accepté ne l'est plus : on retient le dernier pas accepté, et tout pas
 * inférieur ou égal est refusé (un code vu par-dessus l'épaule ou intercepté ne
 * sert pas une seconde fois).
 */
export function verifierCodeTotp(
  secret: Uint8Array,
  saisie: string,
  { maintenantMs, dernierPas }: { maintenantMs: number; dernierPas?: number | null },
): VerdictTotp {
  const code = normaliserCodeTotp(saisie)
  if (!estCodeTotp(code)) return { ok: false, motif: 'format' }
  const courant = pasTotp(maintenantMs)
  let rejeu = false
  for (let pas = Math.max(0, courant - FENETRE_TOTP_PAS); pas <= courant + FENETRE_TOTP_PAS; pas++) {
    if (!verifyHOTP(secret, BigInt(pas), CHIFFRES_TOTP, code)) continue
    if (dernierPas != null && pas <= dernierPas) rejeu = true
    else return { ok: true, pas }
  }
  return { ok: false, motif: rejeu ? 'rejeu' : 'invalide' }
}

/* ───────────── Codes de secours ───────────── */

export const NOMBRE_CODES_SECOURS = 10
/**
 * Alphabet de Crockford en minuscules : ni i, l, o, u, qui se confondent avec
 * 1, 0 ou v à la lecture d'une feuille imprimée. 8 caractères = 40 bits par code,
 * assez pour un code à usage unique dont les essais sont limités.
 */
const ALPHABET_SECOURS = '0123456789abcdefghjkmnpqrstvwxyz'

/** 10 codes « xxxx-xxxx », à montrer une seule fois ; seules leurs empreintes sont gardées. */
export function genererCodesSecours(nombre = NOMBRE_CODES_SECOURS): string[] {
  return Array.from({ length: nombre }, () => {
    // 32 symboles : un octet modulo 32 ne biaise pas le tirage.
    const octets = crypto.getRandomValues(new Uint8Array(8))
    const brut = Array.from(octets, (o) => ALPHABET_SECOURS[o % 32]).join('')
    return `${brut.slice(0, 4)}-${brut.slice(4)}`
  })
}

/** Forme canonique : minuscules, sans tiret ni espace, avec les confusions de lecture corrigées (O→0, I/L→1). */
export function normaliserCodeSecours(saisie: string): string {
  return saisie
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1')
}

export const estCodeSecours = (saisie: string) => /^[0-9abcdefghjkmnpqrstvwxyz]{8}$/.test(normaliserCodeSecours(saisie))

/** Empreinte SHA-256 (hex) d'un code de secours : ce qui est stocké à la place du code. */
export function empreinteCodeSecours(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliserCodeSecours(code))))
}

/**
 * Consomme un code de secours : s'il correspond à une des empreintes, il est
 * retiré de la liste (usage unique) et la liste restante est rendue.
 */
export function consommerCodeSecours(empreintes: readonly string[], saisie: string): { ok: true; restantes: string[] } | { ok: false } {
  if (!estCodeSecours(saisie)) return { ok: false }
  const cherchee = new TextEncoder().encode(empreinteCodeSecours(saisie))
  // Comparaison à temps constant, sans s'arrêter au premier trouvé.
  let trouvee = -1
  empreintes.forEach((e, i) => {
    if (constantTimeEqual(new TextEncoder().encode(e), cherchee)) trouvee = i
  })
  if (trouvee < 0) return { ok: false }
  return { ok: true, restantes: empreintes.filter((_, i) => i !== trouvee) }
}
