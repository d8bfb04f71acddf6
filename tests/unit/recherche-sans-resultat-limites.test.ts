import { describe, expect, it } from 'vitest'

import { lireParametres } from '../../search/parametres'
import { estPerimee, limiteConservation } from '../../search/retour/conservation'
import { estSansResultat } from '../../search/retour/decision'
import { LimiteRetour } from '../../search/retour/limite'

/**
 * « Recherches sans résultat » : plafonds en mémoire contre le remplissage par
 * un robot, et conservation de 90 jours, avec une horloge injectée.
 */

describe('recherches sans résultat : plafonds', () => {
  const horloge = () => {
    let t = Date.parse('2026-12-03T10:00:00Z')
    return { maintenant: () => t, avancer: (ms: number) => (t += ms) }
  }

  it('plafonne les nouvelles entrées par adresse et par heure, puis rouvre l’heure suivante', () => {
    const h = horloge()
    const limite = new LimiteRetour({ plafonds: { nouvellesParAdresse: 3, nouvellesParHeure: 100, comptagesParAdresse: 100 }, maintenant: h.maintenant })
    expect([1, 2, 3, 4].map(() => limite.autoriser('10.0.0.1', true))).toEqual([true, true, true, false])
    // Une autre adresse a son propre crédit ; une recherche déjà connue reste comptée.
    expect(limite.autoriser('10.0.0.2', true)).toBe(true)
    expect(limite.autoriser('10.0.0.1', false)).toBe(true)
    h.avancer(59 * 60 * 1000)
    expect(limite.autoriser('10.0.0.1', true)).toBe(false)
    h.avancer(60 * 1000)
    expect(limite.autoriser('10.0.0.1', true)).toBe(true)
  })

  it('plafonne les nouvelles entrées de toutes les adresses ensemble', () => {
    const h = horloge()
    const limite = new LimiteRetour({ plafonds: { nouvellesParHeure: 5, nouvellesParAdresse: 100, comptagesParAdresse: 100 }, maintenant: h.maintenant })
    const adresses = Array.from({ length: 8 }, (_, i) => `192.0.2.${i}`)
    expect(adresses.map((a) => limite.autoriser(a, true))).toEqual([true, true, true, true, true, false, false, false])
    // Les comptes d'entrées existantes ne sont pas touchés par ce plafond.
    expect(limite.autoriser('192.0.2.7', false)).toBe(true)
    h.avancer(60 * 60 * 1000)
    expect(limite.autoriser('192.0.2.7', true)).toBe(true)
  })

  it('plafonne aussi les comptages d’une même adresse (un robot ne gonfle pas un compte)', () => {
    const h = horloge()
    const limite = new LimiteRetour({ plafonds: { comptagesParAdresse: 4, nouvellesParAdresse: 100, nouvellesParHeure: 100 }, maintenant: h.maintenant })
    expect([1, 2, 3, 4, 5].map(() => limite.autoriser('10.0.0.9', false))).toEqual([true, true, true, true, false])
    expect(limite.autoriser('10.0.0.9', true)).toBe(false)
    expect(limite.autoriser('10.0.0.10', false)).toBe(true)
  })

  it('a des plafonds par défaut raisonnables', () => {
    const limite = new LimiteRetour()
    const acceptees = Array.from({ length: 100 }, () => limite.autoriser('10.0.0.1', true)).filter(Boolean).length
    expect(acceptees).toBe(20)
  })
})

describe('recherches sans résultat : conservation 90 jours', () => {
  const maintenant = new Date('2026-12-03T10:00:00Z')

  it('la limite est 90 jours avant l’instant donné', () => {
    expect(limiteConservation(maintenant).toISOString()).toBe('2026-09-04T10:00:00.000Z')
  })

  it('une entrée dont la dernière recherche a plus de 90 jours est périmée, pas avant', () => {
    expect(estPerimee('2026-09-04T09:59:59.000Z', maintenant)).toBe(true)
    expect(estPerimee('2026-09-04T10:00:00.000Z', maintenant)).toBe(false)
    expect(estPerimee(new Date('2026-12-01T00:00:00Z'), maintenant)).toBe(false)
    expect(estPerimee('2026-06-01T00:00:00Z', maintenant)).toBe(true)
  })
})

describe('recherches sans résultat : ce qui est compté', () => {
  const parametres = (recherche: string) => {
    const lus = lireParametres(new URL(`http://passerelle.test/annuaire/recherche?${recherche}`))
    if (!lus.ok) throw new Error(lus.erreurs.join(' ; '))
    return lus.valeur
  }
  const aucun = { statut: 'aucun-resultat' } as const

  it('une recherche envoyée avec un texte, qui ne trouve rien de pertinent', () => {
    expect(estSansResultat(parametres('q=baraque+effondree'), aucun)).toBe(true)
    expect(estSansResultat(parametres('q=baraque+effondree&commune=01053'), aucun)).toBe(true)
  })

  it('pas une recherche qui trouve, ni sans texte, ni filtrée, ni littérale, ni en page 2', () => {
    expect(estSansResultat(parametres('q=baraque+effondree'), { statut: 'resultats' })).toBe(false)
    expect(estSansResultat(parametres('q=++&commune=01053'), aucun)).toBe(false)
    expect(estSansResultat(parametres('q=baraque+effondree&public=femmes'), aucun)).toBe(false)
    expect(estSansResultat(parametres('q=baraque+effondree&exact=1'), aucun)).toBe(false)
    expect(estSansResultat(parametres('q=baraque+effondree&page=2'), aucun)).toBe(false)
  })
})
