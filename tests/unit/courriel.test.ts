import { describe, expect, it } from 'vitest'

import { ROLES } from '../../domaine/acces/roles'
import { courrielInvitation } from '../../socle/courriel'

/** Le courriel d'invitation : le rôle, l'échéance en heure de Paris, le lien ; rien d'autre. */
describe('courriel d’invitation', () => {
  const lien = 'https://passerelle.example.org/invitation/abcdefghijklmnopqrstuvwxyz234567'
  const message = courrielInvitation({ lien, role: 'intervenant', expireLe: new Date('2026-12-06T13:00:00Z') })

  it('dit le rôle, l’échéance en heure de Paris et porte le lien une seule fois', () => {
    expect(message.sujet).toBe('Passerelle : votre invitation à créer un compte')
    expect(message.texte).toContain(`« ${ROLES.intervenant} »`)
    expect(message.texte).toContain('avant le dimanche 6 décembre 2026, 14 h (heure de Paris)')
    expect(message.texte.split(lien)).toHaveLength(2)
    expect(message.texte.match(/https?:\/\//g)).toHaveLength(1)
    expect(message.texte).toMatch(/ne sert qu’une fois/)
  })

  it('ne reçoit ni nom, ni adresse, ni rattachement : il ne peut pas en contenir', () => {
    // La signature n'accepte que le lien, le rôle et l'échéance ; le texte ne contient aucune adresse électronique.
    expect(message.texte).not.toMatch(/@/)
  })
})
