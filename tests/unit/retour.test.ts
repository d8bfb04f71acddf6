import { describe, expect, it } from 'vitest'

import { cheminDeRetour } from '../../site/lib/retour'

describe('chemin de retour après connexion', () => {
  it('garde un chemin du portail', () => {
    expect(cheminDeRetour('/espace/compte')).toBe('/espace/compte')
    expect(cheminDeRetour('/espace?onglet=1')).toBe('/espace?onglet=1')
  })
  it.each(['', null, 'https://exemple.org', '//exemple.org', '/\\exemple.org', 'javascript:alert(1)', '/connexion/second-facteur', '/ espace'])(
    'refuse %s : retour à /espace',
    (brut) => expect(cheminDeRetour(brut)).toBe('/espace'),
  )
})
