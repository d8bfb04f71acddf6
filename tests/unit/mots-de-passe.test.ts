import { describe, expect, it } from 'vitest'

import { LONGUEUR_MINIMALE, verifierMotDePasse } from '../../domaine/acces/mots-de-passe'

describe('règle des mots de passe', () => {
  it(`refuse moins de ${LONGUEUR_MINIMALE} caractères, avec un message qui nomme le champ`, () => {
    const verdict = verifierMotDePasse('court-11car')
    expect(verdict).toEqual({ ok: false, message: expect.stringMatching(/^Mot de passe : au moins 12 caractères/) })
    expect(verifierMotDePasse('juste-12-car').ok).toBe(true)
  })

  it('compte les caractères, pas les unités UTF-16', () => {
    // 11 emojis = 22 unités UTF-16 mais 11 caractères.
    expect(verifierMotDePasse('🔒'.repeat(11)).ok).toBe(false)
    expect(verifierMotDePasse('éléphantrosé').ok).toBe(true)
  })

  it('refuse un mot de passe courant de la liste, quelle que soit la casse', () => {
    for (const courant of ['qwerty123456', '1qaz2wsx3edc', 'QWERTY123456', '123456789012']) {
      expect(verifierMotDePasse(courant)).toEqual({ ok: false, message: expect.stringContaining('les plus utilisés') })
    }
  })

  it('refuse un mot de passe absent ou qui n’est pas du texte', () => {
    expect(verifierMotDePasse('')).toEqual({ ok: false, message: 'Mot de passe : ce champ est obligatoire.' })
    expect(verifierMotDePasse(undefined).ok).toBe(false)
    expect(verifierMotDePasse(123456789012345).ok).toBe(false)
  })

  it('accepte une phrase de passe ordinaire', () => {
    expect(verifierMotDePasse('Un-mot-de-passe-solide-2026').ok).toBe(true)
  })
})
