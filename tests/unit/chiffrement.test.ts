import { describe, expect, it } from 'vitest'

import { creerChiffreur, decoderCle, ErreurDechiffrement, nouvelleCle } from '../../socle/chiffrement'

const cle = () => decoderCle(nouvelleCle())!

describe('chiffrement au repos', () => {
  it('chiffre et déchiffre ; le texte chiffré dit sa version et sa clé, jamais le clair', () => {
    const chiffreur = creerChiffreur(cle())
    const chiffre = chiffreur.chiffrer('GEZDGNBVGY3TQOJQ', 'utilisateurs:1:totpSecret')
    expect(chiffre).toMatch(new RegExp(`^v1:${chiffreur.kid}:[\\w-]{16}:[\\w-]{22}:[\\w-]+$`))
    expect(chiffre).not.toContain('GEZDGNBVGY3TQOJQ')
    expect(chiffreur.dechiffrer(chiffre, 'utilisateurs:1:totpSecret')).toBe('GEZDGNBVGY3TQOJQ')
    // Nonce aléatoire : deux chiffrements du même texte diffèrent.
    expect(chiffreur.chiffrer('GEZDGNBVGY3TQOJQ', 'utilisateurs:1:totpSecret')).not.toBe(chiffre)
  })

  it('refuse un texte altéré, un autre contexte, une autre clé', () => {
    const chiffreur = creerChiffreur(cle())
    const chiffre = chiffreur.chiffrer('secret', 'utilisateurs:1:totpSecret')
    const morceaux = chiffre.split(':')
    const corps = Buffer.from(morceaux[4]!, 'base64url')
    corps[0]! ^= 1
    const altere = [...morceaux.slice(0, 4), corps.toString('base64url')].join(':')
    expect(() => chiffreur.dechiffrer(altere, 'utilisateurs:1:totpSecret')).toThrow(ErreurDechiffrement)
    expect(() => chiffreur.dechiffrer(chiffre, 'utilisateurs:2:totpSecret')).toThrow(/autre contexte/)
    expect(() => creerChiffreur(cle()).dechiffrer(chiffre, 'utilisateurs:1:totpSecret')).toThrow(/autre clé/)
    expect(() => chiffreur.dechiffrer('secret', 'utilisateurs:1:totpSecret')).toThrow(/format inconnu/)
  })

  it('même clé, même identifiant : une clé relue de la configuration déchiffre ce qu’elle a chiffré', () => {
    const texte = nouvelleCle()
    const chiffre = creerChiffreur(decoderCle(texte)!).chiffrer('x', 'c')
    expect(creerChiffreur(decoderCle(Buffer.from(texte, 'hex').toString('base64'))!).dechiffrer(chiffre, 'c')).toBe('x')
  })

  it('lit une clé de 32 octets en hexadécimal ou base64, rien d’autre', () => {
    expect(decoderCle('ab'.repeat(32))).toHaveLength(32)
    expect(decoderCle(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32)
    expect(decoderCle(Buffer.alloc(32, 7).toString('base64url'))).toHaveLength(32)
    for (const mauvaise of ['', 'ab'.repeat(31), 'ab'.repeat(33), Buffer.alloc(31).toString('base64'), 'z'.repeat(64)]) expect(decoderCle(mauvaise)).toBeNull()
    expect(() => creerChiffreur(Buffer.alloc(16))).toThrow(/32 octets/)
  })
})
