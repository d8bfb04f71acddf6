import { pbkdf2, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Empreinte des mots de passe : scrypt (node:crypto), sel aléatoire par compte.
 * Paramètres N=2^16, r=8, p=1 (64 Mio, une centaine de millisecondes) :
 * au-delà du minimum recommandé par l'OWASP pour scrypt (N=2^15 avec r=8).
 * Les paramètres sont écrits dans l'empreinte : on pourra les relever sans
 * invalider les comptes existants.
 */
const PARAMETRES = { N: 2 ** 16, r: 8, p: 1 }
const LONGUEUR = 32

const deriver = (motDePasse: string, sel: Buffer, o: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((ok, ko) => {
    const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r }
    scrypt(motDePasse.normalize('NFC'), sel, LONGUEUR, options, (e, cle) => (e ? ko(e) : ok(cle)))
  })

export async function hacherMotDePasse(motDePasse: string): Promise<string> {
  const sel = randomBytes(16)
  const cle = await deriver(motDePasse, sel, PARAMETRES)
  return ['scrypt', PARAMETRES.N, PARAMETRES.r, PARAMETRES.p, sel.toString('base64'), cle.toString('base64')].join('$')
}

/**
 * Empreintes d'avant les sessions du portail, reprises telles quelles de
 * Payload par la migration `sessions_sans_jwt` (« payload$sel$empreinte ») :
 * PBKDF2-SHA256, 600 000 tours (préfixe « pbkdf2-sha256-v1: ») ou 25 000 tours
 * (forme ancienne). Vérifiées une dernière fois, puis remplacées par scrypt.
 */
async function verifierPayload(motDePasse: string, sel: string, empreinte: string): Promise<boolean> {
  const actuelle = empreinte.startsWith('pbkdf2-sha256-v1:')
  const attendu = Buffer.from(actuelle ? empreinte.slice('pbkdf2-sha256-v1:'.length) : empreinte, 'hex')
  const [tours, longueur] = actuelle ? [600_000, 32] : [25_000, 512]
  const cle = await new Promise<Buffer>((ok, ko) => pbkdf2(motDePasse, sel, tours, longueur, 'sha256', (e, c) => (e ? ko(e) : ok(c))))
  return attendu.length === cle.length && timingSafeEqual(attendu, cle)
}

/** L'empreinte est-elle d'un ancien format (ou de paramètres plus faibles) à remplacer après une connexion réussie ? */
export function aRehacher(empreinte: string | null | undefined): boolean {
  const [algo, N, r, p] = (empreinte ?? '').split('$')
  return algo !== 'scrypt' || Number(N) < PARAMETRES.N || Number(r) < PARAMETRES.r || Number(p) < PARAMETRES.p
}

export async function verifierMotDePasse(motDePasse: string, empreinte: string | null | undefined): Promise<boolean> {
  if (empreinte?.startsWith('payload$')) {
    const [, sel = '', ancienne = ''] = empreinte.split('$')
    return verifierPayload(motDePasse, sel, ancienne)
  }
  const parties = (empreinte ?? '').split('$')
  if (parties.length !== 6 || parties[0] !== 'scrypt') {
    // Même coût qu'une vraie vérification : la durée ne dit pas si le compte existe.
    await deriver(motDePasse, Buffer.alloc(16), PARAMETRES)
    return false
  }
  const [, N, r, p, sel, attendu] = parties as [string, string, string, string, string, string]
  const cle = await deriver(motDePasse, Buffer.from(sel, 'base64'), { N: Number(N), r: Number(r), p: Number(p) })
  const reference = Buffer.from(attendu, 'base64')
  return reference.length === cle.length && timingSafeEqual(reference, cle)
}
