import { describe, expect, it } from 'vitest'

import { distance, fautesEntre, fautesToleres, mots, motsPositionnes, motsSignificatifs, racine, replier } from '../../search/texte.ts'

describe('traitement du texte français de la recherche', () => {
  it('replie accents, ligatures et casse', () => {
    expect(replier('Ambérieu-en-Bugey')).toBe('amberieu-en-bugey')
    expect(replier('ŒUVRE Prévessin-Moëns')).toBe('oeuvre prevessin-moens')
  })

  it('coupe aux apostrophes droites et typographiques, aux traits d’union et à la ponctuation', () => {
    expect(mots("Point-justice d’Oyonnax, l'hébergement d'urgence")).toEqual(['point', 'justice', 'd', 'oyonnax', 'l', 'hebergement', 'd', 'urgence'])
    expect(mots('116 006 / 3919')).toEqual(['116', '006', '3919'])
  })

  it('ignore les mots de liaison pour comparer des expressions', () => {
    expect(motsSignificatifs("hébergement d'urgence")).toEqual(motsSignificatifs('hebergement urgence'))
    expect(motsSignificatifs('Châtillon-sur-Chalaronne')).toEqual(['chatillon', 'chalaronne'])
  })

  it('donne les positions des mots dans le texte d’origine (pour le surlignage)', () => {
    const texte = 'Écoute d’urgence'
    expect(motsPositionnes(texte).map((m) => [m.mot, texte.slice(m.debut, m.fin)])).toEqual([
      ['ecoute', 'Écoute'],
      ['d', 'd'],
      ['urgence', 'urgence'],
    ])
  })

  it('réduit les mots à leur racine française, sans toucher sigles ni numéros', () => {
    expect(racine('violences')).toBe(racine('violence'))
    expect(racine('conjugales')).toBe(racine('conjugal'))
    expect(racine('vif')).toBe('vif')
    expect(racine('3919')).toBe('3919')
  })

  it('tolère une faute dès 4 lettres, deux dès 8, aucune en dessous ni sur la première lettre', () => {
    expect(fautesToleres('vif')).toBe(0)
    expect(fautesToleres('mari')).toBe(1)
    expect(fautesToleres('violence')).toBe(2)
    expect(distance('urgance', 'urgence', 2)).toBe(1)
    expect(distance('oyonax', 'oyonnax', 2)).toBe(1)
    expect(distance('psycologique', 'psychologique', 2)).toBe(1)
    expect(distance('hebregement', 'hebergement', 2)).toBe(1) // transposition
    expect(fautesEntre('adictologie', 'addictologie')).toBe(1)
    expect(fautesEntre('cmp', 'cmd')).toBeUndefined()
    expect(fautesEntre('fourriere', 'courrier')).toBeUndefined()
  })
})
