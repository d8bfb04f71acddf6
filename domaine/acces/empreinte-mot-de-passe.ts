/**
 * PROVISOIRE : remplacé à la fusion par la version de la branche main (socle
 * de sessions). Mêmes signatures, pour que la page « mon compte » compile.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const scryptAsync = (mdp: string, sel: Buffer, longueur: number) =>
  new Promise<Buffer>((ok, ko) => scrypt(mdp.normalize('NFKC'), sel, longueur, (e, cle) => (e ? ko(e) : ok(cle))))

export async function hacherMotDePasse(motDePasse: string): Promise<string> {
  const sel = randomBytes(16)
  const cle = await scryptAsync(motDePasse, sel, 32)
  return `scrypt:${sel.toString('base64')}:${cle.toString('base64')}`
}

export async function verifierMotDePasse(motDePasse: string, empreinte: string): Promise<boolean> {
  const [algo, sel, cle] = empreinte.split(':')
  if (algo !== 'scrypt' || !sel || !cle) return false
  const attendue = Buffer.from(cle, 'base64')
  const calculee = await scryptAsync(motDePasse, Buffer.from(sel, 'base64'), attendue.length)
  return timingSafeEqual(attendue, calculee)
}
