import { describe, expect, it } from 'vitest'

import { acteurDuCompte, entreesEspace } from '../../domaine/acces/espace'
import type { Role } from '../../domaine/acces/roles'

/** L'accueil de l'espace, par rôle, contre une liste écrite à la main (pas recalculée depuis la politique). */
const ATTENDU: Record<Role, string[]> = {
  operateur: ['compte', 'comptes', 'indicateurs', 'admin'],
  coordination: ['compte', 'saisines', 'comptes', 'journal', 'indicateurs'],
  intervenant: ['compte', 'saisines'],
  'agent-fsi': ['compte', 'saisines'],
  financeur: ['compte', 'indicateurs'],
}

describe('entrées de l’accueil de l’espace connecté', () => {
  for (const [role, cles] of Object.entries(ATTENDU))
    it(`${role} : ${cles.join(', ')}`, () => {
      expect(entreesEspace({ id: 1, role: role as Role }).map((e) => e.cle)).toEqual(cles)
    })

  it('un compte suspendu n’a aucune entrée', () => {
    expect(entreesEspace({ id: 1, role: 'coordination', suspendu: true })).toEqual([])
  })

  it('chaque entrée a un titre, une description et un lien interne', () => {
    for (const e of entreesEspace({ id: 1, role: 'operateur' })) {
      expect(e.titre.length).toBeGreaterThan(0)
      expect(e.description.length).toBeGreaterThan(0)
      expect(e.href).toMatch(/^\/[a-z/]+$/)
      expect(e).not.toHaveProperty('exige')
    }
  })

  it('un compte sans rôle n’est personne ; la suspension est reprise', () => {
    expect(acteurDuCompte(null)).toBeNull()
    expect(acteurDuCompte({ id: 3, role: null })).toBeNull()
    expect(acteurDuCompte({ id: 3, role: 'financeur', suspendu: true })).toEqual({ id: 3, role: 'financeur', suspendu: true })
    expect(acteurDuCompte({ id: 3, role: 'financeur' })).toEqual({ id: 3, role: 'financeur', suspendu: false })
  })
})
