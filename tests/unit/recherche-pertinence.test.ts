import { existsSync, readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { validerFichierDataInclusion } from '../../content/schemas/data-inclusion.ts'
import { creerMoteurEmbarque, type MoteurEmbarque } from '../../search/adapters/embarque.ts'
import { documentsDepuisFichier } from '../../search/document.ts'
import { evaluer, fichierRequetes, type Evaluation } from '../../search/evaluation.ts'
import { vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'

/**
 * Pertinence du moteur embarqué sur le jeu public de requêtes
 * (../shared/fixtures/requetes-annuaire.json), avec la métrique de
 * shared/fixtures/README.md (search/evaluation.ts, la même que le banc
 * d'essai). Le seuil de ce test (success@3 ≥ 0,90) est un garde-fou contre
 * les régressions ; l'objectif mesuré par le banc d'essai est 0,95.
 *
 * Aucune règle propre à ces requêtes n'existe dans le moteur : elles passent
 * par le vocabulaire et le classement, comme le jeu caché de l'évaluation
 * finale (autres formulations, communes et fautes).
 */

const DONNEES = new URL('../../../shared/fixtures/partenaires-ain.json', import.meta.url)
const REQUETES = new URL('../../../shared/fixtures/requetes-annuaire.json', import.meta.url)
const presentes = existsSync(DONNEES) && existsSync(REQUETES)
if (!presentes) console.info('[pertinence recherche] ignoré : fixtures absentes de ../shared/fixtures/')

describe.skipIf(!presentes)('pertinence du moteur embarqué sur les requêtes publiques', () => {
  const brut = presentes ? (JSON.parse(readFileSync(DONNEES, 'utf8')) as { _meta: { date_reference: string } }) : undefined
  const dateReference = brut?._meta.date_reference ?? '2026-11-26'
  let moteur: MoteurEmbarque
  let evaluation: Evaluation

  beforeAll(async () => {
    // « Aujourd'hui » fixé à la date de référence des données : la fraîcheur
    // des fiches (« mis à jour il y a 19 mois ») en dépend. Seul Date est
    // simulé, pas les minuteries.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(`${dateReference}T12:00:00`))
    const fichier = validerFichierDataInclusion(brut, 'partenaires-ain.json')
    const documents = documentsDepuisFichier(fichier)
    moteur = creerMoteurEmbarque({ vocabulaire: vocabulaireParDefaut() })
    await moteur.remplacerTout(documents)
    const { requetes } = fichierRequetes.parse(JSON.parse(readFileSync(REQUETES, 'utf8')))
    evaluation = await evaluer(moteur, requetes, new Map(documents.map((d) => [d.id, d.zone_eligibilite])))
    const manquees = evaluation.par_requete.filter((m) => m.succes_a_3 === 0 || (m.rr_a_10 ?? 1) < 1 || m.violations > 0)
    console.info(
      `[pertinence recherche] ${evaluation.n_queries} requêtes : success@3 = ${evaluation.success_at_3.toFixed(3)}, ` +
        `MRR@10 = ${evaluation.mrr_at_10.toFixed(3)}, silence correct = ${evaluation.empty_ok.toFixed(3)}, ` +
        `violations d'éligibilité = ${evaluation.eligibility_violations}` +
        manquees.map((m) => `\n  ${m.id} « ${m.texte} » : success@3=${m.succes_a_3}, rr@10=${m.rr_a_10?.toFixed(2) ?? '—'}, premiers=${m.premiers.slice(0, 3).join(', ')}`).join(''),
    )
  }, 120_000)
  afterAll(() => {
    vi.useRealTimers()
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

  it('signale les fiches de plus de 12 mois, par rapport à la date de référence', async () => {
    // CCAS de Bourg-en-Bresse, service mis à jour le 2025-09-30 : 13 mois avant le 2026-11-26.
    const r = await moteur.rechercher({ texte: 'CCAS de Bourg-en-Bresse accueil social', enCours: false })
    const accueil = r.resultats.find((x) => x.id === 'sv-ccas-bourg-en-bresse-accueil-social')
    expect(accueil?.document.date_maj).toBe('2025-09-30')
    expect(accueil?.fraicheur).toEqual({ mois: 13, ancienne: true, libelle: 'mis à jour il y a 13 mois' })
    // Au moins une fiche récente parmi les résultats d'une autre requête.
    const recente = (await moteur.rechercher({ texte: 'SIAO', enCours: false })).resultats.find((x) => x.document.date_maj >= '2025-11-26')
    if (recente) expect(recente.fraicheur.ancienne).toBe(false)
  })
})
