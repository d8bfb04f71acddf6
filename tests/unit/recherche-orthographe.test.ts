import { describe, expect, it } from 'vitest'

import { comprendre } from '../../search/comprehension.ts'
import { LexiqueAnnuaire, type TextesService } from '../../search/lexique.ts'
import { decouper } from '../../search/orthographe/decoupage.ts'
import { estMotFrancais } from '../../search/orthographe/dictionnaire.ts'
import { codePhonetique } from '../../search/orthographe/phonetique.ts'
import { preparerSaisie, texteCorrige } from '../../search/orthographe/preparation.ts'
import { compilerVocabulaire, vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'

/**
 * Saisies de nuit ou pressées : abréviations SMS, mots écrits comme ils se
 * prononcent, mots collés, apostrophes oubliées ; et ce qui ne doit jamais
 * être corrigé (un vrai mot absent de l'annuaire, un mot vide, une commune).
 */

const vocabulaire = compilerVocabulaire(vocabulaireParDefaut())

/** Un petit annuaire fait à la main : les mots que la préparation peut viser. */
function lexiqueDe(...textes: string[]): LexiqueAnnuaire {
  const lexique = new LexiqueAnnuaire()
  for (const texte of textes) {
    const champs: TextesService = {
      nom: texte, structure_nom: '', type_libelle: '', thematiques_libelles: '', publics_libelles: '', description: '', structure_description: '', precisions: '', lieux: '',
    }
    lexique.compter(lexique.motsDuService(champs), 1)
  }
  return lexique
}
const lexique = lexiqueDe('Hébergement d’urgence de nuit', 'Épicerie solidaire', 'Consultations de psychiatrie et psychiatre', 'Aide alimentaire et colis', 'Urgences psychiatriques')
const preparer = (texte: string, options: { litteral?: boolean; enCours?: boolean } = {}) => preparerSaisie(texte, { vocabulaire, lexique, ...options })
const motsPrepares = (texte: string, options: { litteral?: boolean; enCours?: boolean } = {}) => preparer(texte, options).mots.map((m) => m.mot)

describe('orthographe : phonétique française', () => {
  it('donne le même code aux mots qui se prononcent pareil', () => {
    expect(codePhonetique('hebergemen')).toBe(codePhonetique('hebergement'))
    expect(codePhonetique('psikiatre')).toBe(codePhonetique('psychiatre'))
    expect(codePhonetique('kel')).toBe(codePhonetique('quel'))
    expect(codePhonetique('sossial')).toBe(codePhonetique('social'))
    expect(codePhonetique('femme')).not.toBe(codePhonetique('faim'))
  })

  it('connaît les mots de la langue (accents repliés), pas les noms ni les fautes', () => {
    expect(estMotFrancais('veterinaire')).toBe(true)
    expect(estMotFrancais('guitare')).toBe(true)
    expect(estMotFrancais('hebergemen')).toBe(false)
    expect(estMotFrancais('dupont')).toBe(false)
  })
})

describe('orthographe : mots collés', () => {
  const connus = new Set(['aide', 'alimentaire', 'hebergement', 'urgence', 'femme', 'battue', 'sante', 'mentale'])
  const options = { estMot: (m: string) => connus.has(m), estLiaison: (m: string) => ['d', 'de', 'la'].includes(m) }

  it('découpe en le moins de mots connus possible, liaisons comprises', () => {
    expect(decouper('aidealimentaire', options)).toEqual(['aide', 'alimentaire'])
    expect(decouper('hebergementdurgence', options)).toEqual(['hebergement', 'd', 'urgence'])
    expect(decouper('femmebattue', options)).toEqual(['femme', 'battue'])
  })

  it('ne découpe pas ce qui ne se découpe pas en deux mots connus', () => {
    expect(decouper('alimentaire', options)).toBeUndefined()
    expect(decouper('aidexyzalimentaire', options)).toBeUndefined()
    expect(decouper('dealimentaire', options)).toBeUndefined()
  })
})

describe('orthographe : préparation de la saisie', () => {
  it('développe les abréviations SMS', () => {
    expect(motsPrepares('kel numero pr les femmes')).toEqual(['quel', 'numero', 'pour', 'les', 'femmes'])
    expect(motsPrepares('hbgt urg')).toEqual(['hebergement', 'urgence'])
  })

  it('corrige un mot écrit comme il se prononce, vers un mot de l’annuaire ou du vocabulaire', () => {
    expect(motsPrepares('hebergemen')).toEqual(['hebergement'])
    expect(motsPrepares('psikiatre')).toEqual(['psychiatre'])
  })

  it('découpe les mots collés et rétablit les apostrophes oubliées', () => {
    expect(motsPrepares('aidealimentaire')).toEqual(['aide', 'alimentaire'])
    expect(motsPrepares('urgences dhebergement')).toEqual(['urgences', 'hebergement'])
  })

  it('ne touche ni un vrai mot absent de l’annuaire, ni un mot connu, ni une commune', () => {
    expect(motsPrepares('vétérinaire de garde')).toEqual(['veterinaire', 'de', 'garde'])
    expect(motsPrepares('épicerie solidaire')).toEqual(['epicerie', 'solidaire'])
    expect(motsPrepares('ccas ceyzeriat')).toEqual(['ccas', 'ceyzeriat'])
  })

  it('ne corrige pas le dernier mot d’une saisie en cours (il peut être incomplet)', () => {
    expect(motsPrepares('psikiatre hebergem', { enCours: true })).toEqual(['psychiatre', 'hebergem'])
  })

  it('en recherche littérale, propose sans appliquer', () => {
    const p = preparer('hebergemen urgen pr ce soir', { litteral: true })
    expect(p.mots.map((m) => m.mot)).toEqual(['hebergemen', 'urgen', 'pr', 'ce', 'soir'])
    expect(texteCorrige(p, p.modifications)).toBe('hébergement urgent pour ce soir')
  })

  it('montre la saisie corrigée avec ses accents, le reste tel qu’il a été tapé', () => {
    const p = preparer('Besoin hebergemen, SVP !')
    expect(texteCorrige(p, p.modifications)).toBe('Besoin hébergement, SVP !')
    expect([...p.modifications.values()]).toEqual([{ saisi: 'hebergemen', corrige: 'hébergement', motif: 'abreviation' }])
  })
})

describe('orthographe : compréhension après préparation', () => {
  const concepts = (texte: string) =>
    comprendre(texte, vocabulaire, { lexique }).clauses.flatMap((c) => (c.genre === 'concept' || c.genre === 'public' ? [c.entree.code] : []))

  it('comprend les saisies SMS, phonétiques et collées', () => {
    expect(concepts('hebergemen durgence')).toEqual(['hebergement-urgence'])
    expect(concepts('aidealimentaire')).toEqual(['alimentation'])
    expect(concepts('violenceconjugale')).toEqual(['violences-conjugales'])
    expect(concepts('psikiatre')).toEqual(['sante-mentale'])
  })

  it('ne lit pas un vrai mot comme une forme voisine du vocabulaire', () => {
    expect(concepts('il traîne toute la journée')).not.toContain('violences-sexuelles')
    expect(concepts('il sait pas')).not.toContain('drogues')
    expect(concepts('une boîte de conserve')).not.toContain('alcool')
  })
})
