import { randomInt, scryptSync, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Code d'installation : il protège l'écran de premier accès de l'admin, qui
 * fait de son utilisateur l'opérateur. Seul celui qui lit la console du serveur
 * au démarrage le connaît ; il n'est conservé que sous forme d'empreinte.
 *
 * Alphabet de Crockford (sans I, L, O, U) : le code se recopie à la main sans
 * confusion entre 0 et O ou 1 et I. 12 caractères, soit 60 bits : impossible à
 * deviner par essais répétés.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LONGUEUR = 12

export function genererCodeInstallation(): string {
  const caracteres = Array.from({ length: LONGUEUR }, () => ALPHABET[randomInt(ALPHABET.length)])
  return [0, 4, 8].map((i) => caracteres.slice(i, i + 4).join('')).join('-')
}

/** Ce que la personne a pu taper : minuscules, espaces, tirets, O pour 0, I ou L pour 1. */
function normaliser(saisie: string): string {
  return saisie
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

export function empreinteCodeInstallation(code: string): string {
  const sel = randomBytes(16)
  return `scrypt:${sel.toString('hex')}:${scryptSync(normaliser(code), sel, 32).toString('hex')}`
}

export function codeInstallationCorrespond(saisie: unknown, empreinte: string): boolean {
  if (typeof saisie !== 'string' || saisie.length > 64) return false
  const [algorithme, sel, attendu] = empreinte.trim().split(':')
  if (algorithme !== 'scrypt' || !sel || !attendu) return false
  const calcule = scryptSync(normaliser(saisie), Buffer.from(sel, 'hex'), 32)
  const reference = Buffer.from(attendu, 'hex')
  return reference.length === calcule.length && timingSafeEqual(calcule, reference)
}
