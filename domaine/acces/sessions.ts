import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/**
 * Sessions à la manière de lucia-auth.com : un jeton aléatoire remis au
 * navigateur, dont la base ne garde que l'empreinte SHA-256. Une fuite de la
 * base (sauvegarde égarée, lecture SQL) ne donne donc aucune session valide.
 */

/** 20 octets aléatoires (160 bits), en base32 minuscule : sûr dans un cookie comme dans une URL. */
export function genererJeton(): string {
  const octets = new Uint8Array(20)
  crypto.getRandomValues(octets)
  return encodeBase32LowerCaseNoPadding(octets)
}

/** L'empreinte SHA-256 (hexadécimal) d'un jeton : la seule forme stockée. */
export const empreinteJeton = (jeton: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(jeton)))

/** Forme d'un jeton émis par `genererJeton` : tout autre cookie est ignoré sans requête en base. */
export const FORME_JETON = /^[a-z2-7]{32}$/

export type DureesSession = {
  /** Sans activité pendant cette durée, la session expire (défaut 30 min). */
  inactiviteMs: number
  /** Quoi qu'il arrive, la session expire après cette durée (défaut 12 h). */
  absolueMs: number
}

export const DUREES_PAR_DEFAUT: DureesSession = { inactiviteMs: 30 * 60_000, absolueMs: 12 * 60 * 60_000 }

export type DatesSession = { creeLe: Date | string; vueLe: Date | string; revoqueeLe?: Date | string | null }

export type EtatSession = 'active' | 'inactive' | 'expiree' | 'revoquee'

const temps = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d))

export function etatSession(session: DatesSession, maintenant: Date, durees: DureesSession): EtatSession {
  if (session.revoqueeLe) return 'revoquee'
  const t = maintenant.getTime()
  if (t - temps(session.creeLe) >= durees.absolueMs) return 'expiree'
  if (t - temps(session.vueLe) >= durees.inactiviteMs) return 'inactive'
  return 'active'
}

/**
 * L'activité n'est écrite en base qu'au plus une fois par minute : chaque
 * requête n'a pas à payer une écriture, et l'expiration d'inactivité reste
 * juste à la minute près.
 */
export const PAS_ACTIVITE_MS = 60_000
export const activiteAEcrire = (vueLe: Date | string, maintenant: Date) => maintenant.getTime() - temps(vueLe) >= PAS_ACTIVITE_MS

/** Fin de validité d'une session (pour le cookie) : la plus proche des deux expirations. */
export function finDeValidite(session: DatesSession, maintenant: Date, durees: DureesSession): Date {
  return new Date(Math.min(temps(session.creeLe) + durees.absolueMs, maintenant.getTime() + durees.inactiviteMs))
}

/**
 * Un appareil décrit pour la liste « mes sessions » : famille de navigateur et
 * système, jamais la chaîne User-Agent entière (elle sert à pister).
 */
export function appareilDepuisUserAgent(ua: string | null | undefined): string {
  if (!ua) return 'Appareil inconnu'
  const navigateur = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /curl|node|undici/i.test(ua)
            ? 'Programme'
            : 'Navigateur'
  const systeme = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null
  return systeme ? `${navigateur} sous ${systeme}` : navigateur
}

/**
 * Adresse de retour après connexion : un chemin du portail seulement (jamais
 * une autre origine : redirection ouverte), par défaut l'accueil de l'espace.
 */
export function retourSur(retour: string | null | undefined, defaut = '/espace'): string {
  // « //site », « /\site », et les caractères de contrôle que les navigateurs retirent (« /\t/site » devient « //site »).
  if (!retour || !retour.startsWith('/') || /^\/[/\\]/.test(retour) || /[\\\u0000-\u001f\u007f]/.test(retour)) return defaut
  return retour
}
