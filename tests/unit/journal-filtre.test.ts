import { describe, expect, it } from 'vitest'

import { conditionJournal, lireFiltreJournal, requeteDuFiltre } from '../../domaine/journal/filtre'

const lire = (requete: string) => lireFiltreJournal(new URLSearchParams(requete))

describe('filtres du journal d’audit', () => {
  it('sans paramètre : aucun filtre, première page', () => {
    const l = lire('')
    expect(l.filtre).toEqual({})
    expect(l.erreurs).toEqual({})
    expect(l.page).toBe(1)
    expect(conditionJournal(l.filtre!)).toEqual({ and: [] })
  })

  it('lit chaque champ valide et en fait une condition de requête', () => {
    const l = lire('action=role-modifie&compte=12&cible=utilisateurs:7&adresse=2001:DB8::1&page=3')
    expect(l.erreurs).toEqual({})
    expect(l.filtre).toEqual({ action: 'role-modifie', compte: 12, cible: 'utilisateurs:7', adresse: '2001:db8::1' })
    expect(l.page).toBe(3)
    expect(conditionJournal(l.filtre!)).toEqual({
      and: [
        { action: { equals: 'role-modifie' } },
        { acteur: { equals: 12 } },
        { cible: { equals: 'utilisateurs:7' } },
        { adresse: { equals: '2001:db8::1' } },
      ],
    })
  })

  it('la période se lit en jours civils de Paris, heure d’hiver comme d’été, fin de période incluse', () => {
    const hiver = conditionJournal(lire('du=2026-12-01&au=2026-12-03').filtre!)
    expect(hiver.and).toEqual([
      { createdAt: { greater_than_equal: '2026-11-30T23:00:00.000Z' } },
      { createdAt: { less_than: '2026-12-03T23:00:00.000Z' } },
    ])
    // Passage à l'heure d'hiver le 25 octobre 2026 : le 24 commence à 22 h Z, le 26 à 23 h Z.
    expect(conditionJournal(lire('du=2026-10-24&au=2026-10-25').filtre!).and).toEqual([
      { createdAt: { greater_than_equal: '2026-10-23T22:00:00.000Z' } },
      { createdAt: { less_than: '2026-10-25T23:00:00.000Z' } },
    ])
  })

  it('un champ faux est nommé dans son message et rien n’est lu, mais la saisie est gardée', () => {
    const l = lire('action=tout-effacer&compte=dupont&cible=jean.dupont@example.org&adresse=1.2.3.4%27%20OR%201=1&du=2026-02-30&au=03/12/2026')
    expect(l.filtre).toBeNull()
    expect(l.erreurs.action).toMatch(/^Action :/)
    expect(l.erreurs.compte).toMatch(/^Compte \(numéro\) :/)
    expect(l.erreurs.cible).toMatch(/^Enregistrement visé :/)
    expect(l.erreurs.adresse).toMatch(/^Adresse du poste :/)
    expect(l.erreurs.du).toBe('Du : cette date n’existe pas.')
    expect(l.erreurs.au).toMatch(/^Au : une date au format AAAA-MM-JJ/)
    expect(l.valeurs.compte).toBe('dupont')
    expect(l.valeurs.au).toBe('03/12/2026')
  })

  it('refuse une période à l’envers, un compte nul, et ignore une page fausse', () => {
    const l = lire('du=2026-12-03&au=2026-12-01&compte=0&page=-2')
    expect(l.filtre).toBeNull()
    expect(l.erreurs.au).toMatch(/^Au : la fin de la période/)
    expect(l.erreurs.compte).toBeDefined()
    expect(l.page).toBe(1)
    expect(lire('du=2026-12-03&au=2026-12-03').filtre).toEqual({ du: '2026-12-03', au: '2026-12-03' })
  })

  it('les champs vides sont ignorés', () => {
    expect(lire('action=&compte=+&du=').filtre).toEqual({})
  })

  it('la requête d’un filtre le redonne à l’identique (pagination, export)', () => {
    const filtre = { action: 'connexion' as const, compte: 4, du: '2026-12-01' }
    expect(requeteDuFiltre(filtre, 2)).toBe('?action=connexion&compte=4&du=2026-12-01&page=2')
    expect(requeteDuFiltre({}, 1)).toBe('')
    expect(lireFiltreJournal(new URLSearchParams(requeteDuFiltre(filtre, 2))).filtre).toEqual(filtre)
  })
})
