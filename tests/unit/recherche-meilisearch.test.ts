import { describe, expect, it } from 'vitest'

import { motsClesDepuisVocabulaire, reglagesIndex, synonymesDepuisVocabulaire } from '../../search/adapters/meilisearch.ts'
import { documentService } from '../../search/port.ts'
import { vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'
import { SERVICES_CONTRAT } from '../contrat/donnees-recherche.ts'

/**
 * Réglages de l'adaptateur Meilisearch, vérifiables sans serveur : ils sont
 * calculés par le code depuis le vocabulaire (la suite de contrat, elle,
 * demande un serveur).
 */
describe('réglages de l’index Meilisearch', () => {
  const vocabulaire = vocabulaireParDefaut()
  const reglages = reglagesIndex(vocabulaire)

  it('déclare attributs cherchables, filtrables (éligibilité, facettes), français et tolérance aux fautes dès 4 lettres', () => {
    expect(reglages.searchableAttributes?.slice(0, 3)).toEqual(['nom', 'structure_nom', 'mots_cles'])
    expect(reglages.filterableAttributes).toEqual(
      expect.arrayContaining(['zone_eligibilite', 'thematiques', 'publics', 'type_partenaire', 'modes_accueil', 'frais']),
    )
    expect(reglages.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['fra'] }])
    expect(reglages.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnNumbers: true })
    expect(reglages.stopWords).toEqual(expect.arrayContaining(['de', 'le', 'besoin', 'cherche']))
  })

  it('tire ses synonymes du même vocabulaire que le moteur embarqué', () => {
    const synonymes = synonymesDepuisVocabulaire(vocabulaire)
    expect(synonymes['vif']).toEqual(expect.arrayContaining(['vc']))
    expect(synonymes['femme battue']).toEqual(expect.arrayContaining(['vif']))
    expect(synonymes['sdf']).toContain('sans abri')
    for (const cibles of Object.values(synonymes)) expect(cibles.length).toBeLessThanOrEqual(4)
  })

  it('écrit sur chaque fiche les mots du terrain des entrées qui la désignent', () => {
    const vif = documentService.parse(SERVICES_CONTRAT[0])
    const motsCles = motsClesDepuisVocabulaire(vif, vocabulaire)
    expect(motsCles).toEqual(expect.arrayContaining(['VIF', 'femme battue', 'mari violent']))
    const cmp = documentService.parse(SERVICES_CONTRAT[5])
    expect(motsClesDepuisVocabulaire(cmp, vocabulaire)).toContain('CMP')
    expect(motsClesDepuisVocabulaire(cmp, vocabulaire)).not.toContain('femme battue')
  })
})
