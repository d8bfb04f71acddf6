import { describe, expect, it } from 'vitest'

import { bandeauxActifs } from '../../domaine/permanences/bandeaux'
import { jourLocal } from '../../domaine/temps/paris'
import { clePermanence, prochainesOccurrences } from '../../domaine/permanences/occurrences'
import { ErreurPermanence, lirePermanence, type Occurrence, type PermanenceSaisie } from '../../domaine/permanences/schema'

const LIEUX = { 'ch-fleyriat': 'CH Fleyriat', 'ch-bugey-sud': 'CH Bugey Sud' }

/** Mardi après-midi au CH Fleyriat, la permanence hebdomadaire du cahier des charges. */
const fleyriat = (autres: Partial<PermanenceSaisie> = {}): PermanenceSaisie => ({
  id: 12,
  site: 'ch-fleyriat',
  poste: 'secteur-bresse-dombes',
  creneau: 'après-midi',
  recurrence: { type: 'chaque-semaine', jour: 'mardi' },
  ...autres,
})

const resume = (o: Occurrence) => [jourLocal(o.debut), o.statut, o.motif ?? null]
const entre = (permanences: PermanenceSaisie[], depuis: string, jusqua: string) =>
  prochainesOccurrences(permanences, { depuis: new Date(depuis), jusqua: new Date(jusqua) })

describe('jours fériés', () => {
  it('mardi 11 novembre 2025 (Armistice) : annulé dans une série du mardi', () => {
    expect(entre([fleyriat()], '2025-11-03T00:00:00Z', '2025-11-20T00:00:00Z').map(resume)).toEqual([
      ['2025-11-04', 'prevue', null],
      ['2025-11-11', 'annulee-ferie', 'Armistice 1918'],
      ['2025-11-18', 'prevue', null],
    ])
  })

  it('lundi 6 avril 2026 (lundi de Pâques) : annulé dans une série du lundi', () => {
    const lundi = fleyriat({ recurrence: { type: 'chaque-semaine', jour: 'lundi' } })
    expect(entre([lundi], '2026-03-29T00:00:00Z', '2026-04-14T00:00:00Z').map(resume)).toEqual([
      ['2026-03-30', 'prevue', null],
      ['2026-04-06', 'annulee-ferie', 'Lundi de Pâques'],
      ['2026-04-13', 'prevue', null],
    ])
  })

  it('mardi 14 juillet 2026 et jeudi de l’Ascension (14 mai 2026, 2e jeudi) annulés', () => {
    expect(entre([fleyriat()], '2026-07-13T00:00:00Z', '2026-07-15T00:00:00Z').map(resume)).toEqual([
      ['2026-07-14', 'annulee-ferie', 'Fête Nationale de la France'],
    ])
    const montluel = fleyriat({ creneau: 'matin', recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] } })
    expect(entre([montluel], '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z').map(resume)).toEqual([
      ['2026-05-07', 'prevue', null],
      ['2026-05-14', 'annulee-ferie', 'Ascension'],
      ['2026-05-21', 'prevue', null],
    ])
  })

  it('maintenu quand l’opérateur coche « jours fériés maintenus »', () => {
    expect(entre([fleyriat({ joursFeriesMaintenus: true })], '2025-11-10T00:00:00Z', '2025-11-12T00:00:00Z').map(resume)).toEqual([
      ['2025-11-11', 'prevue', null],
    ])
  })

  it('maintenu pour une seule date par un ajout sur la date de série (même clé, même UID)', () => {
    const p = fleyriat({ exceptions: [{ type: 'ajout', date: '2026-07-14', motif: 'maintenue exceptionnellement' }] })
    const [o] = entre([p], '2026-07-13T00:00:00Z', '2026-07-15T00:00:00Z')
    expect(o && resume(o)).toEqual(['2026-07-14', 'ajoutee', 'maintenue exceptionnellement'])
    expect(o?.cle).toBe('permanence-12-2026-07-14')
  })

  it('les annulées peuvent être écartées', () => {
    const liste = prochainesOccurrences([fleyriat()], {
      depuis: new Date('2025-11-03T00:00:00Z'),
      jusqua: new Date('2025-11-20T00:00:00Z'),
      inclureAnnulees: false,
    })
    expect(liste.map(resume)).toEqual([
      ['2025-11-04', 'prevue', null],
      ['2025-11-18', 'prevue', null],
    ])
  })
})

describe('exceptions dans une série', () => {
  const formation = fleyriat({ exceptions: [{ type: 'fermeture', date: '2026-12-08', motif: 'formation' }] })

  it('une fermeture « formation » retire exactement cette occurrence', () => {
    const sans = entre([fleyriat()], '2026-11-30T00:00:00Z', '2026-12-31T00:00:00Z')
    const avec = entre([formation], '2026-11-30T00:00:00Z', '2026-12-31T00:00:00Z')
    expect(avec.map(resume)).toEqual([
      ['2026-12-01', 'prevue', null],
      ['2026-12-08', 'annulee', 'formation'],
      ['2026-12-15', 'prevue', null],
      ['2026-12-22', 'prevue', null],
      ['2026-12-29', 'prevue', null],
    ])
    // Tout le reste est identique, au champ près.
    expect(avec.filter((o) => o.statut !== 'annulee')).toEqual(sans.filter((o) => jourLocal(o.debut) !== '2026-12-08'))
  })

  it('son bandeau ne s’affiche que pendant qu’elle s’applique (avec le préavis de 14 jours)', () => {
    const bandeaux = (instant: string) => bandeauxActifs([formation], new Date(instant), { lieux: LIEUX })
    expect(bandeaux('2026-11-23T10:00:00Z')).toEqual([]) // 15 jours avant
    expect(bandeaux('2026-11-24T10:00:00Z').map((b) => b.texte)).toEqual(['CH Fleyriat : permanence fermée le mardi 8 décembre (formation).'])
    expect(bandeaux('2026-12-08T16:00:00Z')).toHaveLength(1) // le jour même
    expect(bandeaux('2026-12-08T22:59:00Z')).toHaveLength(1) // 23 h 59 à Paris
    expect(bandeaux('2026-12-08T23:00:00Z')).toEqual([]) // minuit à Paris : c'est fini
    const [b] = bandeaux('2026-12-01T10:00:00Z')
    expect(b).toMatchObject({ type: 'fermeture', motif: 'formation', sites: ['ch-fleyriat'], poste: 'secteur-bresse-dombes', du: '2026-12-08', au: '2026-12-08', afficherDes: '2026-11-24' })
  })

  it('le préavis se règle (globalement ou par exception)', () => {
    expect(bandeauxActifs([formation], new Date('2026-12-07T10:00:00Z'), { preavisJours: 0 })).toEqual([])
    const annonce = fleyriat({ exceptions: [{ type: 'fermeture', date: '2026-12-08', motif: 'formation', afficherDes: '2026-11-01' }] })
    expect(bandeauxActifs([annonce], new Date('2026-11-02T10:00:00Z'))).toHaveLength(1)
  })

  it('une fermeture sur une période (congés), avec l’année quand elle change', () => {
    const conges = fleyriat({ exceptions: [{ type: 'fermeture', du: '2026-12-21', au: '2027-01-03', motif: 'congés' }] })
    expect(entre([conges], '2026-12-14T00:00:00Z', '2027-01-13T00:00:00Z').map(resume)).toEqual([
      ['2026-12-15', 'prevue', null],
      ['2026-12-22', 'annulee', 'congés'],
      ['2026-12-29', 'annulee', 'congés'],
      ['2027-01-05', 'prevue', null],
      ['2027-01-12', 'prevue', null],
    ])
    expect(bandeauxActifs([conges], new Date('2026-12-15T10:00:00Z'), { lieux: LIEUX }).map((b) => b.texte)).toEqual([
      'CH Fleyriat : permanence fermée du lundi 21 décembre au dimanche 3 janvier 2027 (congés).',
    ])
    expect(bandeauxActifs([conges], new Date('2027-01-04T10:00:00Z'))).toEqual([])
  })

  it('un déplacement vers un autre lieu, une autre date et un autre horaire', () => {
    const p = fleyriat({
      exceptions: [
        { type: 'deplacement', date: '2026-12-15', nouvelleDate: '2026-12-17', site: 'ch-bugey-sud', creneau: { debut: '9:30', fin: '12:00' }, motif: 'travaux' },
      ],
    })
    const liste = entre([p], '2026-12-14T00:00:00Z', '2026-12-23T00:00:00Z')
    expect(liste.map((o) => [jourLocal(o.debut), o.statut, o.site, o.debut.toISOString(), o.cle])).toEqual([
      ['2026-12-17', 'deplacee', 'ch-bugey-sud', '2026-12-17T08:30:00.000Z', 'permanence-12-2026-12-15'],
      ['2026-12-22', 'prevue', 'ch-fleyriat', '2026-12-22T13:00:00.000Z', 'permanence-12-2026-12-22'],
    ])
    expect(liste[0]?.origine).toEqual({
      debut: new Date('2026-12-15T13:00:00Z'),
      fin: new Date('2026-12-15T16:00:00Z'),
      site: 'ch-fleyriat',
    })
    const [b] = bandeauxActifs([p], new Date('2026-12-16T10:00:00Z'), { lieux: LIEUX })
    expect(b?.texte).toBe('CH Fleyriat : permanence du mardi 15 décembre déplacée au jeudi 17 décembre, 9 h 30 – 12 h, lieu : CH Bugey Sud (travaux).')
    expect(b?.sites).toEqual(['ch-fleyriat', 'ch-bugey-sud'])
    expect(bandeauxActifs([p], new Date('2026-12-18T10:00:00Z'))).toEqual([])
  })

  it('un déplacement de lieu seul garde date et horaire', () => {
    const p = fleyriat({ exceptions: [{ type: 'deplacement', date: '2026-12-15', site: 'ch-bugey-sud', motif: 'salle indisponible' }] })
    const [o] = entre([p], '2026-12-15T00:00:00Z', '2026-12-16T00:00:00Z')
    expect(o).toMatchObject({ statut: 'deplacee', site: 'ch-bugey-sud', motif: 'salle indisponible' })
    expect(o?.debut.toISOString()).toBe('2026-12-15T13:00:00.000Z')
    expect(bandeauxActifs([p], new Date('2026-12-10T10:00:00Z'), { lieux: LIEUX })[0]?.texte).toBe(
      'CH Fleyriat : permanence du mardi 15 décembre déplacée, lieu : CH Bugey Sud (salle indisponible).',
    )
  })

  it('une date déplacée hors de la fenêtre peut y entrer, et inversement', () => {
    const p = fleyriat({ exceptions: [{ type: 'deplacement', date: '2027-01-05', nouvelleDate: '2026-12-30', motif: 'congés' }] })
    expect(entre([p], '2026-12-28T00:00:00Z', '2027-01-01T00:00:00Z').map(resume)).toEqual([
      ['2026-12-29', 'prevue', null],
      ['2026-12-30', 'deplacee', 'congés'],
    ])
    expect(entre([p], '2027-01-04T00:00:00Z', '2027-01-07T00:00:00Z')).toEqual([])
  })

  it('une date ajoutée (forum), et son bandeau', () => {
    const p = fleyriat({ exceptions: [{ type: 'ajout', date: '2026-12-17', creneau: { debut: '14:30', fin: '16:30' }, motif: 'forum des associations' }] })
    expect(entre([p], '2026-12-14T00:00:00Z', '2026-12-20T00:00:00Z').map((o) => [...resume(o), o.debut.toISOString(), o.cle])).toEqual([
      ['2026-12-15', 'prevue', null, '2026-12-15T13:00:00.000Z', 'permanence-12-2026-12-15'],
      ['2026-12-17', 'ajoutee', 'forum des associations', '2026-12-17T13:30:00.000Z', 'permanence-12-ajout-2026-12-17-1430'],
    ])
    expect(bandeauxActifs([p], new Date('2026-12-10T10:00:00Z'), { lieux: LIEUX })[0]?.texte).toBe(
      'CH Fleyriat : permanence supplémentaire le jeudi 17 décembre, 14 h 30 – 16 h 30 (forum des associations).',
    )
  })

  it('« à préciser » : aucune occurrence, sauf une date ajoutée', () => {
    const caf: PermanenceSaisie = { id: 'caf', site: 'caf-de-l-ain', poste: 'secteur-bresse-dombes', recurrence: { type: 'a-preciser' } }
    expect(entre([caf], '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([])
    const avecDate: PermanenceSaisie = { ...caf, exceptions: [{ type: 'ajout', date: '2026-09-15', creneau: 'matin', motif: 'réunion d’information' }] }
    expect(entre([avecDate], '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z').map(resume)).toEqual([
      ['2026-09-15', 'ajoutee', 'réunion d’information'],
    ])
  })
})

describe('fenêtre, tri, limite, déterminisme', () => {
  const montluel: PermanenceSaisie = {
    id: 7,
    site: 'france-services-cotiere-montluel',
    poste: 'secteur-cotiere-val-de-saone',
    creneau: 'matin',
    recurrence: { type: 'plusieurs-du-mois', jour: 'jeudi', rangs: [1, 2, 3] },
  }

  it('trie plusieurs permanences par début et coupe à la limite', () => {
    const liste = prochainesOccurrences([montluel, fleyriat()], { depuis: new Date('2026-12-01T00:00:00Z'), limite: 4 })
    expect(liste.map((o) => [jourLocal(o.debut), o.site])).toEqual([
      ['2026-12-01', 'ch-fleyriat'],
      ['2026-12-03', 'france-services-cotiere-montluel'],
      ['2026-12-08', 'ch-fleyriat'],
      ['2026-12-10', 'france-services-cotiere-montluel'],
    ])
  })

  it('garde une permanence en cours à l’instant « depuis », pas une permanence terminée', () => {
    const a15h = prochainesOccurrences([fleyriat()], { depuis: new Date('2026-12-01T14:00:00Z'), limite: 1 })
    expect(jourLocal(a15h[0]!.debut)).toBe('2026-12-01')
    const a17h = prochainesOccurrences([fleyriat()], { depuis: new Date('2026-12-01T16:00:00Z'), limite: 1 })
    expect(jourLocal(a17h[0]!.debut)).toBe('2026-12-08')
  })

  it('horizon par défaut : environ un an', () => {
    const liste = prochainesOccurrences([fleyriat()], { depuis: new Date('2026-12-01T00:00:00Z') })
    expect(liste.length).toBeGreaterThanOrEqual(52)
    expect(liste.length).toBeLessThanOrEqual(58)
  })

  it('mêmes entrées, même sortie ; une permanence déjà lue se relit à l’identique', () => {
    const options = { depuis: new Date('2026-12-01T00:00:00Z'), jusqua: new Date('2027-03-01T00:00:00Z') }
    expect(prochainesOccurrences([montluel, fleyriat()], options)).toEqual(prochainesOccurrences([montluel, fleyriat()], options))
    const lue = lirePermanence(fleyriat({ exceptions: [{ type: 'fermeture', date: '2026-12-08', motif: 'formation' }] }))
    expect(lirePermanence(lue)).toEqual(lue)
  })

  it('refuse des options incohérentes, en français', () => {
    expect(() => prochainesOccurrences([fleyriat()], { depuis: new Date('2027-01-01'), jusqua: new Date('2026-01-01') })).toThrow('Options de calcul invalides :\n- jusqu’à : doit suivre « depuis »')
    expect(() => prochainesOccurrences([fleyriat()], { depuis: new Date('invalid') })).toThrow(ErreurPermanence)
    expect(() => prochainesOccurrences([fleyriat()], { depuis: new Date('2026-01-01'), limite: 0 })).toThrow('limite : au moins 1')
  })

  it('deux permanences sans identifiant distinct sont signalées (leurs UID se confondraient)', () => {
    const sansId = { ...fleyriat() }
    delete sansId.id
    expect(clePermanence(lirePermanence(sansId))).toBe('permanence-ch-fleyriat-secteur-bresse-dombes-chaque-semaine-mardi-1400')
    expect(() => prochainesOccurrences([sansId, sansId], { depuis: new Date('2026-01-01') })).toThrow(/même clé/)
  })

  it('une permanence invalide est nommée par son rang et son identifiant', () => {
    expect(() => prochainesOccurrences([fleyriat(), { ...fleyriat(), id: 99, creneau: 'soir' }], { depuis: new Date('2026-01-01') })).toThrow(
      /Permanence n° 2 \(id 99\) invalide :\n- créneau : « matin », « après-midi » ou heures de début et de fin attendus, reçu « soir »/,
    )
  })
})
