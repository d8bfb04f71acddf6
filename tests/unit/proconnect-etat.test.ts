import { describe, expect, it } from 'vitest'

import { authentificationMultiFacteur, ouvrirEtat, scellerEtat } from '../../socle/proconnect'

/**
 * Le cookie qui garde state, nonce et vérificateur PKCE entre le départ vers
 * ProConnect et le retour : illisible et inaltérable par le navigateur, daté.
 */
const SECRET = 's'.repeat(64)
const etat = () => ({ state: 'etat-'.padEnd(43, 'x'), nonce: 'nonce-'.padEnd(43, 'y'), urlRetour: 'https://passerelle.example.org/connexion/proconnect/retour', expire: Date.now() + 60_000 })

describe('cookie d’état ProConnect', () => {
  it('se rouvre avec le même secret, et ne laisse rien lire en clair', () => {
    const e = etat()
    const scelle = scellerEtat(e, SECRET)
    expect(scelle).toMatch(/^[\w-]+$/)
    expect(Buffer.from(scelle, 'base64url').toString('latin1')).not.toContain('nonce-')
    expect(ouvrirEtat(scelle, SECRET)).toEqual(e)
    // Deux scellements du même état diffèrent (vecteur d'initialisation aléatoire).
    expect(scellerEtat(e, SECRET)).not.toBe(scelle)
  })

  it('refuse un cookie modifié, tronqué, scellé avec un autre secret, expiré ou absent', () => {
    const scelle = scellerEtat(etat(), SECRET)
    const octets = Buffer.from(scelle, 'base64url')
    octets[octets.length - 1]! ^= 1
    expect(ouvrirEtat(octets.toString('base64url'), SECRET)).toBeUndefined()
    expect(ouvrirEtat(scelle.slice(0, 20), SECRET)).toBeUndefined()
    expect(ouvrirEtat(scelle, 't'.repeat(64))).toBeUndefined()
    expect(ouvrirEtat(scellerEtat({ ...etat(), expire: Date.now() - 1 }, SECRET), SECRET)).toBeUndefined()
    expect(ouvrirEtat(undefined, SECRET)).toBeUndefined()
    expect(ouvrirEtat('', SECRET)).toBeUndefined()
  })
})

describe('second facteur attesté par ProConnect', () => {
  const config = { acrMfa: ['eidas2', 'eidas3'] }
  it.each([
    ['eidas2', undefined, true],
    ['eidas3', ['pwd'], true],
    ['eidas1', ['pwd', 'totp', 'mfa'], true],
    ['eidas1', ['pwd', 'totp'], false],
    ['eidas1', 'mfa', false],
    [undefined, undefined, false],
    [['eidas2'], undefined, false],
  ])('acr %o, amr %o : %s', (acr, amr, attendu) => {
    expect(authentificationMultiFacteur(config, acr, amr)).toBe(attendu)
  })
})

describe('destination après la connexion ProConnect', () => {
  it.each([
    ['/espace/saisines?filtre=ouvertes', '/espace/saisines?filtre=ouvertes'],
    ['/', '/'],
    ['//ailleurs.example.org/piege', undefined],
    ['/\\ailleurs.example.org', undefined],
    ['/\t/ailleurs.example.org', undefined],
    ['/\n/ailleurs.example.org', undefined],
    ['https://ailleurs.example.org/', undefined],
    ['espace', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', async (valeur, attendu) => {
    const { destinationSure } = await import('../../site/lib/proconnect')
    expect(destinationSure(valeur)).toBe(attendu)
  })
})
