import { z } from 'zod'

import { estEligible } from '../domaine/territoire/index.ts'
import type { MoteurRecherche, ReponseRecherche } from './port.ts'

/**
 * Mesure de pertinence, exactement comme shared/fixtures/README.md la définit,
 * partagée par le test de pertinence et le banc d'essai (une seule définition
 * de la métrique, pas deux copies qui divergent) :
 * - les résultats d'un moteur sont la liste ordonnée de ce qu'il présente comme
 *   pertinent (`resultats`, pertinent: true) ; les suggestions montrées à part
 *   quand le statut est « aucun-resultat » ne comptent pas ;
 * - success@3 : requête à attendus non vides, 1 si un des 3 premiers est
 *   attendu ; requête hors champ (attendus vides), 1 si et seulement si rien
 *   n'est présenté comme pertinent ; moyenne sur toutes les requêtes ;
 * - MRR@10 : sur les requêtes à attendus non vides, 1/rang du premier attendu
 *   dans les 10 premiers (0 sinon) ;
 * - silence correct (empty_ok) : part des requêtes hors champ réussies ;
 * - violations d'éligibilité : services non éligibles dans la commune de la
 *   requête parmi les 10 premiers, d'après la zone des données sources (pas
 *   celle que renvoie le moteur).
 */

export const requetePertinence = z.looseObject({
  id: z.string(),
  texte: z.string(),
  commune: z.string().optional(),
  commune_nom: z.string().optional(),
  attendus: z.array(z.string()),
  note: z.string().optional(),
  regle: z.string().optional(),
})
export const fichierRequetes = z.looseObject({ _meta: z.unknown().optional(), requetes: z.array(requetePertinence) })
export type RequetePertinence = z.infer<typeof requetePertinence>

export type MesureRequete = {
  id: string
  texte: string
  commune?: string
  attendus: number
  succes_a_3: 0 | 1
  /** 1/rang du premier attendu dans les 10 premiers ; null pour une requête hors champ. */
  rr_a_10: number | null
  violations: number
  /** Les 10 premiers identifiants présentés comme pertinents. */
  premiers: string[]
  statut: ReponseRecherche['statut']
}

export type Evaluation = {
  n_queries: number
  success_at_3: number
  mrr_at_10: number
  empty_ok: number
  eligibility_violations: number
  par_requete: MesureRequete[]
}

/** Mesure une réponse pour une requête ; `zones` donne la zone d'éligibilité de chaque service des données. */
export function mesurer(requete: RequetePertinence, reponse: ReponseRecherche, zones: ReadonlyMap<string, readonly string[]>): MesureRequete {
  const presentes = reponse.resultats.filter((r) => r.pertinent).map((r) => r.id)
  const attendus = new Set(requete.attendus)
  const premiers = presentes.slice(0, 10)
  let succes: 0 | 1
  let rr: number | null
  if (attendus.size === 0) {
    succes = presentes.length === 0 ? 1 : 0
    rr = null
  } else {
    succes = presentes.slice(0, 3).some((id) => attendus.has(id)) ? 1 : 0
    const rang = premiers.findIndex((id) => attendus.has(id))
    rr = rang >= 0 ? 1 / (rang + 1) : 0
  }
  const violations = requete.commune
    ? premiers.filter((id) => {
        const zone = zones.get(id)
        return !zone || !estEligible(zone, requete.commune!)
      }).length
    : 0
  return {
    id: requete.id,
    texte: requete.texte,
    ...(requete.commune ? { commune: requete.commune } : {}),
    attendus: attendus.size,
    succes_a_3: succes,
    rr_a_10: rr,
    violations,
    premiers,
    statut: reponse.statut,
  }
}

export function agreger(mesures: MesureRequete[]): Evaluation {
  const avecAttendus = mesures.filter((m) => m.rr_a_10 !== null)
  const horsChamp = mesures.filter((m) => m.rr_a_10 === null)
  const moyenne = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
  return {
    n_queries: mesures.length,
    success_at_3: moyenne(mesures.map((m) => m.succes_a_3)),
    mrr_at_10: moyenne(avecAttendus.map((m) => m.rr_a_10!)),
    empty_ok: horsChamp.length === 0 ? 1 : moyenne(horsChamp.map((m) => m.succes_a_3)),
    eligibility_violations: mesures.reduce((a, m) => a + m.violations, 0),
    par_requete: mesures,
  }
}

/** Évalue un moteur sur un jeu de requêtes (chaque requête une fois, dans l'ordre). */
export async function evaluer(
  moteur: MoteurRecherche,
  requetes: readonly RequetePertinence[],
  zones: ReadonlyMap<string, readonly string[]>,
): Promise<Evaluation> {
  const mesures: MesureRequete[] = []
  for (const q of requetes) {
    const reponse = await moteur.rechercher({ texte: q.texte, ...(q.commune ? { commune: q.commune } : {}), limite: 10, enCours: false })
    mesures.push(mesurer(q, reponse, zones))
  }
  return agreger(mesures)
}

/** Centile (méthode du rang le plus proche) d'une liste de durées. */
export function centile(valeurs: readonly number[], p: number): number {
  if (valeurs.length === 0) return 0
  const tri = [...valeurs].sort((a, b) => a - b)
  return tri[Math.min(tri.length - 1, Math.max(0, Math.ceil((p / 100) * tri.length) - 1))]!
}
