import { describe, expect, it } from 'vitest'

import { dateEnMots, heureEnMots } from '../../domaine/temps'
import {
  lundiDeLaSemaine,
  occurrenceEnMots,
  prochainePermanenceEnMots,
  semaineIso,
  vueSemaine,
} from '../../domaine/permanences/en-mots'
import { prochainesOccurrences } from '../../domaine/permanences/occurrences'
import type { PermanenceSaisie } from '../../domaine/permanences/schema'

const LIEUX = new Map<string | number, string>([
  ['ch-fleyriat', 'CH Fleyriat'],
  ['france-services-cotiere-montluel', 'France services de Montluel'],
])

const fleyriat: PermanenceSaisie = {
  id: 1,
  site: 'ch-fleyriat',
  poste: 'secteur-bresse-dombes',
  creneau: 'après-midi',
  recurrence: { type: 'chaque-semaine', jour: 'mardi' },
  exceptions: [{ type: 'fermeture', date: '2026-12-08', motif: 'formation' }],
}
const montluel: PermanenceSaisie = {
  id: 2,
  site: 'france-services-cotiere-montluel',
  poste: 'secteur-cotiere-val-de-saone',
  creneau: { debut: '09:30', fin: '12:00' },
  recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] },
}

describe('en mots', () => {
  it('« mardi 1er décembre, 14 h – 17 h » (1er, jour et mois en français, heure de Paris)', () => {
    const [premiere] = prochainesOccurrences([fleyriat], { depuis: new Date('2026-11-30T12:00:00Z'), limite: 1 })
    expect(occurrenceEnMots(premiere!, { lieux: LIEUX })).toBe('mardi 1er décembre, 14 h – 17 h, CH Fleyriat')
    expect(occurrenceEnMots(premiere!, { lieux: LIEUX }).startsWith('mardi 1er décembre, 14 h – 17 h')).toBe(true)
    expect(prochainePermanenceEnMots([premiere!], { lieux: LIEUX })).toBe('Prochaine permanence : mardi 1er décembre, 14 h – 17 h, CH Fleyriat')
  })

  it('heures et demi-heures, dates', () => {
    expect(heureEnMots('14:00')).toBe('14 h')
    expect(heureEnMots('14:30')).toBe('14 h 30')
    expect(heureEnMots('09:05')).toBe('9 h 05')
    expect(dateEnMots('2027-01-01')).toBe('vendredi 1er janvier')
    expect(dateEnMots('2026-08-15', { avecAnnee: true })).toBe('samedi 15 août 2026')
    // Minuit à Paris, la veille en UTC.
    expect(dateEnMots(new Date('2026-11-30T23:00:00Z'))).toBe('mardi 1er décembre')
  })

  it('la prochaine permanence saute les annulées et dit le statut des autres', () => {
    const liste = prochainesOccurrences([fleyriat], { depuis: new Date('2026-12-02T00:00:00Z'), limite: 2 })
    expect(liste.map((o) => occurrenceEnMots(o, { lieux: LIEUX }))).toEqual([
      'mardi 8 décembre, 14 h – 17 h, CH Fleyriat — annulée (formation)',
      'mardi 15 décembre, 14 h – 17 h, CH Fleyriat',
    ])
    expect(prochainePermanenceEnMots(liste, { lieux: LIEUX })).toBe('Prochaine permanence : mardi 15 décembre, 14 h – 17 h, CH Fleyriat')
    expect(prochainePermanenceEnMots([], { lieux: LIEUX })).toBe('Prochaine permanence : à préciser')
  })

  it('accepte des occurrences passées par JSON (dates en chaînes)', () => {
    const liste = JSON.parse(JSON.stringify(prochainesOccurrences([montluel], { depuis: new Date('2026-12-01T00:00:00Z'), limite: 1 })))
    expect(prochainePermanenceEnMots(liste, { lieux: LIEUX })).toBe(
      'Prochaine permanence : jeudi 3 décembre, 9 h 30 – 12 h, France services de Montluel',
    )
  })
})

describe('semaine ISO et vue de la semaine', () => {
  it('numéros de semaine ISO, y compris la semaine 53 de 2026', () => {
    expect(semaineIso('2026-12-01')).toEqual({ annee: 2026, semaine: 49 })
    expect(semaineIso('2026-12-31')).toEqual({ annee: 2026, semaine: 53 })
    expect(semaineIso('2027-01-03')).toEqual({ annee: 2026, semaine: 53 })
    expect(semaineIso('2027-01-04')).toEqual({ annee: 2027, semaine: 1 })
    expect(semaineIso('2025-12-29')).toEqual({ annee: 2026, semaine: 1 })
    expect(lundiDeLaSemaine({ annee: 2026, semaine: 49 })).toBe('2026-11-30')
    expect(lundiDeLaSemaine({ annee: 2026, semaine: 1 })).toBe('2025-12-29')
  })

  it('regroupe les occurrences par jour, du lundi au dimanche', () => {
    const occurrences = prochainesOccurrences([fleyriat, montluel], {
      depuis: new Date('2026-11-29T23:00:00Z'),
      jusqua: new Date('2026-12-14T00:00:00Z'),
    })
    const vue = vueSemaine(occurrences, { annee: 2026, semaine: 49 })
    expect(vue.titre).toBe('Semaine du lundi 30 novembre au dimanche 6 décembre 2026')
    expect(vue.jours.map((j) => [j.libelle, j.occurrences.map((o) => o.site)])).toEqual([
      ['lundi 30 novembre', []],
      ['mardi 1er décembre', ['ch-fleyriat']],
      ['mercredi 2 décembre', []],
      ['jeudi 3 décembre', ['france-services-cotiere-montluel']],
      ['vendredi 4 décembre', []],
      ['samedi 5 décembre', []],
      ['dimanche 6 décembre', []],
    ])
    // Semaine suivante : la fermeture reste visible, avec son statut.
    const suivante = vueSemaine(occurrences, { annee: 2026, semaine: 50 })
    expect(suivante.jours[1]?.occurrences.map((o) => o.statut)).toEqual(['annulee'])
  })

  it('refuse une semaine qui n’existe pas', () => {
    expect(() => vueSemaine([], { annee: 2027, semaine: 53 })).toThrow("semaine : cette année ISO n'a que 52 semaines")
    expect(() => vueSemaine([], { annee: 2026, semaine: 0 })).toThrow('semaine : 1 à 53')
  })
})
