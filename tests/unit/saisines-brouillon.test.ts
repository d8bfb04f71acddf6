import { describe, expect, it } from 'vitest'

import {
  brouillonRepris,
  BrouillonRefuse,
  champsDuFormulaire,
  deposerBrouillon,
  enregistrerBrouillon,
  estExpire,
  versSaisie,
} from '../../domaine/saisines/brouillon'
import { schemaSaisine } from '../../domaine/saisines/schema'

const lundi = new Date('2026-11-30T09:00:00Z')
const schema = schemaSaisine({ maintenant: new Date('2026-12-03T10:00:00Z') })

const formulaire: [string, string][] = [
  ['csrf', 'jeton'],
  ['unite', 'brigade-gex'],
  ['agent', '12'],
  ['mode', 'portail'],
  ['nature', 'directe'],
  ['date', '2026-12-01'],
  ['urgence', 'non'],
  ['personnes.0.nom', 'Martin'],
  ['personnes.0.prenom', 'Claire'],
  ['personnes.0.age', '36'],
  ['personnes.0.sexe', 'femme'],
  ['personnes.0.situationFamiliale', 'en-couple'],
  ['personnes.0.commune', '01173'],
  ['personnes.0.telephone', ''],
  ['profil', 'victime'],
  ['problematique', 'violences-conjugales'],
  ['accepteContact', 'oui'],
  ['texteLibre', 'Intervention de nuit.'],
]

describe('brouillon d’une saisine', () => {
  it('garde les champs tels que tapés, sans le jeton CSRF', () => {
    const champs = champsDuFormulaire(formulaire)
    expect(champs.csrf).toBeUndefined()
    expect(champs['personnes.0.nom']).toBe('Martin')
    expect(Object.keys(champs)).toHaveLength(formulaire.length - 1)
  })

  it('un formulaire valide se dépose ; les textes deviennent nombres et booléens', () => {
    const b = enregistrerBrouillon(null, 12, champsDuFormulaire(formulaire), lundi)
    const r = deposerBrouillon(b, schema)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.saisine.urgence).toBe(false)
      expect(r.saisine.agent).toBe(12)
      expect(r.saisine.personnes[0]).toMatchObject({ nom: 'Martin', age: 36, commune: '01173' })
      expect(r.saisine.personnes[0]!.telephone).toBeUndefined()
    }
  })

  it('un formulaire invalide rend les erreurs par champ ET tout ce qui a été tapé, même faux', () => {
    const champs = champsDuFormulaire([...formulaire.filter(([n]) => n !== 'personnes.0.commune' && n !== 'date'), ['personnes.0.commune', '69123'], ['date', '2099-01-01']])
    const r = deposerBrouillon(enregistrerBrouillon(null, 12, champs, lundi), schema)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.erreurs['personnes.0.commune']).toBe('Commune de résidence : « 69123 » n’est pas une commune de l’Ain')
      expect(r.erreurs.date).toBe('Date de la saisine : la date ne peut pas être dans le futur')
      expect(r.champs).toEqual(champs)
      expect(r.champs.texteLibre).toBe('Intervention de nuit.')
    }
  })

  it('appartient à son auteur : un autre ne le reprend pas et ne l’écrase pas', () => {
    const b = enregistrerBrouillon(null, 12, { texteLibre: 'x' }, lundi)
    expect(brouillonRepris(b, '12', lundi)).toBe(b)
    expect(brouillonRepris(b, 13, lundi)).toBeUndefined()
    expect(() => enregistrerBrouillon(b, 13, {}, lundi)).toThrow('Brouillon : il appartient à une autre personne')
  })

  it('expire 7 jours après la dernière modification ; une mise à jour repousse l’échéance et garde la création', () => {
    const b = enregistrerBrouillon(null, 12, { texteLibre: 'x' }, lundi)
    expect(estExpire(b, new Date('2026-12-07T08:59:59Z'))).toBe(false)
    expect(estExpire(b, new Date('2026-12-07T09:00:00Z'))).toBe(true)
    expect(estExpire(b, new Date('2026-12-02T09:00:00Z'), 2)).toBe(true)
    const b2 = enregistrerBrouillon(b, 12, { texteLibre: 'y' }, new Date('2026-12-05T09:00:00Z'))
    expect(b2.creeLe).toBe(b.creeLe)
    expect(brouillonRepris(b2, 12, new Date('2026-12-10T09:00:00Z'))).toBe(b2)
    expect(brouillonRepris(b, 12, new Date('2026-12-10T09:00:00Z'))).toBeUndefined()
  })

  it('refuse l’abus (champ énorme, nom forgé, trop de champs) et ignore la pollution de prototype', () => {
    expect(() => champsDuFormulaire([['texteLibre', 'a'.repeat(10_001)]])).toThrow(BrouillonRefuse)
    expect(() => champsDuFormulaire([['a b', 'x']])).toThrow('Brouillon : nom de champ invalide « a b »')
    expect(() => champsDuFormulaire(Array.from({ length: 301 }, (_, i) => [`c${i}`, 'x'] as [string, string]))).toThrow('Brouillon : 300 champs au plus')
    const s = versSaisie({ 'personnes.__proto__.x': 'pollue', 'a.constructor.prototype.y': 'pollue', texteLibre: 't' })
    expect(s).toEqual({ texteLibre: 't' })
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('une personne effacée au milieu de la liste ne laisse pas de trou', () => {
    expect(versSaisie({ 'personnes.1.nom': 'B' }).personnes).toEqual([{ nom: 'B' }])
  })
})
