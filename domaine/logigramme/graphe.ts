import type { Branche, Etape, Logigramme } from '../../content/schemas/logigramme'

/**
 * Lecture d'un logigramme déjà validé (voir content/schemas/logigramme.ts) :
 * index des étapes, départ, prédécesseurs et numérotation commune aux trois
 * rendus (schéma, version texte, PDF), pour qu'« étape 12 » désigne la même
 * étape partout.
 */
export type Lien = { branche: Branche; index: number; etape: Etape }

export type Graphe = {
  logigramme: Logigramme
  depart: Etape
  /** Étapes dans l'ordre de lecture : un ordre topologique qui suit la liste de l'admin quand il le peut. */
  ordre: Etape[]
  etape: (id: string) => Etape | undefined
  /** Numéro d'affichage (1, 2, 3…) dans l'ordre de lecture. */
  numero: (id: string) => number
  suivantes: (id: string) => Lien[]
  /** Étapes dont une branche mène à `id`, avec la branche concernée. */
  precedentes: (id: string) => Lien[]
}

export const estTerminale = (e: Etape) => e.branches.length === 0

/**
 * Ordre topologique stable (algorithme de Kahn, en prenant toujours l'étape
 * disponible la plus haute dans la liste) : une branche mène toujours à une
 * étape de numéro supérieur, et l'ordre voulu par l'opérateur est gardé
 * partout où il est cohérent avec les branches.
 */
function ordreDeLecture(l: Logigramme): Etape[] {
  const rang = new Map(l.etapes.map((e, i) => [e.id, i]))
  const entrees = new Map(l.etapes.map((e) => [e.id, 0]))
  for (const e of l.etapes) for (const b of e.branches) entrees.set(b.vers, (entrees.get(b.vers) ?? 0) + 1)
  const disponibles = l.etapes.filter((e) => entrees.get(e.id) === 0)
  const ordre: Etape[] = []
  const parId = new Map(l.etapes.map((e) => [e.id, e]))
  while (disponibles.length > 0) {
    disponibles.sort((a, b) => rang.get(a.id)! - rang.get(b.id)!)
    const e = disponibles.shift()!
    ordre.push(e)
    for (const b of e.branches) {
      const n = entrees.get(b.vers)! - 1
      entrees.set(b.vers, n)
      if (n === 0) disponibles.push(parId.get(b.vers)!)
    }
  }
  return ordre
}

export function graphe(l: Logigramme): Graphe {
  const parId = new Map(l.etapes.map((e) => [e.id, e]))
  const ordre = ordreDeLecture(l)
  const numeros = new Map(ordre.map((e, i) => [e.id, i + 1]))
  const precedentes = new Map<string, Lien[]>()
  for (const e of ordre)
    e.branches.forEach((branche, index) => {
      const liste = precedentes.get(branche.vers) ?? []
      liste.push({ branche, index, etape: e })
      precedentes.set(branche.vers, liste)
    })
  // Le départ est la première étape de la liste (règle du schéma).
  const depart = l.etapes[0]!
  return {
    logigramme: l,
    depart,
    ordre,
    etape: (id) => parId.get(id),
    numero: (id) => numeros.get(id) ?? 0,
    suivantes: (id) => (parId.get(id)?.branches ?? []).map((branche, index) => ({ branche, index, etape: parId.get(branche.vers)! })),
    precedentes: (id) => precedentes.get(id) ?? [],
  }
}

/** Libellé d'une branche tel qu'affiché : le sien, ou « Ensuite » quand il n'y a qu'une suite. */
export const libelleBranche = (b: Branche) => b.libelle ?? 'Ensuite'
