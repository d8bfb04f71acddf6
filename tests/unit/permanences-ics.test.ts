import { readFileSync } from 'node:fs'

import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import { decalageMinutes, instantLocal } from '../../domaine/temps/paris'
import { calendrierIcs, VTIMEZONE_EUROPE_PARIS } from '../../domaine/permanences/ics'
import { prochainesOccurrences } from '../../domaine/permanences/occurrences'
import type { PermanenceSaisie } from '../../domaine/permanences/schema'

const LIEUX = {
  'ch-fleyriat': { nom: 'Centre hospitalier Fleyriat – Bourg-en-Bresse', adresse: '900 route de Paris, 01000 Bourg-en-Bresse' },
  'ch-bugey-sud': 'Centre hospitalier Bugey Sud',
}
const OPTIONS = {
  nom: 'Permanences des intervenants sociaux – Ain',
  description: 'Permanences ISCG de l’Ain, exceptions et jours fériés appliqués',
  url: 'https://passerelle.example.org/permanences',
  lieux: LIEUX,
}

const fleyriat: PermanenceSaisie = {
  id: 12,
  site: 'ch-fleyriat',
  poste: 'secteur-bresse-dombes',
  creneau: 'après-midi',
  recurrence: { type: 'chaque-semaine', jour: 'mardi' },
  updatedAt: '2026-02-10T09:00:00Z',
  exceptions: [
    { type: 'fermeture', date: '2026-03-17', motif: 'formation' },
    { type: 'deplacement', date: '2026-10-13', nouvelleDate: '2026-10-15', site: 'ch-bugey-sud', motif: 'travaux' },
  ],
}

type Evenement = { uid: string; debut: ICAL.Time; fin: ICAL.Time; resume: string; lieu: string; statut: string | null; tzid: unknown }

function lire(ics: string): { calendrier: ICAL.Component; evenements: Evenement[] } {
  const calendrier = new ICAL.Component(ICAL.parse(ics))
  const evenements = calendrier.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c)
    return {
      uid: e.uid,
      debut: e.startDate,
      fin: e.endDate,
      resume: e.summary,
      lieu: e.location,
      statut: (c.getFirstPropertyValue('status') as string | null) ?? null,
      tzid: c.getFirstProperty('dtstart')?.getParameter('tzid'),
    }
  })
  return { calendrier, evenements }
}

const occurrencesMarsOctobre = () =>
  prochainesOccurrences([fleyriat], { depuis: new Date('2026-03-09T00:00:00Z'), jusqua: new Date('2026-11-01T00:00:00Z') })

describe('flux ICS', () => {
  it('se relit dans ical.js : un VEVENT par occurrence maintenue, TZID Europe/Paris, VTIMEZONE', () => {
    const occurrences = occurrencesMarsOctobre()
    const ics = calendrierIcs(occurrences, OPTIONS)
    const { calendrier, evenements } = lire(ics)
    const maintenues = occurrences.filter((o) => o.statut !== 'annulee' && o.statut !== 'annulee-ferie')
    expect(evenements).toHaveLength(maintenues.length)
    expect(occurrences.length - maintenues.length).toBe(2) // la formation du 17 mars et le 14 juillet
    expect(calendrier.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
    expect(calendrier.getFirstPropertyValue('x-wr-calname')).toBe(OPTIONS.nom)
    for (const e of evenements) {
      expect(e.tzid).toBe('Europe/Paris')
      expect(e.resume).toMatch(/^Permanence de l'intervenant social – /)
    }
    expect(evenements[0]).toMatchObject({
      resume: "Permanence de l'intervenant social – Centre hospitalier Fleyriat – Bourg-en-Bresse",
      lieu: 'Centre hospitalier Fleyriat – Bourg-en-Bresse\n900 route de Paris, 01000 Bourg-en-Bresse',
      statut: 'CONFIRMED',
    })
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20260310T140000')
    expect(ics).not.toContain('20260317T140000') // fermée pour formation
    expect(ics).not.toContain('20260714T140000') // 14 juillet
  })

  it('14 h à Paris de part et d’autre des changements d’heure (13:00Z l’hiver, 12:00Z l’été)', () => {
    const { evenements } = lire(calendrierIcs(occurrencesMarsOctobre(), OPTIONS))
    const parJour = new Map(evenements.map((e) => [e.debut.toString().slice(0, 10), e]))
    for (const [jour, utc] of [
      ['2026-03-24', '2026-03-24T13:00:00.000Z'],
      ['2026-03-31', '2026-03-31T12:00:00.000Z'],
      ['2026-10-20', '2026-10-20T12:00:00.000Z'],
      ['2026-10-27', '2026-10-27T13:00:00.000Z'],
    ] as const) {
      const e = parJour.get(jour)
      expect(e, jour).toBeDefined()
      expect([e!.debut.hour, e!.debut.minute, e!.fin.hour]).toEqual([14, 0, 17])
      expect(e!.debut.zone?.tzid).toBe('Europe/Paris')
      // Conversion par le VTIMEZONE du fichier lui-même.
      expect(e!.debut.toJSDate().toISOString()).toBe(utc)
    }
  })

  it('UID stables : deux générations identiques, octet pour octet ; un déplacement garde son UID', () => {
    const premiere = calendrierIcs(occurrencesMarsOctobre(), OPTIONS)
    const seconde = calendrierIcs(occurrencesMarsOctobre(), OPTIONS)
    expect(seconde).toBe(premiere)
    const uids = lire(premiere).evenements.map((e) => e.uid)
    expect(new Set(uids).size).toBe(uids.length)
    expect(uids).toContain('permanence-12-2026-03-24@passerelle.example.org')

    // Sans le déplacement, l'événement du 13 octobre porte le même UID qu'après, déplacé au 15.
    const sansDeplacement = { ...fleyriat, exceptions: [] }
    const avant = lire(calendrierIcs(prochainesOccurrences([sansDeplacement], { depuis: new Date('2026-10-12T00:00:00Z'), jusqua: new Date('2026-10-16T00:00:00Z') }), OPTIONS))
    const apres = lire(calendrierIcs(prochainesOccurrences([fleyriat], { depuis: new Date('2026-10-12T00:00:00Z'), jusqua: new Date('2026-10-16T00:00:00Z') }), OPTIONS))
    expect(avant.evenements.map((e) => [e.uid, e.debut.toString()])).toEqual([['permanence-12-2026-10-13@passerelle.example.org', '2026-10-13T14:00:00']])
    expect(apres.evenements.map((e) => [e.uid, e.debut.toString(), e.lieu])).toEqual([
      ['permanence-12-2026-10-13@passerelle.example.org', '2026-10-15T14:00:00', 'Centre hospitalier Bugey Sud'],
    ])
  })

  it('DTSTAMP = dernière mise à jour de la permanence, en UTC', () => {
    const ics = calendrierIcs(occurrencesMarsOctobre(), OPTIONS)
    expect(ics).toMatch(/\r\nDTSTAMP:20260210T090000Z\r\n/)
    expect(ics).not.toMatch(/DTSTAMP:(?!20260210T090000Z)/)
  })

  it('annulées : omises par défaut, ou STATUS:CANCELLED sur demande', () => {
    const occurrences = occurrencesMarsOctobre()
    const { evenements } = lire(calendrierIcs(occurrences, { ...OPTIONS, annulees: 'statut-annule' }))
    expect(evenements).toHaveLength(occurrences.length)
    const annulees = evenements.filter((e) => e.statut === 'CANCELLED')
    expect(annulees.map((e) => [e.debut.toString().slice(0, 10), e.resume.slice(0, 9)])).toEqual([
      ['2026-03-17', 'Annulée –'],
      ['2026-07-14', 'Annulée –'],
    ])
  })

  it('aucune donnée personnelle : ni organisateur, ni participant, ni courriel, ni téléphone', () => {
    const ics = calendrierIcs(occurrencesMarsOctobre(), OPTIONS)
    expect(ics).not.toMatch(/ORGANIZER|ATTENDEE|MAILTO|\b0\d( ?\d\d){4}\b/i)
    // Les seuls « @ » sont ceux des UID.
    expect(ics.match(/@/g)?.length).toBe(lire(ics).evenements.length)
  })

  it('le VTIMEZONE écrit à la main correspond à la base tz de Node (2024–2035)', () => {
    const { calendrier } = lire(calendrierIcs(occurrencesMarsOctobre(), OPTIONS))
    const fuseau = new ICAL.Timezone(calendrier.getFirstSubcomponent('vtimezone')!)
    expect(VTIMEZONE_EUROPE_PARIS).toContain('TZID:Europe/Paris')
    for (let annee = 2024; annee <= 2035; annee++) {
      for (const [mois, jour] of [[1, 15], [3, 31], [4, 1], [7, 1], [10, 1], [10, 31], [11, 15]] as const) {
        const date = `${annee}-${String(mois).padStart(2, '0')}-${String(jour).padStart(2, '0')}`
        const t = new ICAL.Time({ year: annee, month: mois, day: jour, hour: 14, minute: 0, second: 0, isDate: false }, fuseau)
        expect(t.toJSDate().toISOString(), date).toBe(instantLocal(date, '14:00').toISOString())
        expect(decalageMinutes(instantLocal(date, '14:00'))).toBe(fuseau.utcOffset(t) / 60)
      }
    }
  })

  it('refuse des options invalides', () => {
    expect(() => calendrierIcs([], { nom: '', description: '' })).toThrow('Options du calendrier invalides :\n- nom du calendrier : obligatoire')
    expect(() => calendrierIcs([], { nom: 'x', description: '', url: 'pas une url' })).toThrow('adresse (url) : adresse http(s) attendue')
  })

  it('flux du département (4 postes, ~25 lieux, 12 mois) : taille raisonnable, relu sans erreur', () => {
    const { sites } = JSON.parse(readFileSync(new URL('../../content/sites.json', import.meta.url), 'utf8')) as {
      sites: { slug: string; nom: string; rythme?: string }[]
    }
    const postes = ['secteur-bresse-dombes', 'secteur-haut-bugey-pays-de-gex', 'secteur-bugey-plaine-de-l-ain', 'secteur-cotiere-val-de-saone']
    const jours = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'] as const
    // Hypothèse haute : une demi-journée par semaine dans chaque lieu (plus que le cahier des charges).
    const permanences: PermanenceSaisie[] = sites.map((s, i) => ({
      id: i + 1,
      site: s.slug,
      poste: postes[i % 4]!,
      creneau: i % 2 ? 'matin' : 'après-midi',
      recurrence: { type: 'chaque-semaine', jour: jours[i % 5]! },
      updatedAt: '2026-09-01T08:00:00Z',
    }))
    const lieux = Object.fromEntries(sites.map((s) => [s.slug, s.nom]))
    const occurrences = prochainesOccurrences(permanences, { depuis: new Date('2026-09-01T00:00:00Z'), jusqua: new Date('2027-09-01T00:00:00Z') })
    const ics = calendrierIcs(occurrences, { ...OPTIONS, lieux })
    const { evenements } = lire(ics)
    expect(sites.length).toBeGreaterThanOrEqual(20)
    expect(evenements.length).toBeGreaterThan(sites.length * 48)
    const octets = Buffer.byteLength(ics, 'utf8')
    expect(octets / evenements.length).toBeLessThan(700)
    expect(octets).toBeLessThan(1_000_000)
  })
})
