import { generateHOTP } from '@oslojs/otp'
import { describe, expect, it } from 'vitest'

import { qrCodeSvg } from '../../domaine/acces/qr-code'
import {
  consommerCodeSecours,
  empreinteCodeSecours,
  genererCodesSecours,
  genererSecretTotp,
  pasTotp,
  secondFacteurDesactivable,
  secondFacteurObligatoire,
  secretLisible,
  uriTotp,
  verifierCodeTotp,
} from '../../domaine/acces/second-facteur'

/** Le secret des vecteurs de test de la RFC 6238 (annexe B, HMAC-SHA1) : « 12345678901234567890 » en ASCII. */
const SECRET_RFC = new TextEncoder().encode('12345678901234567890')
const instant = (secondes: number) => secondes * 1000

describe('second facteur : rôles', () => {
  it('obligatoire pour intervenant, coordination, opérateur ; optionnel (donc désactivable) pour agent FSI et financeur', () => {
    expect(['intervenant', 'coordination', 'operateur'].every((r) => secondFacteurObligatoire(r as never))).toBe(true)
    expect(['agent-fsi', 'financeur'].some((r) => secondFacteurObligatoire(r as never))).toBe(false)
    expect(['agent-fsi', 'financeur'].every((r) => secondFacteurDesactivable(r as never))).toBe(true)
    expect(['intervenant', 'coordination', 'operateur'].some((r) => secondFacteurDesactivable(r as never))).toBe(false)
    expect(secondFacteurObligatoire(undefined)).toBe(false)
  })
})

describe('second facteur : TOTP', () => {
  it('retrouve les vecteurs de la RFC 6238 (8 chiffres) et accepte leurs 6 derniers chiffres à l’instant donné', () => {
    const vecteurs: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ]
    for (const [t, attendu] of vecteurs) {
      expect(generateHOTP(SECRET_RFC, BigInt(pasTotp(instant(t))), 8)).toBe(attendu)
      expect(verifierCodeTotp(SECRET_RFC, attendu.slice(-6), { maintenantMs: instant(t) })).toEqual({ ok: true, pas: pasTotp(instant(t)) })
    }
  })

  it('tolère un pas avant ou après, pas deux', () => {
    // Le code du pas de t=59 (pas 1) : « 287082 ».
    expect(verifierCodeTotp(SECRET_RFC, '287082', { maintenantMs: instant(59 + 30) }).ok).toBe(true)
    expect(verifierCodeTotp(SECRET_RFC, '287082', { maintenantMs: instant(59 - 30) }).ok).toBe(true)
    expect(verifierCodeTotp(SECRET_RFC, '287082', { maintenantMs: instant(59 + 60) })).toEqual({ ok: false, motif: 'invalide' })
    expect(verifierCodeTotp(SECRET_RFC, '287083', { maintenantMs: instant(59) })).toEqual({ ok: false, motif: 'invalide' })
  })

  it('refuse le rejeu : un pas déjà accepté, ou antérieur, ne passe plus', () => {
    const premier = verifierCodeTotp(SECRET_RFC, '050471', { maintenantMs: instant(1111111111) })
    expect(premier).toEqual({ ok: true, pas: 37037037 })
    expect(verifierCodeTotp(SECRET_RFC, '050471', { maintenantMs: instant(1111111111), dernierPas: 37037037 })).toEqual({ ok: false, motif: 'rejeu' })
    // Le code du pas précédent (t=1111111109, pas 37037036), encore dans la fenêtre, est refusé lui aussi.
    expect(verifierCodeTotp(SECRET_RFC, '081804', { maintenantMs: instant(1111111111), dernierPas: 37037037 }).ok).toBe(false)
    // Le pas suivant reste accepté.
    const suivant = generateHOTP(SECRET_RFC, 37037038n, 6)
    expect(verifierCodeTotp(SECRET_RFC, suivant, { maintenantMs: instant(1111111111 + 30), dernierPas: 37037037 })).toEqual({ ok: true, pas: 37037038 })
  })

  it('accepte les espaces, refuse ce qui n’a pas 6 chiffres', () => {
    expect(verifierCodeTotp(SECRET_RFC, ' 287 082 ', { maintenantMs: instant(59) }).ok).toBe(true)
    for (const saisie of ['', '28708', '2870820', 'abcdef', '28708a'])
      expect(verifierCodeTotp(SECRET_RFC, saisie, { maintenantMs: instant(59) })).toEqual({ ok: false, motif: 'format' })
  })

  it('un secret neuf : 20 octets aléatoires ; URI otpauth avec l’émetteur ; secret lisible par groupes de 4', () => {
    const a = genererSecretTotp()
    expect(a).toHaveLength(20)
    expect(Buffer.from(a).equals(Buffer.from(genererSecretTotp()))).toBe(false)
    const uri = new URL(uriTotp(SECRET_RFC, 'agent@interieur.gouv.fr'))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe('/Passerelle ISCG Ain:agent@interieur.gouv.fr')
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Passerelle ISCG Ain',
      algorithm: 'SHA1',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      period: '30',
      digits: '6',
    })
    expect(secretLisible(SECRET_RFC)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')
  })

  it('QR code : SVG avec une alternative textuelle', () => {
    const svg = qrCodeSvg(uriTotp(SECRET_RFC, 'x@example.org'), 'QR code « A & B »')
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code « A &amp; B »" /)
    expect(svg).toContain('<path')
  })
})

describe('second facteur : codes de secours', () => {
  it('10 codes lisibles « xxxx-xxxx », tous différents', () => {
    const codes = genererCodesSecours()
    expect(codes).toHaveLength(10)
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/)
    expect(new Set(codes).size).toBe(10)
  })

  it('seule l’empreinte SHA-256 est gardée ; chaque code ne sert qu’une fois', () => {
    const codes = genererCodesSecours()
    const empreintes = codes.map(empreinteCodeSecours)
    expect(empreintes.every((e) => /^[0-9a-f]{64}$/.test(e))).toBe(true)
    expect(empreintes.join()).not.toContain(codes[0]!.replace('-', ''))
    const premiere = consommerCodeSecours(empreintes, codes[3]!)
    expect(premiere).toEqual({ ok: true, restantes: empreintes.filter((_, i) => i !== 3) })
    if (!premiere.ok) throw new Error('inatteignable')
    expect(consommerCodeSecours(premiere.restantes, codes[3]!)).toEqual({ ok: false })
    expect(consommerCodeSecours(premiere.restantes, codes[4]!).ok).toBe(true)
  })

  it('tolère majuscules, espaces, tiret absent et confusions de lecture (O/0, I/L/1)', () => {
    const empreintes = [empreinteCodeSecours('0a1b-2c3d')]
    for (const saisie of ['0A1B-2C3D', ' 0a1b 2c3d ', '0a1b2c3d', 'Oa1b-2c3d', '0aLb-2c3d', '0aIb-2c3d'])
      expect(consommerCodeSecours(empreintes, saisie).ok).toBe(true)
    for (const saisie of ['', '0a1b-2c3e', '0a1b-2c3', '287082']) expect(consommerCodeSecours(empreintes, saisie).ok).toBe(false)
  })
})
