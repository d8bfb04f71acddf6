import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { memoireCourte, type MemoireCourte } from '../../socle/memoireCourte'

/**
 * Ce que chaque dépôt de saisine relirait sinon en base (référentiels actifs,
 * poste qui couvre une unité) : gardé une minute au plus, par instance de
 * Payload (les tests en ouvrent plusieurs dans un processus), et oublié dès
 * qu'une collection dont la réponse dépend change dans ce processus.
 */
const DUREE_MS = 60_000

export type Famille = 'referentiels' | 'postes'
const memoires = new WeakMap<Payload, Map<Famille, MemoireCourte<unknown>>>()

export function memoire<V>(payload: Payload, famille: Famille): MemoireCourte<V> {
  let parFamille = memoires.get(payload)
  if (!parFamille) memoires.set(payload, (parFamille = new Map()))
  let m = parFamille.get(famille)
  if (!m) parFamille.set(famille, (m = memoireCourte<unknown>(DUREE_MS)))
  return m as MemoireCourte<V>
}

/** Hooks à poser sur une collection dont dépend la famille : toute écriture l'oublie. */
export function oublierApres(famille: Famille): { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } {
  const oublier = (payload: Payload) => memoires.get(payload)?.get(famille)?.vider()
  return {
    afterChange: [({ req, doc }) => (oublier(req.payload), doc)],
    afterDelete: [({ req, doc }) => (oublier(req.payload), doc)],
  }
}
