import { describe, expect, it } from 'vitest'

import { courrielNouvelleSaisine, lienSaisine, NotificationInvalide } from '../../domaine/saisines/notification'

const urlPublique = 'https://passerelle.example.org'

describe('courriel « une saisine vous attend »', () => {
  it('sujet fixe, un seul lien absolu vers la saisine, dans le texte et dans le HTML', () => {
    const c = courrielNouvelleSaisine({ urlPublique, id: 42, urgence: false })
    expect(c.sujet).toBe('Une saisine vous attend')
    const lien = 'https://passerelle.example.org/espace/saisines/42'
    expect(c.texte.split(lien)).toHaveLength(2)
    expect(c.texte.match(/https?:\/\/\S+/g)).toEqual([lien])
    expect(c.html.match(/href="[^"]*"/g)).toEqual([`href="${lien}"`])
    expect(c.html.match(/https?:\/\/[^\s"<]+/g)!.every((u) => u === lien)).toBe(true)
    expect(c.html).toContain('<html lang="fr">')
    expect(c.texte).not.toMatch(/urgente/)
  })

  it('dit l’urgence, et rien d’autre de la saisine', () => {
    const c = courrielNouvelleSaisine({ urlPublique, id: 'a1b2', urgence: true })
    expect(c.sujet).toBe('Une saisine vous attend')
    expect(c.texte).toContain('Elle est marquée urgente.')
    expect(c.html).toContain('<strong>Elle est marquée urgente.</strong>')
    expect(c.texte).not.toMatch(/@/)
  })

  it('ne peut pas porter de donnée personnelle : seules trois valeurs entrent, et des champs en trop ne sortent pas', () => {
    const avecIntrus = { urlPublique, id: 7, urgence: false, nom: 'Martin', commune: 'Oyonnax' } as Parameters<typeof courrielNouvelleSaisine>[0]
    const c = courrielNouvelleSaisine(avecIntrus)
    for (const partie of [c.sujet, c.texte, c.html]) {
      expect(partie).not.toContain('Martin')
      expect(partie).not.toContain('Oyonnax')
    }
  })

  it('refuse un identifiant qui n’est pas technique (un texte glissé par l’URL)', () => {
    for (const id of ['Claire Martin', '../admin', '42?nom=Martin', '', 'é']) expect(() => courrielNouvelleSaisine({ urlPublique, id, urgence: false })).toThrow(NotificationInvalide)
    expect(() => lienSaisine(urlPublique, 'x y')).toThrow('Identifiant de la saisine : lettres, chiffres et tirets seulement')
  })

  it('garde le chemin du portail, sans double barre, et refuse une adresse qui n’est pas http(s)', () => {
    expect(lienSaisine('https://exemple.fr/passerelle/', 3)).toBe('https://exemple.fr/passerelle/espace/saisines/3')
    expect(lienSaisine('http://127.0.0.1:4321', 3)).toBe('http://127.0.0.1:4321/espace/saisines/3')
    expect(() => lienSaisine('passerelle.example.org', 3)).toThrow('Adresse du portail : URL absolue attendue (reçu « passerelle.example.org »)')
    expect(() => lienSaisine('javascript:alert(1)', 3)).toThrow(NotificationInvalide)
  })
})
