import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { clePersonne, normaliserIdentite } from '../../domaine/saisines/cle-personne'

const cle = 'une-cle-de-test-de-trente-deux-octets-au-moins'
const claire = { nom: 'Martin', prenom: 'Claire', dateNaissance: '1990-05-04' }

describe('clé pseudonyme d’une personne', () => {
  it('est un HMAC-SHA256 hexadécimal, stable d’un appel à l’autre', () => {
    const k = clePersonne(claire, cle)!
    expect(k).toMatch(/^[0-9a-f]{64}$/)
    expect(clePersonne({ ...claire }, cle)).toBe(k)
    // Valeur attendue recalculée indépendamment : la normalisation et le séparateur font partie du contrat.
    expect(k).toBe(createHmac('sha256', cle).update('martin\u001fclaire\u001f1990-05-04').digest('hex'))
  })

  it('ignore casse, accents, ligatures, tirets et espaces multiples', () => {
    const k = clePersonne({ nom: 'Lefèvre-Œuvray', prenom: 'Hélène  Marie', dateNaissance: '1971-02-03' }, cle)
    expect(clePersonne({ nom: '  LEFEVRE oeuvray', prenom: 'helene-marie', dateNaissance: '1971-02-03' }, cle)).toBe(k)
    expect(normaliserIdentite(" N'Diaye  -  Ça ")).toBe('n diaye ca')
  })

  it('distingue date, prénom, clé secrète, et la frontière entre les champs', () => {
    const k = clePersonne(claire, cle)
    expect(clePersonne({ ...claire, dateNaissance: '1990-05-05' }, cle)).not.toBe(k)
    expect(clePersonne({ ...claire, prenom: 'Clara' }, cle)).not.toBe(k)
    expect(clePersonne(claire, `${cle}!`)).not.toBe(k)
    expect(clePersonne({ nom: 'ab', prenom: 'c', dateNaissance: '1990-05-04' }, cle)).not.toBe(clePersonne({ nom: 'a', prenom: 'bc', dateNaissance: '1990-05-04' }, cle))
  })

  it('limite documentée : une faute de frappe donne une autre clé ; deux homonymes nés le même jour, la même', () => {
    expect(clePersonne({ ...claire, nom: 'Martinn' }, cle)).not.toBe(clePersonne(claire, cle))
    expect(clePersonne({ ...claire }, cle)).toBe(clePersonne({ nom: 'MARTIN', prenom: 'Claire', dateNaissance: '1990-05-04' }, cle))
  })

  it('sans date de naissance, ou nom vide, pas de clé ; une clé secrète trop courte est refusée', () => {
    expect(clePersonne({ nom: 'Martin', prenom: 'Claire' }, cle)).toBeUndefined()
    expect(clePersonne({ nom: ' - ', prenom: 'Claire', dateNaissance: '1990-05-04' }, cle)).toBeUndefined()
    expect(() => clePersonne(claire, 'courte')).toThrow('Clé de pseudonymisation : 32 octets au moins (reçu 6)')
    expect(clePersonne(claire, new Uint8Array(32).fill(1))).toMatch(/^[0-9a-f]{64}$/)
  })
})
