import { describe, expect, it } from 'vitest'

import { etatOuverture, fraicheur, horairesDeLaSemaine } from '../../domaine/annuaire/horaires'

/** « Aujourd'hui » est fixé : jeudi 26 novembre 2026, date de référence des données. */
const paris = (iso: string) => new Date(iso) // instants UTC explicites, l'heure de Paris est UTC+1 en hiver
const CCAS = 'Mo-Fr 08:30-12:00,13:30-17:00; PH off'

describe('horaires d’accueil en mots', () => {
  it('dit jusqu’à quand c’est ouvert, à l’heure de Paris', () => {
    expect(etatOuverture(CCAS, paris('2026-11-26T09:00:00Z'))).toEqual({ ouvert: true, texte: 'Ouvert aujourd’hui jusqu’à 12 h' })
    expect(etatOuverture(CCAS, paris('2026-11-26T13:00:00Z'))).toEqual({ ouvert: true, texte: 'Ouvert aujourd’hui jusqu’à 17 h' })
  })

  it('dit quand ça rouvre', () => {
    expect(etatOuverture(CCAS, paris('2026-11-26T11:30:00Z'))?.texte).toBe('Fermé, ouvre aujourd’hui à 13 h 30')
    expect(etatOuverture(CCAS, paris('2026-11-26T18:00:00Z'))?.texte).toBe('Fermé, ouvre demain à 8 h 30')
    expect(etatOuverture(CCAS, paris('2026-11-27T18:00:00Z'))?.texte).toBe('Fermé, ouvre lundi à 8 h 30')
  })

  it('tient compte des jours fériés (« PH off ») : vendredi 25 décembre fermé', () => {
    expect(etatOuverture(CCAS, paris('2026-12-25T09:00:00Z'))).toEqual({ ouvert: false, texte: 'Fermé, ouvre lundi à 8 h 30' })
  })

  it('passe à l’heure d’été sans décaler les horaires (mardi 31 mars 2026, UTC+2)', () => {
    expect(etatOuverture(CCAS, paris('2026-03-31T06:45:00Z'))?.texte).toBe('Ouvert aujourd’hui jusqu’à 12 h')
    expect(etatOuverture(CCAS, paris('2026-03-31T06:15:00Z'))?.texte).toBe('Fermé, ouvre aujourd’hui à 8 h 30')
  })

  it('donne la semaine jour par jour', () => {
    const semaine = horairesDeLaSemaine(CCAS)!
    expect(semaine[0]).toEqual({ jour: 'lundi', plages: '8 h 30 – 12 h, 13 h 30 – 17 h' })
    expect(semaine[6]).toEqual({ jour: 'dimanche', plages: 'fermé' })
    expect(horairesDeLaSemaine('24/7')![2]).toEqual({ jour: 'mercredi', plages: '0 h – 24 h' })
  })

  it('ne devine rien quand les horaires sont absents ou illisibles', () => {
    expect(etatOuverture(undefined, new Date())).toBeUndefined()
    expect(etatOuverture('quand ça nous chante', new Date())).toBeUndefined()
  })
})

describe('fraîcheur d’une fiche', () => {
  const reference = paris('2026-11-26T12:00:00Z')
  it('compte en mois et signale une fiche de plus de 12 mois', () => {
    expect(fraicheur('2025-04-20', reference)).toMatchObject({ texte: 'mis à jour il y a 19 mois', ancienne: true })
    expect(fraicheur('2026-09-30', reference)).toMatchObject({ texte: 'mis à jour il y a 1 mois', ancienne: false })
    expect(fraicheur('2026-11-20', reference)).toMatchObject({ texte: 'mis à jour ce mois-ci', ilYa: 'ce mois-ci', ancienne: false })
    expect(fraicheur('2023-01-10', reference)).toMatchObject({ texte: 'mis à jour il y a 46 mois', ancienne: true })
    // Exactement 12 mois n'est pas encore « plus de 12 mois ».
    expect(fraicheur('2025-11-26', reference)).toMatchObject({ texte: 'mis à jour il y a 1 an', ancienne: false })
  })
})
