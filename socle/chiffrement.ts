import { createCipheriv, createDecipheriv, createHash, createSecretKey, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Chiffrement au repos des secrets qu'on doit pouvoir relire (le secret TOTP
 * d'un compte : le serveur en a besoin pour vérifier chaque code, une empreinte
 * ne suffit pas). Une copie de la base ou une sauvegarde égarée ne livre ainsi
 * pas les seconds facteurs : il faut aussi la clé, qui vit hors de la base
 * (variable PASSERELLE_CLE_CHIFFREMENT).
 *
 * AES-256-GCM (chiffrement authentifié : un texte modifié est refusé, pas
 * déchiffré de travers), nonce aléatoire de 96 bits par chiffrement. Le texte
 * chiffré dit sa version de format et l'identifiant de la clé :
 * « v1:<kid>:<nonce>:<étiquette>:<chiffré> » (base64url), pour qu'une rotation
 * future puisse déchiffrer avec l'ancienne clé et rechiffrer avec la nouvelle.
 * Un contexte (ex. « utilisateurs:12:totpSecret ») est lié au chiffré comme
 * donnée associée : recopier le secret d'un compte sur un autre ne marche pas.
 */

const VERSION = 'v1'
const OCTETS_CLE = 32
const OCTETS_NONCE = 12

/** Décode la valeur de configuration : 64 caractères hexadécimaux ou 32 octets en base64 ; null si elle n'a pas cette forme. */
export function decoderCle(texte: string): Buffer | null {
  const t = texte.trim()
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const octets = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (octets.length === OCTETS_CLE) return octets
  }
  return null
}

/** Une nouvelle clé, au format accepté par PASSERELLE_CLE_CHIFFREMENT (64 caractères hexadécimaux). */
export const nouvelleCle = () => randomBytes(OCTETS_CLE).toString('hex')

export type Chiffreur = {
  /** Identifiant public de la clé (8 caractères hexadécimaux), écrit dans chaque texte chiffré. */
  readonly kid: string
  chiffrer(texte: string, contexte: string): string
  dechiffrer(chiffre: string, contexte: string): string
}

export class ErreurDechiffrement extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ErreurDechiffrement'
  }
}

const b64 = (b: Buffer) => b.toString('base64url')

/**
 * Le chiffreur d'une clé maîtresse de 32 octets. La clé d'AES est dérivée par
 * HKDF (avec un usage nommé) : la même variable pourra servir à d'autres usages
 * sans réutiliser la même clé. L'identifiant est une empreinte tronquée de la
 * clé maîtresse : il ne dit rien d'elle mais la reconnaît.
 */
export function creerChiffreur(cleMaitresse: Buffer): Chiffreur {
  if (cleMaitresse.length !== OCTETS_CLE) throw new Error(`La clé de chiffrement doit faire ${OCTETS_CLE} octets.`)
  // Un objet clé, fait une fois : createCipheriv importerait sinon les octets à chaque champ chiffré.
  const cle = createSecretKey(Buffer.from(hkdfSync('sha256', cleMaitresse, Buffer.alloc(0), 'passerelle/chiffrement-au-repos/v1', OCTETS_CLE)))
  const kid = createHash('sha256').update('passerelle/identifiant-de-cle/').update(cleMaitresse).digest('hex').slice(0, 8)
  return {
    kid,
    chiffrer(texte, contexte) {
      const nonce = randomBytes(OCTETS_NONCE)
      const chiffreur = createCipheriv('aes-256-gcm', cle, nonce)
      chiffreur.setAAD(Buffer.from(`${VERSION}:${kid}:${contexte}`))
      const chiffre = Buffer.concat([chiffreur.update(texte, 'utf8'), chiffreur.final()])
      return [VERSION, kid, b64(nonce), b64(chiffreur.getAuthTag()), b64(chiffre)].join(':')
    },
    dechiffrer(chiffre, contexte) {
      const morceaux = chiffre.split(':')
      if (morceaux.length !== 5 || morceaux[0] !== VERSION) throw new ErreurDechiffrement('Texte chiffré de format inconnu.')
      const [, kidTexte, nonce, etiquette, corps] = morceaux as [string, string, string, string, string]
      if (kidTexte !== kid) throw new ErreurDechiffrement(`Texte chiffré avec une autre clé (${kidTexte}) que la clé configurée (${kid}).`)
      try {
        const dechiffreur = createDecipheriv('aes-256-gcm', cle, Buffer.from(nonce, 'base64url'))
        dechiffreur.setAAD(Buffer.from(`${VERSION}:${kidTexte}:${contexte}`))
        dechiffreur.setAuthTag(Buffer.from(etiquette, 'base64url'))
        return Buffer.concat([dechiffreur.update(Buffer.from(corps, 'base64url')), dechiffreur.final()]).toString('utf8')
      } catch {
        // Sans détail : le message ne doit rien apprendre de la clé ni du contenu.
        throw new ErreurDechiffrement('Texte chiffré altéré, ou lié à un autre contexte.')
      }
    },
  }
}

/** L'identifiant de clé écrit dans un texte chiffré (null s'il n'a pas le format). */
export function kidDuChiffre(chiffre: string): string | null {
  const morceaux = chiffre.split(':')
  return morceaux.length === 5 && morceaux[0] === VERSION ? morceaux[1]! : null
}

export type Trousseau = Chiffreur & {
  /** Identifiants des clés lues : l'actuelle d'abord. */
  readonly kids: readonly string[]
  /** Vrai si ce texte est chiffré avec une ancienne clé (à rechiffrer par la rotation). */
  aRechiffrer(chiffre: string): boolean
}

/**
 * Une clé actuelle (qui chiffre) et les anciennes (qui déchiffrent encore) :
 * la rotation (`npm run cles:rotation`) relit chaque valeur avec la clé que son
 * identifiant désigne et la rechiffre avec l'actuelle ; une fois toutes
 * rechiffrées, les anciennes clés peuvent quitter la configuration.
 */
export function creerTrousseau(actuelle: Buffer, anciennes: readonly Buffer[] = []): Trousseau {
  const courant = creerChiffreur(actuelle)
  const parKid = new Map<string, Chiffreur>([[courant.kid, courant]])
  for (const cle of anciennes) {
    const c = creerChiffreur(cle)
    if (!parKid.has(c.kid)) parKid.set(c.kid, c)
  }
  return {
    kid: courant.kid,
    kids: [...parKid.keys()],
    chiffrer: (texte, contexte) => courant.chiffrer(texte, contexte),
    dechiffrer(chiffre, contexte) {
      const kid = kidDuChiffre(chiffre)
      if (!kid) throw new ErreurDechiffrement('Texte chiffré de format inconnu.')
      const c = parKid.get(kid)
      if (!c) throw new ErreurDechiffrement(`Texte chiffré avec une clé (${kid}) absente de la configuration (PASSERELLE_CLE_CHIFFREMENT, PASSERELLE_CLES_ANCIENNES).`)
      return c.dechiffrer(chiffre, contexte)
    },
    aRechiffrer: (chiffre) => kidDuChiffre(chiffre) !== courant.kid,
  }
}
