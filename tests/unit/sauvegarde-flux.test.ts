import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { pipeline } from 'node:stream/promises'

import { describe, expect, it } from 'vitest'

import { chiffrerFlux, dechiffrerFlux, MAGIE } from '../../socle/sauvegarde/fluxChiffre'

const cle = randomBytes(32)
const Mio = 1024 * 1024

async function passer(donnees: Buffer, transformation: NodeJS.ReadWriteStream, morceau = 64 * 1024): Promise<Buffer> {
  const morceaux: Buffer[] = []
  for (let i = 0; i < donnees.length; i += morceau) morceaux.push(donnees.subarray(i, i + morceau))
  let sortie: Buffer | undefined
  await pipeline(Readable.from(morceaux), transformation, async (source) => {
    sortie = await buffer(source)
  })
  return sortie!
}

describe('flux chiffré d’une sauvegarde (STREAM, AES-256-GCM par bloc)', () => {
  it.each([0, 1, Mio - 1, Mio, Mio + 1, 3 * Mio + 5])('relit à l’identique %i octets', async (taille) => {
    const clair = randomBytes(taille)
    const chiffre = await passer(clair, chiffrerFlux(cle))
    expect(chiffre.subarray(0, MAGIE.length).equals(MAGIE)).toBe(true)
    expect((await passer(chiffre, dechiffrerFlux(cle), 10_000)).equals(clair)).toBe(true)
  })

  it('ne laisse rien paraître du clair', async () => {
    const clair = Buffer.from('Quillebeuf Zéphyrine '.repeat(1000))
    const chiffre = await passer(clair, chiffrerFlux(cle))
    expect(chiffre.includes(Buffer.from('Quillebeuf'))).toBe(false)
  })

  it('refuse une autre clé, en le disant', async () => {
    const chiffre = await passer(randomBytes(100), chiffrerFlux(cle))
    await expect(passer(chiffre, dechiffrerFlux(randomBytes(32)))).rejects.toThrow(/autre clé/)
  })

  it('refuse un octet modifié, un fichier tronqué à la frontière d’un bloc, des octets ajoutés', async () => {
    const chiffre = await passer(randomBytes(2 * Mio + 10), chiffrerFlux(cle))
    const modifie = Buffer.from(chiffre)
    modifie[modifie.length - 100]! ^= 1
    await expect(passer(modifie, dechiffrerFlux(cle))).rejects.toThrow(/altérée ou tronquée/)
    // Les deux premiers blocs entiers, sans le dernier : chacun est authentique, mais aucun n'est marqué dernier.
    const entete = MAGIE.length + 8 + 16 + 7
    const tronque = chiffre.subarray(0, entete + 2 * (Mio + 16))
    await expect(passer(tronque, dechiffrerFlux(cle))).rejects.toThrow(/altérée ou tronquée/)
    await expect(passer(Buffer.concat([chiffre, Buffer.from('x')]), dechiffrerFlux(cle))).rejects.toThrow(/altérée ou tronquée/)
  })

  it('refuse ce qui n’est pas une sauvegarde', async () => {
    await expect(passer(Buffer.from('SQLite format 3\u0000'.padEnd(200, 'x')), dechiffrerFlux(cle))).rejects.toThrow(/n’est pas une sauvegarde/)
    await expect(passer(Buffer.alloc(0), dechiffrerFlux(cle))).rejects.toThrow(/en-tête incomplet/)
  })
})
