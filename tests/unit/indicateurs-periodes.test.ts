import { describe, expect, it } from 'vitest'

import { bornes, dansBornes, libellePeriode, lirePeriode, memePeriodeAnPasse, periodePrecedente, type Periode } from '../../domaine/indicateurs/periodes'

const lue = (p: Record<string, unknown>): Periode => {
  const r = lirePeriode(p)
  if (!r.ok) throw new Error(JSON.stringify(r.erreurs))
  return r.periode
}

describe('période d’un bilan', () => {
  it('lit les paramètres d’un formulaire (textes) et rend les bornes incluses', () => {
    expect(bornes(lue({ type: 'trimestre', annee: '2026', trimestre: '4' }))).toEqual({ du: '2026-10-01', au: '2026-12-31' })
    expect(bornes(lue({ type: 'trimestre', annee: '2026', trimestre: '1' }))).toEqual({ du: '2026-01-01', au: '2026-03-31' })
    expect(bornes(lue({ type: 'mois', annee: '2028', mois: '2' }))).toEqual({ du: '2028-02-01', au: '2028-02-29' })
    expect(bornes(lue({ type: 'mois', annee: '2026', mois: '2' }))).toEqual({ du: '2026-02-01', au: '2026-02-28' })
    expect(bornes(lue({ type: 'annee', annee: '2026' }))).toEqual({ du: '2026-01-01', au: '2026-12-31' })
    expect(bornes(lue({ type: 'dates', du: '2026-10-15', au: '2026-11-03' }))).toEqual({ du: '2026-10-15', au: '2026-11-03' })
  })

  it('les bornes sont incluses : le premier et le dernier jour comptent, la veille et le lendemain non', () => {
    const b = bornes({ type: 'trimestre', annee: 2026, trimestre: 4 })
    expect([dansBornes('2026-09-30', b), dansBornes('2026-10-01', b), dansBornes('2026-12-31', b), dansBornes('2027-01-01', b)]).toEqual([false, true, true, false])
  })

  it('refuse une saisie fausse avec un message français qui nomme le champ', () => {
    expect(lirePeriode({ type: 'trimestre', annee: '2026', trimestre: '5' })).toEqual({ ok: false, erreurs: { trimestre: 'Trimestre : entre 1 et 4' } })
    expect(lirePeriode({ type: 'mois', annee: 'deux mille', mois: '3' })).toEqual({ ok: false, erreurs: { annee: 'Année : nombre attendu' } })
    expect(lirePeriode({ type: 'mois', annee: '2026', mois: '13' })).toEqual({ ok: false, erreurs: { mois: 'Mois : entre 1 et 12' } })
    expect(lirePeriode({ type: 'dates', du: '2026-02-30', au: '2026-03-01' })).toEqual({ ok: false, erreurs: { du: 'Du : date invalide (attendu AAAA-MM-JJ)' } })
    expect(lirePeriode({ type: 'dates', du: '2026-03-02', au: '2026-03-01' })).toEqual({ ok: false, erreurs: { au: 'Au : la fin de la période précède son début' } })
    expect(lirePeriode({ type: 'dates', du: '2000-01-01', au: '2026-03-01' })).toMatchObject({ ok: false, erreurs: { au: expect.stringMatching(/^Au : période de \d+ jours au plus/) } })
    expect(lirePeriode({ type: 'semaine', annee: '2026' })).toMatchObject({ ok: false, erreurs: { type: expect.stringMatching(/^Période : /) } })
  })

  it('période précédente : mois, trimestre, année d’avant ; dates libres : autant de jours juste avant', () => {
    expect(periodePrecedente({ type: 'mois', annee: 2027, mois: 1 })).toEqual({ type: 'mois', annee: 2026, mois: 12 })
    expect(periodePrecedente({ type: 'trimestre', annee: 2027, trimestre: 1 })).toEqual({ type: 'trimestre', annee: 2026, trimestre: 4 })
    expect(periodePrecedente({ type: 'trimestre', annee: 2026, trimestre: 4 })).toEqual({ type: 'trimestre', annee: 2026, trimestre: 3 })
    expect(periodePrecedente({ type: 'annee', annee: 2026 })).toEqual({ type: 'annee', annee: 2025 })
    // 10 jours (du 1er au 10 mars 2028) → les 10 jours d'avant, à cheval sur un 29 février.
    expect(periodePrecedente({ type: 'dates', du: '2028-03-01', au: '2028-03-10' })).toEqual({ type: 'dates', du: '2028-02-20', au: '2028-02-29' })
  })

  it('même période l’an passé ; le 29 février devient le 28', () => {
    expect(memePeriodeAnPasse({ type: 'trimestre', annee: 2026, trimestre: 4 })).toEqual({ type: 'trimestre', annee: 2025, trimestre: 4 })
    expect(memePeriodeAnPasse({ type: 'mois', annee: 2026, mois: 3 })).toEqual({ type: 'mois', annee: 2025, mois: 3 })
    expect(memePeriodeAnPasse({ type: 'dates', du: '2028-02-29', au: '2028-03-05' })).toEqual({ type: 'dates', du: '2027-02-28', au: '2027-03-05' })
  })

  it('libellés français', () => {
    expect(libellePeriode({ type: 'trimestre', annee: 2026, trimestre: 4 })).toBe('4e trimestre 2026')
    expect(libellePeriode({ type: 'trimestre', annee: 2027, trimestre: 1 })).toBe('1er trimestre 2027')
    expect(libellePeriode({ type: 'mois', annee: 2026, mois: 12 })).toBe('décembre 2026')
    expect(libellePeriode({ type: 'annee', annee: 2026 })).toBe('année 2026')
    expect(libellePeriode({ type: 'dates', du: '2026-10-01', au: '2026-12-03' })).toBe('du 1er octobre au 3 décembre 2026')
    expect(libellePeriode({ type: 'dates', du: '2026-12-15', au: '2027-01-15' })).toBe('du 15 décembre 2026 au 15 janvier 2027')
    expect(libellePeriode({ type: 'dates', du: '2026-12-03', au: '2026-12-03' })).toBe('le 3 décembre 2026')
  })
})
