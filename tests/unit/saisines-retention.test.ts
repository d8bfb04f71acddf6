import { describe, expect, it } from 'vitest'

import { enregistrerBrouillon } from '../../domaine/saisines/brouillon'
import {
  aEffacer,
  brouillonAEffacer,
  clotureeAvant,
  DureeConservationInvalide,
  dureeConservationParDefaut,
  limiteConservation,
  rapportRetention,
  retrancherMois,
} from '../../domaine/saisines/retention'

const cloturee = (clotureeLe: string | null, donneesEffaceesLe: string | null = null) => ({ statut: 'cloturee', clotureeLe, donneesEffaceesLe })

describe('durée de conservation en mois du calendrier', () => {
  it('24 mois par défaut', () => {
    expect(dureeConservationParDefaut).toBe(24)
    expect(limiteConservation(new Date('2026-12-03T10:00:00Z'))).toBe('2024-12-03')
  })

  it('recule d’autant de mois, en ramenant au dernier jour du mois quand le jour n’existe pas', () => {
    expect(retrancherMois('2026-12-03', 24)).toBe('2024-12-03')
    expect(retrancherMois('2026-01-15', 1)).toBe('2025-12-15')
    expect(retrancherMois('2025-03-31', 1)).toBe('2025-02-28')
    expect(retrancherMois('2024-03-31', 1)).toBe('2024-02-29')
    expect(retrancherMois('2028-02-29', 12)).toBe('2027-02-28')
    expect(retrancherMois('2026-05-31', 1)).toBe('2026-04-30')
    expect(retrancherMois('2026-03-15', 27)).toBe('2023-12-15')
  })

  it('refuse une durée qui n’est pas un nombre entier de mois positif', () => {
    for (const mois of [0, -3, 1.5, Number.NaN]) expect(() => limiteConservation(new Date(), mois)).toThrow(DureeConservationInvalide)
    expect(() => aEffacer(cloturee('2020-01-01T00:00:00Z'), new Date(), 0)).toThrow('Durée de conservation : nombre entier de mois, au moins 1, attendu (reçu « 0 »)')
  })
})

describe('saisines à effacer', () => {
  it('clôturée depuis 24 mois jour pour jour (à Paris) : à effacer ; la veille : pas encore', () => {
    const s = cloturee('2024-12-03T10:00:00Z')
    // 2 décembre 2026, 23 h 59 à Paris.
    expect(aEffacer(s, new Date('2026-12-02T22:59:00Z'))).toBe(false)
    // 3 décembre 2026, 0 h à Paris (23 h UTC le 2).
    expect(aEffacer(s, new Date('2026-12-02T23:00:00Z'))).toBe(true)
  })

  it('le jour de clôture est celui de Paris : 0 h 30 le 3 à Paris est encore le 2 en UTC', () => {
    const s = cloturee('2024-12-02T23:30:00Z')
    expect(aEffacer(s, new Date('2026-12-02T12:00:00Z'))).toBe(false)
    expect(aEffacer(s, new Date('2026-12-03T12:00:00Z'))).toBe(true)
  })

  it('des mois du calendrier, pas des tranches de 30 jours', () => {
    // Février : un mois en 28 jours.
    expect(aEffacer(cloturee('2026-02-01T10:00:00Z'), new Date('2026-03-01T10:00:00Z'), 1)).toBe(true)
    // Juillet : 30 jours ne suffisent pas, il en faut 31.
    expect(aEffacer(cloturee('2026-07-01T10:00:00Z'), new Date('2026-07-31T10:00:00Z'), 1)).toBe(false)
    expect(aEffacer(cloturee('2026-07-01T10:00:00Z'), new Date('2026-08-01T10:00:00Z'), 1)).toBe(true)
  })

  it('29 février : douze mois pleins le 1er mars de l’année suivante', () => {
    const s = cloturee('2024-02-29T10:00:00Z')
    expect(aEffacer(s, new Date('2025-02-28T10:00:00Z'), 12)).toBe(false)
    expect(aEffacer(s, new Date('2025-03-01T10:00:00Z'), 12)).toBe(true)
    // Un 29 février « maintenant » : la limite est le 28 février de l'année précédente.
    expect(aEffacer(cloturee('2027-02-28T10:00:00Z'), new Date('2028-02-29T10:00:00Z'), 12)).toBe(true)
    expect(aEffacer(cloturee('2027-03-01T10:00:00Z'), new Date('2028-02-29T10:00:00Z'), 12)).toBe(false)
  })

  it('jamais une saisine non clôturée, déjà effacée, ou sans date de clôture', () => {
    const tard = new Date('2030-01-01T00:00:00Z')
    expect(aEffacer({ statut: 'accompagnement', clotureeLe: '2020-01-01T00:00:00Z' }, tard)).toBe(false)
    expect(aEffacer(cloturee('2020-01-01T00:00:00Z', '2022-01-02T03:00:00Z'), tard)).toBe(false)
    expect(aEffacer(cloturee(null), tard)).toBe(false)
    expect(aEffacer(cloturee('pas une date'), tard)).toBe(false)
    expect(aEffacer({ statut: 'cloturee', clotureeLe: new Date('2020-01-01T00:00:00Z') }, tard)).toBe(true)
  })

  it('la limite en instant (pour une requête) dit la même chose que aEffacer, aux bornes comprises', () => {
    for (const maintenant of [new Date('2026-12-03T10:00:00Z'), new Date('2026-03-29T12:00:00Z'), new Date('2026-10-25T01:30:00Z'), new Date('2028-02-29T23:30:00Z')]) {
      const borne = clotureeAvant(maintenant)
      for (const ecart of [-3_600_001, -1, 0, 1, 3_600_000]) {
        const le = new Date(borne.getTime() + ecart)
        expect(aEffacer(cloturee(le.toISOString()), maintenant), `${maintenant.toISOString()} ${le.toISOString()}`).toBe(le < borne)
      }
    }
    // Minuit à Paris le 4 décembre 2024 : 23 h UTC le 3.
    expect(clotureeAvant(new Date('2026-12-03T10:00:00Z')).toISOString()).toBe('2024-12-03T23:00:00.000Z')
  })

  it('les brouillons expirés aussi', () => {
    const b = enregistrerBrouillon(null, 4, { 'personnes.0.nom': 'Martin' }, new Date('2026-11-26T10:00:00Z'))
    expect(brouillonAEffacer(b, new Date('2026-12-03T09:59:59Z'))).toBe(false)
    expect(brouillonAEffacer(b, new Date('2026-12-03T10:00:00Z'))).toBe(true)
  })
})

describe('rapport de la rétention', () => {
  it('dit ce qui a été effacé, avec la date limite en français, sans aucun nom', () => {
    expect(rapportRetention({ limite: '2024-12-03', saisines: 3, brouillons: 2, simulation: false })).toBe(
      [
        '3 saisines clôturées au plus tard le 3 décembre 2024 : données personnelles effacées (identités, textes libres, suivis) ; les champs statistiques restent.',
        '2 brouillons de saisine expirés : supprimés.',
      ].join('\n'),
    )
    expect(rapportRetention({ limite: '2024-12-01', saisines: 1, brouillons: 1, simulation: false })).toBe(
      [
        '1 saisine clôturée au plus tard le 1er décembre 2024 : données personnelles effacées (identités, textes libres, suivis) ; les champs statistiques restent.',
        '1 brouillon de saisine expiré : supprimé.',
      ].join('\n'),
    )
  })

  it('rien à faire', () => {
    expect(rapportRetention({ limite: '2024-12-03', saisines: 0, brouillons: 0, simulation: false })).toBe(
      'Aucune saisine clôturée au plus tard le 3 décembre 2024 n’a encore de données personnelles à effacer.\nAucun brouillon de saisine expiré.',
    )
  })

  it('en simulation (--dry-run), dit ce qui serait fait et que rien n’a été effacé', () => {
    const r = rapportRetention({ limite: '2024-02-29', saisines: 2, brouillons: 0, simulation: true })
    expect(r).toBe(
      [
        '2 saisines clôturées au plus tard le 29 février 2024 : données personnelles à effacer (identités, textes libres, suivis) ; les champs statistiques resteront.',
        'Aucun brouillon de saisine expiré.',
        'Simulation (--dry-run) : rien n’a été effacé.',
      ].join('\n'),
    )
  })
})
