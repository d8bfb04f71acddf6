import { describe, expect, it } from 'vitest'

import { instantLocal, jourLocal } from '../../domaine/temps/paris'
import { prochainesOccurrences } from '../../domaine/permanences/occurrences'
import { joursDeLaSerie, libelleRecurrence, texteRrule, verifierRegleRrule } from '../../domaine/permanences/recurrence'
import { lirePermanence, type PermanenceSaisie } from '../../domaine/permanences/schema'

/**
 * Dates attendues recopiées d'un calendrier, à la main (décembre 2026 – avril 2027) :
 *   mardis : déc. 1 8 15 22 29 · janv. 5 12 19 26 · févr. 2 9 16 23 · mars 2 9 16 23 30 · avr. 6 13 20 27
 *   jeudis : déc. 3 10 17 24 31 · janv. 7 14 21 28 · févr. 4 11 18 25 · mars 4 11 18 25 · avr. 1 8 15 22 29
 * Aucun jour férié ne tombe un mardi ou un jeudi dans cette période (Noël et
 * le 1er janvier sont des vendredis, le lundi de Pâques 2027 est le 29 mars).
 */
const DEBUT = new Date('2026-11-30T23:00:00Z') // 1er décembre 2026, 0 h à Paris
const FIN = new Date('2027-04-30T22:00:00Z') // 1er mai 2027, 0 h à Paris

function dates(saisie: Omit<PermanenceSaisie, 'site' | 'poste'>): string[] {
  return prochainesOccurrences([{ site: 'ch-fleyriat', poste: 'secteur-bresse-dombes', ...saisie }], { depuis: DEBUT, jusqua: FIN }).map(
    (o) => jourLocal(o.debut),
  )
}

describe('préréglages → dates (décembre 2026 – avril 2027)', () => {
  it('« chaque mardi après-midi » : tous les mardis', () => {
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'chaque-semaine', jour: 'mardi' } })).toEqual([
      '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29',
      '2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26',
      '2027-02-02', '2027-02-09', '2027-02-16', '2027-02-23',
      '2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30',
      '2027-04-06', '2027-04-13', '2027-04-20', '2027-04-27',
    ])
  })

  it('« le 2e mardi du mois »', () => {
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'nieme-du-mois', jour: 'mardi', rang: 2 } })).toEqual([
      '2026-12-08', '2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13',
    ])
  })

  it('« trois jeudis par mois (1er, 2e, 3e) » : jamais un 4e jeudi', () => {
    const jeudis = dates({ creneau: 'matin', recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] } })
    expect(jeudis).toEqual([
      '2026-12-03', '2026-12-10', '2026-12-17',
      '2027-01-07', '2027-01-14', '2027-01-21',
      '2027-02-04', '2027-02-11', '2027-02-18',
      '2027-03-04', '2027-03-11', '2027-03-18',
      '2027-04-01', '2027-04-08', '2027-04-15',
    ])
    // Les 4es (et 5es) jeudis : 24 et 31 déc., 28 janv., 25 févr., 25 mars, 22 et 29 avr.
    for (const quatrieme of ['2026-12-24', '2026-12-31', '2027-01-28', '2027-02-25', '2027-03-25', '2027-04-22', '2027-04-29'])
      expect(jeudis).not.toContain(quatrieme)
    // Un 3e jeudi tombe au plus le 21.
    expect(jeudis.every((d) => Number(d.slice(8)) <= 21)).toBe(true)
  })

  it('« un jeudi par mois » : le 1er par défaut, ou le rang choisi', () => {
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'un-par-mois', jour: 'jeudi' } })).toEqual([
      '2026-12-03', '2027-01-07', '2027-02-04', '2027-03-04', '2027-04-01',
    ])
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'un-par-mois', jour: 'mardi', rang: 3 } })).toEqual([
      '2026-12-15', '2027-01-19', '2027-02-16', '2027-03-16', '2027-04-20',
    ])
  })

  it('« le dernier mardi du mois » et « le 5e mardi » (seulement les mois qui en ont cinq)', () => {
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'nieme-du-mois', jour: 'mardi', rang: -1 } })).toEqual([
      '2026-12-29', '2027-01-26', '2027-02-23', '2027-03-30', '2027-04-27',
    ])
    expect(dates({ creneau: 'après-midi', recurrence: { type: 'nieme-du-mois', jour: 'mardi', rang: 5 } })).toEqual([
      '2026-12-29', '2027-03-30',
    ])
  })

  it('règle personnalisée « un mardi sur deux » ancrée sur la date de début', () => {
    expect(
      dates({
        creneau: 'après-midi',
        dateDebut: '2026-12-08',
        recurrence: { type: 'personnalisee', rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', libelle: 'un mardi sur deux' },
      }).slice(0, 6),
    ).toEqual(['2026-12-08', '2026-12-22', '2027-01-05', '2027-01-19', '2027-02-02', '2027-02-16'])
  })

  it('date de début et date de fin bornent la série (incluses)', () => {
    expect(
      dates({ creneau: 'matin', dateDebut: '2027-01-12', dateFin: '2027-02-02', recurrence: { type: 'chaque-semaine', jour: 'mardi' } }),
    ).toEqual(['2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02'])
  })

  it('« à préciser » : aucune date', () => {
    expect(dates({ recurrence: { type: 'a-preciser' } })).toEqual([])
    const p = lirePermanence({ site: 'caf-de-l-ain', poste: 'secteur-bresse-dombes', recurrence: { type: 'a-preciser' } })
    expect(joursDeLaSerie(p, '2026-01-01', '2027-12-31')).toEqual([])
    expect(texteRrule(p.recurrence)).toBeNull()
  })
})

describe('préréglages → RRULE', () => {
  const regle = (r: unknown) => texteRrule(lirePermanence({ site: 's', poste: 'p', creneau: 'matin', recurrence: r }).recurrence)
  it('traduit chaque préréglage', () => {
    expect(regle({ type: 'chaque-semaine', jour: 'mardi' })).toBe('FREQ=WEEKLY;BYDAY=TU')
    expect(regle({ type: 'nieme-du-mois', jour: 'mardi', rang: 2 })).toBe('FREQ=MONTHLY;BYDAY=+2TU')
    expect(regle({ type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [3, 1, 2] })).toBe('FREQ=MONTHLY;BYDAY=+1TH,+2TH,+3TH')
    expect(regle({ type: 'un-par-mois', jour: 'jeudi' })).toBe('FREQ=MONTHLY;BYDAY=+1TH')
    expect(regle({ type: 'nieme-du-mois', jour: 'vendredi', rang: 'dernier' })).toBe('FREQ=MONTHLY;BYDAY=-1FR')
  })
})

describe('libellés en français', () => {
  const libelle = (r: unknown, creneau?: unknown) => {
    const p = lirePermanence({ site: 's', poste: 'p', creneau: creneau ?? 'après-midi', dateDebut: '2026-01-06', recurrence: r })
    return libelleRecurrence(p.recurrence, creneau === undefined ? undefined : p.creneau)
  }
  it('sans créneau', () => {
    expect(libelle({ type: 'chaque-semaine', jour: 'mardi' })).toBe('chaque mardi')
    expect(libelle({ type: 'nieme-du-mois', jour: 'mardi', rang: 2 })).toBe('le 2e mardi du mois')
    expect(libelle({ type: 'nieme-du-mois', jour: 'mardi', rang: 1 })).toBe('le 1er mardi du mois')
    expect(libelle({ type: 'nieme-du-mois', jour: 'mardi', rang: -1 })).toBe('le dernier mardi du mois')
    expect(libelle({ type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] })).toBe('les 1er, 2e et 3e jeudis du mois')
    expect(libelle({ type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [-1, 1] })).toBe('les 1er et dernier jeudis du mois')
    expect(libelle({ type: 'un-par-mois', jour: 'jeudi' })).toBe('un jeudi par mois')
    expect(libelle({ type: 'a-preciser' })).toBe('à préciser')
    expect(libelle({ type: 'a-preciser', precision: 'en cours avec la CAF' })).toBe('à préciser (en cours avec la CAF)')
    expect(libelle({ type: 'personnalisee', rrule: 'FREQ=WEEKLY;BYDAY=TU' })).toBe('selon un calendrier particulier')
  })
  it('avec le créneau, dit comme dans le cahier des charges', () => {
    expect(libelle({ type: 'chaque-semaine', jour: 'mardi' }, 'après-midi')).toBe('chaque mardi après-midi')
    expect(libelle({ type: 'chaque-semaine', jour: 'mardi' }, 'matin')).toBe('chaque mardi matin')
    expect(libelle({ type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] }, 'matin')).toBe('les 1er, 2e et 3e jeudis matin du mois')
    expect(libelle({ type: 'un-par-mois', jour: 'mardi' }, 'après-midi')).toBe('un mardi après-midi par mois')
    expect(libelle({ type: 'nieme-du-mois', jour: 'mardi', rang: 2 }, { debut: '14:30', fin: '17:00' })).toBe(
      'le 2e mardi du mois, 14 h 30 – 17 h',
    )
    expect(libelle({ type: 'personnalisee', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', libelle: 'un mardi sur deux' }, 'après-midi')).toBe(
      'un mardi sur deux, après-midi',
    )
  })
})

describe('changement d’heure (Europe/Paris)', () => {
  const mardis = (depuis: string, jusqua: string) =>
    prochainesOccurrences(
      [{ id: 'dst', site: 'ch-fleyriat', poste: 'p', creneau: { debut: '14:00', fin: '17:00' }, recurrence: { type: 'chaque-semaine', jour: 'mardi' } }],
      { depuis: new Date(depuis), jusqua: new Date(jusqua) },
    ).map((o) => [o.debut.toISOString(), o.fin.toISOString()])

  it('29 mars 2026 : 14 h reste 14 h, l’instant passe de 13:00Z à 12:00Z', () => {
    expect(mardis('2026-03-23T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      ['2026-03-24T13:00:00.000Z', '2026-03-24T16:00:00.000Z'],
      ['2026-03-31T12:00:00.000Z', '2026-03-31T15:00:00.000Z'],
    ])
  })

  it('25 octobre 2026 : l’instant repasse de 12:00Z à 13:00Z', () => {
    expect(mardis('2026-10-19T00:00:00Z', '2026-10-28T00:00:00Z')).toEqual([
      ['2026-10-20T12:00:00.000Z', '2026-10-20T15:00:00.000Z'],
      ['2026-10-27T13:00:00.000Z', '2026-10-27T16:00:00.000Z'],
    ])
  })

  it('heures murales aux limites du changement d’heure', () => {
    // La nuit du passage à l'heure d'été, 2 h 30 n'existe pas : on avance d'une heure (3 h 30 CEST).
    expect(instantLocal('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(instantLocal('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z')
    expect(instantLocal('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z')
    // La nuit du retour à l'heure d'hiver, 2 h 30 existe deux fois : on prend la première (heure d'été).
    expect(instantLocal('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(instantLocal('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z')
    // Minuit à Paris est la veille en UTC.
    expect(jourLocal(new Date('2026-12-07T23:00:00Z'))).toBe('2026-12-08')
    expect(jourLocal(new Date('2026-12-07T22:59:59Z'))).toBe('2026-12-07')
  })

  it('ne dépend pas du fuseau de la machine (TZ changé en cours d’exécution)', () => {
    const avant = process.env.TZ
    const resultats: string[] = []
    try {
      for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
        process.env.TZ = tz
        resultats.push(JSON.stringify(mardis('2026-03-23T00:00:00Z', '2026-11-01T00:00:00Z')))
      }
    } finally {
      if (avant === undefined) delete process.env.TZ
      else process.env.TZ = avant
    }
    expect(new Set(resultats).size).toBe(1)
  })
})

describe('règle personnalisée : vérification', () => {
  it('accepte et normalise une règle valide', () => {
    expect(verifierRegleRrule('rrule:freq=monthly;byday=-1fr')).toEqual({ ok: true, regle: 'FREQ=MONTHLY;BYDAY=-1FR' })
  })
  it.each([
    ['', 'règle vide'],
    ['bonjour', 'élément illisible'],
    ['FREQ=FOO', 'fréquence « FOO » non admise'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY : jour inconnu'],
    ['BYDAY=TU', 'FREQ manquant'],
    ['FREQ=WEEKLY;BYHOUR=14', "l'horaire se règle dans le créneau"],
    ['FREQ=HOURLY', 'non admise'],
    ['FREQ=WEEKLY;INTERVAL=0', 'INTERVAL doit être un entier positif'],
    ['FREQ=WEEKLY;FREQ=DAILY', 'répété'],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=WEEKLY', 'seule la règle est attendue'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'aucune date'],
  ])('refuse %j en français', (regle, extrait) => {
    const r = verifierRegleRrule(regle)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.erreur).toContain(extrait)
  })
})
