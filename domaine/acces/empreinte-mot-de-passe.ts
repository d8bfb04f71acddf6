import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Empreinte d'un mot de passe : scrypt (node:crypto), sel aléatoire de 16 octets.
 * Le format garde ses paramètres, « scrypt$N$r$p$sel$hash » (sel et hash en
 * base64), pour qu'on puisse les durcir plus tard sans invalider les empreintes
 * existantes. N = 2^15 : environ 50 ms et 32 Mio par essai, coûteux pour qui
 * aurait volé la base, supportable pour une connexion.
 */
const N = 2 ** 15
const R = 8
const P = 1
const LONGUEUR = 64

const deriver = (motDePasse: string, sel: Buffer, longueur: number, options: ScryptOptions) =>
  new Promise<Buffer>((resoudre, rejeter) =>
    // maxmem : scrypt a besoin de 128 × N × r octets ; la limite par défaut (32 Mio) est juste en dessous.
    scrypt(motDePasse.normalize('NFC'), sel, longueur, { ...options, maxmem: 256 * 1024 * 1024 }, (erreur, cle) => (erreur ? rejeter(erreur) : resoudre(cle))),
  )

export async function hacherMotDePasse(motDePasse: string): Promise<string> {
  const sel = randomBytes(16)
  const hash = await deriver(motDePasse, sel, LONGUEUR, { N, r: R, p: P })
  return ['scrypt', N, R, P, sel.toString('base64'), hash.toString('base64')].join('$')
}

export async function verifierMotDePasse(motDePasse: string, empreinte: string): Promise<boolean> {
  const [algo, n, r, p, sel, hash] = empreinte.split('$')
  if (algo !== 'scrypt' || !n || !r || !p || !sel || !hash) return false
  const attendu = Buffer.from(hash, 'base64')
  if (attendu.length === 0) return false
  const obtenu = await deriver(motDePasse, Buffer.from(sel, 'base64'), attendu.length, { N: Number(n), r: Number(r), p: Number(p) })
  // Comparaison en temps constant : la durée ne dit pas combien d'octets concordent.
  return timingSafeEqual(obtenu, attendu)
}
