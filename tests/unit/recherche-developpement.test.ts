import { existsSync, readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { validerFichierDataInclusion } from '../../content/schemas/data-inclusion.ts'
import { creerMoteurEmbarque, type MoteurEmbarque } from '../../search/adapters/embarque.ts'
import { documentsDepuisFichier } from '../../search/document.ts'
import { evaluer, fichierRequetes, type Evaluation } from '../../search/evaluation.ts'
import { vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'
import { calculerJeuDeDeveloppement } from '../fixtures/recherche/generer.ts'

/**
 * Pertinence du moteur embarqué sur le jeu de développement
 * (tests/fixtures/recherche/requetes-developpement.json, 191 requêtes :
 * situations sans mot du métier, SMS, mots collés, sigles du terrain, publics
 * et plusieurs besoins, urgence, communes, hors champ), avec la métrique de
 * shared/fixtures/README.md. Garde-fou : success@3 ≥ 0,90 (objectif mesuré
 * par le banc d'essai : 0,95 et MRR@10 ≥ 0,85).
 */

const DONNEES = new URL('../../../shared/fixtures/partenaires-ain.json', import.meta.url)
const JEU = new URL('../fixtures/recherche/requetes-developpement.json', import.meta.url)
const presentes = existsSync(DONNEES)
if (!presentes) console.info('[pertinence développement] ignoré : données absentes de ../shared/fixtures/')

describe.skipIf(!presentes)('pertinence du moteur embarqué sur le jeu de développement', () => {
  const brut = presentes ? readFileSync(DONNEES) : Buffer.from('{}')
  let moteur: MoteurEmbarque
  let evaluation: Evaluation

  beforeAll(async () => {
    const donnees = JSON.parse(brut.toString('utf8')) as { _meta: { date_reference: string } }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(`${donnees._meta.date_reference}T12:00:00`))
    const documents = documentsDepuisFichier(validerFichierDataInclusion(donnees, 'partenaires-ain.json'))
    moteur = creerMoteurEmbarque({ vocabulaire: vocabulaireParDefaut() })
    await moteur.remplacerTout(documents)
    const { requetes } = fichierRequetes.parse(JSON.parse(readFileSync(JEU, 'utf8')))
    evaluation = await evaluer(moteur, requetes, new Map(documents.map((d) => [d.id, d.zone_eligibilite])))
    const manquees = evaluation.par_requete.filter((m) => m.succes_a_3 === 0 || m.violations > 0)
    console.info(
      `[pertinence développement] ${evaluation.n_queries} requêtes : success@3 = ${evaluation.success_at_3.toFixed(3)}, ` +
        `MRR@10 = ${evaluation.mrr_at_10.toFixed(3)}, silence correct = ${evaluation.empty_ok.toFixed(3)}, ` +
        `violations d'éligibilité = ${evaluation.eligibility_violations}` +
        manquees.map((m) => `\n  ${m.id} « ${m.texte} » : premiers=${m.premiers.slice(0, 3).join(', ') || '(aucun)'}`).join(''),
    )
  }, 120_000)
  afterAll(() => {
    vi.useRealTimers()
  })

  it('le jeu est bien celui que calcule sa règle sur les données (aucun attendu écrit à la main)', () => {
    expect(JSON.parse(readFileSync(JEU, 'utf8'))).toEqual(JSON.parse(JSON.stringify(calculerJeuDeDeveloppement(brut))))
  })

  it('compte au moins 150 requêtes, dont des requêtes hors champ et avec commune', () => {
    expect(evaluation.n_queries).toBeGreaterThanOrEqual(150)
    expect(evaluation.par_requete.filter((m) => m.attendus === 0).length).toBeGreaterThanOrEqual(10)
    expect(evaluation.par_requete.filter((m) => m.commune).length).toBeGreaterThanOrEqual(10)
  })

  it('success@3 ≥ 0,90 (objectif 0,95)', () => {
    expect(evaluation.success_at_3).toBeGreaterThanOrEqual(0.9)
  })

  it('MRR@10 ≥ 0,85', () => {
    expect(evaluation.mrr_at_10).toBeGreaterThanOrEqual(0.85)
  })

  it('répond « aucun résultat » à toutes les requêtes hors champ', () => {
    expect(evaluation.empty_ok).toBe(1)
  })

  it("ne classe aucun service non éligible dans les 10 premiers d'une requête avec commune", () => {
    expect(evaluation.eligibility_violations).toBe(0)
  })
})
