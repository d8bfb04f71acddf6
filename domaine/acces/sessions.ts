import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/**
 * Jetons aléatoires (sessions, invitations), à la manière de lucia-auth.com :
 * 20 octets du générateur cryptographique (160 bits, impossibles à deviner),
 * écrits en base32 minuscule pour tenir dans une URL ou un cookie sans
 * échappement. Seule l'empreinte SHA-256 est conservée en base : qui lit la
 * base ne peut pas rejouer un jeton.
 */
export function genererJeton(): string {
  const octets = new Uint8Array(20)
  crypto.getRandomValues(octets)
  return encodeBase32LowerCaseNoPadding(octets)
}

export function empreinteJeton(jeton: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(jeton)))
}
