import { describe, expect, it } from 'vitest'

import { communeA, communesCitees, motsDeLieu, suggererCommunes } from '../../search/communes.ts'

const reperer = (saisie: string) => {
  const suite = motsDeLieu(saisie)
  for (let i = 0; i < suite.length; i++) {
    const c = communeA(suite, i)
    if (c) return c.nom
  }
  return undefined
}

describe('communes de l’Ain dans les requêtes', () => {
  it('repère une commune citée, avec accents manquants, traits d’union absents et fautes', () => {
    expect(reperer('amberieu ccas')).toBe('Ambérieu-en-Bugey')
    expect(reperer('mision locale oyonax')).toBe('Oyonnax')
    expect(reperer('epicerie solidair peronas')).toBe('Péronnas')
    expect(reperer('chatillon sur chalaronne assistante sociale')).toBe('Châtillon-sur-Chalaronne')
    expect(reperer('st genis pouilly')).toBe('Saint-Genis-Pouilly')
    expect(reperer('saint genis sur menthon')).toBe('Saint-Genis-sur-Menthon')
    expect(reperer('cmp bourg')).toBe('Bourg-en-Bresse')
  })

  it('reconnaît les anciennes communes et les mène à la commune nouvelle', () => {
    expect(reperer('ccas bellegarde')).toBe('Valserhône')
  })

  it('ne voit pas de commune dans un mot ordinaire ni dans un début générique', () => {
    expect(reperer('violences conjugales')).toBeUndefined()
    expect(reperer('saint')).toBeUndefined()
    expect(reperer('hebergement urgence')).toBeUndefined()
  })

  it('relève les communes citées en toutes lettres dans un nom', () => {
    expect(communesCitees('Centre hospitalier de Bourg-en-Bresse (Fleyriat)')).toEqual(['01053'])
    expect(communesCitees('CCAS de Saint-Genis-Pouilly')).toEqual(['01354'])
  })

  it('suggère des communes pour le champ « commune », anciennes communes comprises', () => {
    expect(suggererCommunes('Bellegarde')[0]).toMatchObject({ code: '01033', nom: 'Valserhône', ancienNom: 'Bellegarde-sur-Valserine' })
    expect(suggererCommunes('oyon')[0]).toMatchObject({ code: '01283', libelle: 'Oyonnax (01283)' })
    expect(suggererCommunes('01200').map((s) => s.nom)).toContain('Valserhône')
    expect(suggererCommunes('')).toEqual([])
  })
})
