import { describe, expect, it } from 'vitest'

import { lirePermanence, validerPermanence } from '../../domaine/permanences/schema'

const base = {
  site: 'ch-fleyriat',
  poste: 'secteur-bresse-dombes',
  creneau: 'après-midi',
  recurrence: { type: 'chaque-semaine', jour: 'mardi' },
}

/** Les problèmes, sous la forme « champ : message » que lit l'opérateur. */
function problemes(donnees: unknown): string[] {
  const r = validerPermanence(donnees)
  if (r.ok) throw new Error('la permanence aurait dû être refusée')
  return r.problemes.map((p) => `${p.champ} : ${p.message}`)
}

describe('lecture d’une permanence', () => {
  it('normalise une saisie de l’admin (select en chaînes, champs vidés à null, dates Payload)', () => {
    const p = lirePermanence({
      id: 3,
      site: 12,
      poste: 'secteur-bugey-plaine-de-l-ain',
      creneau: 'apres-midi',
      recurrence: { type: 'un-par-mois', jour: 'mardi', rang: null },
      dateDebut: '2026-08-31T22:00:00.000Z', // minuit à Paris, le 1er septembre
      dateFin: null,
      joursFeriesMaintenus: null,
      exceptions: [
        { type: 'fermeture', date: '2026-12-08', motif: ' formation ' },
        { type: 'deplacement', date: '2026-12-01', nouvelleDate: null, site: 'ch-fleyriat', creneau: null, motif: 'travaux' },
      ],
      updatedAt: '2026-10-01T08:00:00.000Z',
      createdAt: '2026-09-01T08:00:00.000Z',
    })
    expect(p).toEqual({
      id: 3,
      site: 12,
      poste: 'secteur-bugey-plaine-de-l-ain',
      creneau: { debut: '14:00', fin: '17:00', moment: 'après-midi' },
      recurrence: { type: 'un-par-mois', jour: 'mardi', rang: 1 },
      dateDebut: '2026-09-01',
      joursFeriesMaintenus: false,
      exceptions: [
        { type: 'fermeture', du: '2026-12-08', au: '2026-12-08', motif: 'formation' },
        { type: 'deplacement', date: '2026-12-01', site: 'ch-fleyriat', motif: 'travaux' },
      ],
      updatedAt: new Date('2026-10-01T08:00:00.000Z'),
    })
  })

  it('accepte les heures telles qu’on les tape et reconnaît les créneaux nommés', () => {
    expect(lirePermanence({ ...base, creneau: { debut: '9h', fin: '12 h' } }).creneau).toEqual({ debut: '09:00', fin: '12:00', moment: 'matin' })
    expect(lirePermanence({ ...base, creneau: { debut: '14 h 30', fin: '17:00' } }).creneau).toEqual({ debut: '14:30', fin: '17:00' })
  })

  it('rangs d’un select (« 2 », « dernier ») et rangs triés', () => {
    expect(lirePermanence({ ...base, recurrence: { type: 'nieme-du-mois', jour: 'mardi', rang: 'dernier' } }).recurrence).toEqual({
      type: 'nieme-du-mois',
      jour: 'mardi',
      rang: -1,
    })
    expect(lirePermanence({ ...base, recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: ['3', -1, 1] } }).recurrence).toEqual({
      type: 'plusieurs-du-mois',
      jour: 'jeudi',
      rangs: [1, 3, -1],
    })
  })

  it('« à préciser » est un état valide, sans créneau', () => {
    expect(validerPermanence({ site: 'caf-de-l-ain', poste: 'secteur-bresse-dombes', recurrence: { type: 'a-preciser' } }).ok).toBe(true)
  })
})

describe('messages d’erreur en français, qui nomment le champ', () => {
  it('champs obligatoires', () => {
    expect(problemes({ recurrence: { type: 'chaque-semaine', jour: 'mardi' } })).toEqual([
      'lieu (site) : obligatoire (identifiant ou slug)',
      'poste : obligatoire (identifiant ou slug)',
    ])
    expect(problemes({ ...base, creneau: undefined })).toEqual([
      'créneau : obligatoire pour une permanence régulière : « matin », « après-midi » ou heures de début et de fin',
    ])
  })

  it('valeurs hors des préréglages', () => {
    expect(problemes({ ...base, recurrence: { type: 'chaque-semaine', jour: 'dimanche' } })).toEqual([
      'récurrence › jour : jour de lundi à vendredi attendu, reçu « dimanche »',
    ])
    expect(problemes({ ...base, recurrence: { type: 'tous-les-jours' } })).toEqual([
      'récurrence › type : type de récurrence « tous-les-jours » inconnu (attendu : chaque-semaine, nieme-du-mois, plusieurs-du-mois, un-par-mois, personnalisee, a-preciser)',
    ])
    expect(problemes({ ...base, recurrence: { type: 'nieme-du-mois', jour: 'mardi', rang: 6 } })).toEqual([
      'récurrence › rang : rang 1 à 5 ou « dernier » (-1) attendu, reçu 6',
    ])
    expect(problemes({ ...base, recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 1] } })).toEqual([
      'récurrence › rangs : un même rang est cité deux fois',
    ])
    expect(problemes({ ...base, creneau: { debut: '17:00', fin: '14:00' } })).toEqual([
      "créneau › heure de fin : l'heure de fin doit suivre l'heure de début",
    ])
    expect(problemes({ ...base, creneau: { debut: '25:00', fin: '26:00' } })).toEqual([
      'créneau › heure de début : heure invalide « 25:00 » (format « 14:00 » ou « 14 h 30 »)',
      'créneau › heure de fin : heure invalide « 26:00 » (format « 14:00 » ou « 14 h 30 »)',
    ])
    expect(problemes({ ...base, dateDebut: '2026-02-30' })).toEqual([
      'date de début : date invalide « 2026-02-30 » (format AAAA-MM-JJ, ex. « 2026-12-08 »)',
    ])
    expect(problemes({ ...base, dateDebut: '2027-01-01', dateFin: '2026-01-01' })).toEqual(['date de fin : la date de fin précède la date de début'])
  })

  it('règle personnalisée invalide (vérifiée avec rrule)', () => {
    expect(problemes({ ...base, recurrence: { type: 'personnalisee', rrule: 'FREQ=WEEKLY;BYDAY=XX' } })).toEqual([
      'récurrence › règle personnalisée (RRULE) : BYDAY : jour inconnu (MO, TU, WE, TH, FR, SA, SU, éventuellement précédés du rang : 2TU, -1FR)',
    ])
    expect(problemes({ ...base, recurrence: { type: 'personnalisee', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' } })).toEqual([
      'date de début : obligatoire pour cette règle personnalisée : INTERVAL, COUNT ou un jour non précisé se comptent à partir de la date de début',
    ])
  })

  it('exceptions : motif, type, date à déplacer', () => {
    expect(problemes({ ...base, exceptions: [{ type: 'fermeture', date: '2026-12-08' }] })).toEqual([
      'exception n° 1 › motif : obligatoire : il s’affiche dans le bandeau (« congés », « formation »…)',
    ])
    expect(problemes({ ...base, exceptions: [{ type: 'annulation', date: '2026-12-08' }] })).toEqual([
      'exception n° 1 › type : type d\'exception « annulation » inconnu (attendu : fermeture, deplacement ou ajout)',
    ])
    expect(problemes({ ...base, exceptions: [{ type: 'fermeture', du: '2026-12-20', au: '2026-12-10', motif: 'congés' }] })).toEqual([
      'exception n° 1 › au : la date de fin de fermeture précède la date de début',
    ])
    expect(
      problemes({
        ...base,
        exceptions: [
          { type: 'fermeture', date: '2026-12-08', motif: 'formation' },
          { type: 'deplacement', date: '2026-12-09', nouvelleDate: '2026-12-10', motif: 'réunion' },
        ],
      }),
    ).toEqual(["exception n° 2 › date : le mercredi 9 décembre 2026 n'est pas un jour de cette permanence"])
    expect(problemes({ ...base, exceptions: [{ type: 'deplacement', date: '2026-12-08', motif: 'réunion' }] })).toEqual([
      'exception n° 1 › lieu (site) : indiquer au moins un nouveau lieu, une nouvelle date ou un nouvel horaire',
    ])
    expect(
      problemes({ site: 'caf', poste: 'p', recurrence: { type: 'a-preciser' }, exceptions: [{ type: 'ajout', date: '2026-12-08' }] }),
    ).toEqual(["exception n° 1 › créneau : obligatoire : la permanence n'a pas d'horaire habituel à reprendre"])
  })

  it('le message de l’erreur levée rassemble tout', () => {
    expect(() => lirePermanence({ ...base, site: '', recurrence: { type: 'chaque-semaine', jour: 'samedi' } })).toThrow(
      'Permanence invalide :\n- lieu (site) : obligatoire (identifiant ou slug)\n- récurrence › jour : jour de lundi à vendredi attendu, reçu « samedi »',
    )
  })
})
