import { ORDRE_PHASES, PHASES, type Etape, type Logigramme, type Phase } from '../../content/schemas/logigramme'
import { estTerminale, graphe, type Graphe, type Lien } from './graphe'

/**
 * Moteur du questionnaire pas à pas. Il ne garde aucun état : chaque étape est
 * une page statique dont les réponses sont des liens vers l'étape suivante, ce
 * qui marche sans JavaScript. Ce module sert les pages et les tests.
 */

export class ErreurParcours extends Error {
  name = 'ErreurParcours'
}

/** Une page du questionnaire : ce qu'elle montre et où mènent ses liens. */
export type PageQuestionnaire = {
  etape: Etape
  numero: number
  total: number
  /** Rang de la phase (1 à 5) et phase suivante, pour l'indicateur d'étapes. */
  phase: { rang: number; total: number; libelle: string; suivante?: string }
  /** Réponses (question) ou suite (étape, action) ; vide sur une page de fin. */
  choix: { libelle: string; vers: string; titreSuivant: string }[]
  /** Étapes d'où l'on arrive ici : le « retour » sans JavaScript. */
  precedentes: { id: string; titre: string; libelle?: string }[]
  terminale: boolean
}

export function infosPhase(phase: Phase) {
  const rang = ORDRE_PHASES.indexOf(phase)
  const suivante = ORDRE_PHASES[rang + 1]
  return { rang: rang + 1, total: ORDRE_PHASES.length, libelle: PHASES[phase], suivante: suivante ? PHASES[suivante] : undefined }
}

export function pageQuestionnaire(g: Graphe, id: string): PageQuestionnaire {
  const etape = g.etape(id)
  if (!etape) throw new ErreurParcours(`étape « ${id} » inconnue`)
  return {
    etape,
    numero: g.numero(id),
    total: g.ordre.length,
    phase: infosPhase(etape.phase),
    choix: g.suivantes(id).map(({ branche, etape: suivante }) => ({
      libelle: branche.libelle ?? (etape.type === 'question' ? suivante.titre : 'Continuer'),
      vers: suivante.id,
      titreSuivant: suivante.titre,
    })),
    precedentes: g.precedentes(id).map(({ etape: p, branche }) => ({ id: p.id, titre: p.titre, libelle: branche.libelle })),
    terminale: estTerminale(etape),
  }
}

/**
 * Suit les réponses depuis le départ. Une étape à une seule suite avance
 * d'elle-même ; à plusieurs, la réponse suivante de la liste choisit la
 * branche (par son libellé, sans tenir compte de la casse, ou par son numéro
 * à partir de 1). Renvoie les étapes traversées, jusqu'à une étape terminale
 * ou jusqu'à la première question sans réponse.
 */
export function parcourir(l: Logigramme | Graphe, reponses: readonly (string | number)[]): { etapes: Etape[]; termine: boolean } {
  const g = 'ordre' in l ? l : graphe(l)
  const restantes = [...reponses]
  const etapes: Etape[] = [g.depart]
  let courante = g.depart
  while (!estTerminale(courante)) {
    const suites = g.suivantes(courante.id)
    let choisie: Lien | undefined
    if (suites.length === 1) choisie = suites[0]
    else {
      if (restantes.length === 0) return { etapes, termine: false }
      const r = restantes.shift()!
      choisie =
        typeof r === 'number'
          ? suites[r - 1]
          : suites.find((s) => s.branche.libelle?.toLocaleLowerCase('fr') === r.toLocaleLowerCase('fr'))
      if (!choisie)
        throw new ErreurParcours(
          `à l'étape « ${courante.id} », réponse « ${r} » inconnue (réponses possibles : ${suites.map((s) => `« ${s.branche.libelle} »`).join(', ')})`,
        )
    }
    courante = choisie.etape
    etapes.push(courante)
  }
  if (restantes.length > 0) throw new ErreurParcours(`réponses en trop après la fin du parcours : ${restantes.map((r) => `« ${r} »`).join(', ')}`)
  return { etapes, termine: true }
}

/** Tous les parcours du départ à une étape terminale (le graphe est sans boucle, donc fini). */
export function tousLesParcours(l: Logigramme | Graphe, limite = 10_000): Etape[][] {
  const g = 'ordre' in l ? l : graphe(l)
  const parcours: Etape[][] = []
  const explorer = (chemin: Etape[]) => {
    if (parcours.length >= limite) return
    const derniere = chemin[chemin.length - 1]!
    if (estTerminale(derniere)) parcours.push(chemin)
    else for (const s of g.suivantes(derniere.id)) explorer([...chemin, s.etape])
  }
  explorer([g.depart])
  return parcours
}
