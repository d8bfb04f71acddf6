import { describe, expect, it } from 'vitest'

import { comprendre } from '../../search/comprehension.ts'
import {
  compilerVocabulaire,
  entreesPourReferentiel,
  ErreurVocabulaire,
  validerVocabulaire,
  vocabulaireDepuisEntrees,
  vocabulaireParDefaut,
} from '../../search/vocabulaire/index.ts'

const vocabulaire = vocabulaireParDefaut()
const compile = compilerVocabulaire(vocabulaire)
/** Entrées reconnues (besoins et publics qui les qualifient), dans l'ordre de la saisie. */
const concepts = (texte: string) =>
  comprendre(texte, compile, { enCours: false }).clauses.flatMap((c) => (c.genre === 'concept' || c.genre === 'public' ? [c.entree.code] : []))
const publics = (texte: string) => comprendre(texte, compile, { enCours: false }).clauses.flatMap((c) => (c.genre === 'public' ? [c.entree.code] : []))

describe('vocabulaire de la recherche (sigles et mots du terrain)', () => {
  it('le vocabulaire livré est valide et couvre les sigles du cahier des charges', () => {
    const formes = new Set(vocabulaire.entrees.flatMap((e) => e.sigles.map((s) => s.toUpperCase())))
    for (const sigle of ['VIF', 'SDF', '115', 'SIAO', 'CMP', 'CMPEA', 'PMI', 'ASE', 'CRIP', 'CSAPA', 'CAARUD', 'MDPH', 'UMJ', 'CCAS', 'CIAS', 'MDS', 'CIDFF', 'UDAF', 'MJD'])
      expect(formes, sigle).toContain(sigle)
  })

  it('reconnaît sigles, expressions de policiers et langage courant', () => {
    expect(concepts('VIF')).toEqual(['violences-conjugales'])
    expect(concepts('femme battue')).toEqual(['violences-conjugales'])
    expect(concepts('violences intrafamiliales')).toEqual(['violences-conjugales'])
    expect(concepts('SDF')).toEqual(['sans-abri'])
    expect(concepts('dort dehors')).toEqual(['sans-abri'])
    expect(concepts('gamin fugueur')).toEqual(['jeunes', 'fugue'])
    expect(concepts('plus rien à manger')).toEqual(['alimentation'])
    expect(concepts('tutelle')).toEqual(['protection-majeurs'])
    expect(concepts('curatelle renforcée')).toEqual(['protection-majeurs'])
    expect(concepts('drogue')).toEqual(['drogues'])
    expect(concepts('alcool')).toEqual(['alcool'])
    expect(concepts('addiction')).toEqual(['addictions'])
  })

  it('tolère accents absents et fautes dans les expressions, jamais dans les sigles', () => {
    expect(concepts("hébergement d'urgance")).toEqual(['hebergement-urgence'])
    expect(concepts('violance conjugale')).toEqual(['violences-conjugales'])
    expect(concepts('adictologie')).toEqual(['addictions'])
    expect(concepts('VIH')).toEqual(['sante-sexuelle'])
    expect(concepts('VIFS')).toEqual([])
  })

  it('un public nommé à côté d’un besoin le qualifie ; seul, il est le besoin', () => {
    expect(publics('gamin fugueur')).toEqual(['jeunes'])
    expect(publics('ado')).toEqual([])
    expect(concepts('ado')).toEqual(['jeunes'])
  })

  it('préfère l’expression la plus longue', () => {
    expect(concepts('enfant en danger')).toEqual(['enfance-en-danger'])
    expect(concepts('centre médico psychologique')).toEqual(['cmp'])
  })

  it('refuse un code inconnu, une expression vide ou rattachée à deux entrées, en nommant l’entrée', () => {
    const invalide = {
      version: 1,
      entrees: [
        { code: 'a', libelle: 'Entrée A', expressions: ['femme battue'], thematiques: ['sante--inconnue'] },
        { code: 'b', libelle: 'Entrée B', expressions: ['Femme  battue', ' '], types_partenaires: ['cmp-adultes'] },
      ],
    }
    let erreur: ErreurVocabulaire | undefined
    try {
      validerVocabulaire(invalide)
    } catch (e) {
      erreur = e as ErreurVocabulaire
    }
    expect(erreur).toBeInstanceOf(ErreurVocabulaire)
    const message = erreur!.problemes.join('\n')
    expect(message).toMatch(/entrees\[0\] \(a\) › thematiques\.0 : thématique inconnue : « sante--inconnue »/)
    expect(message).toMatch(/entrees\[1\] \(b\).*« Femme {2}battue » est déjà rattaché à « a »/)
    expect(message).toMatch(/entrees\[1\] \(b\) › expressions\.1 : expression : ne doit pas être vide/)
  })

  it('s’exporte en fiches de référentiel et se reconstitue à l’identique', () => {
    const fiches = entreesPourReferentiel(vocabulaire)
    expect(fiches).toHaveLength(vocabulaire.entrees.length)
    const relu = vocabulaireDepuisEntrees(fiches, vocabulaire.mots_vides)
    expect(relu.entrees).toEqual(vocabulaire.entrees)
    expect(relu.mots_vides).toEqual(vocabulaire.mots_vides)
    expect(relu.abreviations).toEqual(vocabulaire.abreviations)
  })

  it('refuse une abréviation de plusieurs mots ou sans développement, en la nommant', () => {
    expect(() => validerVocabulaire({ version: 1, abreviations: { 'p r': 'pour' }, entrees: [] })).toThrow(/abréviation « p r » : un seul mot/)
    expect(() => validerVocabulaire({ version: 1, abreviations: { pr: ' ' }, entrees: [] })).toThrow(/abreviations\.pr : développement d’abréviation : ne doit pas être vide/)
  })
})
