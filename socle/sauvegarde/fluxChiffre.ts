import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'

/**
 * Chiffrement d'une sauvegarde en flux (elle peut dépasser la mémoire) :
 * construction « STREAM » de Hoang, Reyhanitabar, Rogaway et Vizár (2015),
 * celle de age et de Tink. Le flux est coupé en blocs de 1 Mio, chacun chiffré
 * en AES-256-GCM avec un nonce = préfixe aléatoire ‖ numéro du bloc ‖ drapeau
 * « dernier bloc ». Un bloc modifié, déplacé, dupliqué, retiré, ou un fichier
 * tronqué (plus de bloc marqué dernier) est refusé : on ne restaure jamais une
 * sauvegarde altérée.
 *
 * En-tête en clair : « PASSERELLE-SAUVEGARDE-1\n », puis l'identifiant de la
 * clé de sauvegarde (8 caractères hexadécimaux), le sel (16 octets) et le
 * préfixe de nonce (7 octets). La clé AES est dérivée (HKDF) de la clé de
 * sauvegarde et du sel : chaque sauvegarde a la sienne.
 */

export const MAGIE = Buffer.from('PASSERELLE-SAUVEGARDE-1\n', 'utf8')
const TAILLE_BLOC = 1024 * 1024
const TAILLE_ETIQUETTE = 16
const TAILLE_SEL = 16
const TAILLE_PREFIXE = 7
const TAILLE_KID = 8
const TAILLE_ENTETE = MAGIE.length + TAILLE_KID + TAILLE_SEL + TAILLE_PREFIXE

export class SauvegardeIllisible extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SauvegardeIllisible'
  }
}

/** Identifiant public d'une clé de sauvegarde : la reconnaître sans la dire. */
export const kidSauvegarde = (cle: Buffer) => createHash('sha256').update('passerelle/sauvegarde/kid/').update(cle).digest('hex').slice(0, TAILLE_KID)

const deriver = (cle: Buffer, sel: Buffer) => Buffer.from(hkdfSync('sha256', cle, sel, 'passerelle/sauvegarde/v1', 32))

function nonce(prefixe: Buffer, numero: number, dernier: boolean): Buffer {
  const n = Buffer.alloc(12)
  prefixe.copy(n, 0)
  n.writeUInt32BE(numero, TAILLE_PREFIXE)
  n[11] = dernier ? 1 : 0
  return n
}

export function chiffrerFlux(cleSauvegarde: Buffer): Transform {
  if (cleSauvegarde.length !== 32) throw new Error('La clé de sauvegarde doit faire 32 octets.')
  const sel = randomBytes(TAILLE_SEL)
  const prefixe = randomBytes(TAILLE_PREFIXE)
  const cle = deriver(cleSauvegarde, sel)
  let tampon = Buffer.alloc(0)
  let numero = 0
  const sceller = (bloc: Buffer, dernier: boolean) => {
    const c = createCipheriv('aes-256-gcm', cle, nonce(prefixe, numero++, dernier))
    return Buffer.concat([c.update(bloc), c.final(), c.getAuthTag()])
  }
  let enteteEcrit = false
  const entete = () => {
    if (enteteEcrit) return Buffer.alloc(0)
    enteteEcrit = true
    return Buffer.concat([MAGIE, Buffer.from(kidSauvegarde(cleSauvegarde), 'ascii'), sel, prefixe])
  }
  return new Transform({
    transform(morceau: Buffer, _enc, suite: TransformCallback) {
      tampon = Buffer.concat([tampon, morceau])
      const sorties = [entete()]
      // On garde toujours au moins un octet : le dernier bloc doit être marqué comme tel à la fin.
      while (tampon.length > TAILLE_BLOC) {
        sorties.push(sceller(tampon.subarray(0, TAILLE_BLOC), false))
        tampon = tampon.subarray(TAILLE_BLOC)
      }
      suite(null, Buffer.concat(sorties))
    },
    flush(suite: TransformCallback) {
      suite(null, Buffer.concat([entete(), sceller(tampon, true)]))
    },
  })
}

export function dechiffrerFlux(cleSauvegarde: Buffer): Transform {
  let tampon = Buffer.alloc(0)
  let cle: Buffer | undefined
  let prefixe: Buffer | undefined
  let numero = 0
  let fini = false
  const ouvrir = (bloc: Buffer, dernier: boolean) => {
    const d = createDecipheriv('aes-256-gcm', cle!, nonce(prefixe!, numero, dernier))
    d.setAuthTag(bloc.subarray(bloc.length - TAILLE_ETIQUETTE))
    try {
      const clair = Buffer.concat([d.update(bloc.subarray(0, bloc.length - TAILLE_ETIQUETTE)), d.final()])
      numero++
      return clair
    } catch {
      throw new SauvegardeIllisible(`Sauvegarde altérée ou tronquée (bloc ${numero}) : elle ne sera pas restaurée.`)
    }
  }
  return new Transform({
    transform(morceau: Buffer, _enc, suite: TransformCallback) {
      try {
        tampon = Buffer.concat([tampon, morceau])
        if (!cle) {
          if (tampon.length < TAILLE_ENTETE) return suite()
          if (!tampon.subarray(0, MAGIE.length).equals(MAGIE)) throw new SauvegardeIllisible('Ce fichier n’est pas une sauvegarde de Passerelle.')
          const kid = tampon.subarray(MAGIE.length, MAGIE.length + TAILLE_KID).toString('ascii')
          if (kid !== kidSauvegarde(cleSauvegarde))
            throw new SauvegardeIllisible(`Sauvegarde chiffrée avec une autre clé (${kid}) que PASSERELLE_CLE_SAUVEGARDE (${kidSauvegarde(cleSauvegarde)}).`)
          const sel = tampon.subarray(MAGIE.length + TAILLE_KID, MAGIE.length + TAILLE_KID + TAILLE_SEL)
          prefixe = Buffer.from(tampon.subarray(MAGIE.length + TAILLE_KID + TAILLE_SEL, TAILLE_ENTETE))
          cle = deriver(cleSauvegarde, sel)
          tampon = tampon.subarray(TAILLE_ENTETE)
        }
        const sorties: Buffer[] = []
        // Un bloc plein suivi d'au moins un octet n'est pas le dernier.
        while (tampon.length > TAILLE_BLOC + TAILLE_ETIQUETTE) {
          if (fini) throw new SauvegardeIllisible('Sauvegarde altérée : des données suivent le dernier bloc.')
          sorties.push(ouvrir(tampon.subarray(0, TAILLE_BLOC + TAILLE_ETIQUETTE), false))
          tampon = tampon.subarray(TAILLE_BLOC + TAILLE_ETIQUETTE)
        }
        suite(null, Buffer.concat(sorties))
      } catch (e) {
        suite(e as Error)
      }
    },
    flush(suite: TransformCallback) {
      try {
        if (!cle) throw new SauvegardeIllisible('Ce fichier n’est pas une sauvegarde de Passerelle (en-tête incomplet).')
        if (tampon.length < TAILLE_ETIQUETTE) throw new SauvegardeIllisible('Sauvegarde tronquée : le dernier bloc manque.')
        const clair = ouvrir(tampon, true)
        fini = true
        suite(null, clair)
      } catch (e) {
        suite(e as Error)
      }
    },
  })
}
