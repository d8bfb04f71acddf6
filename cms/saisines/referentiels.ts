import type { Payload } from 'payload'

import { PROBLEMATIQUES_AMORCEES, ORIGINES_AMORCEES } from '../../domaine/saisines'
import { memoire } from './memoires'

export type Entree = { code: string; libelle: string }

/**
 * Les entrées actives d'un référentiel que l'opérateur tient (problématiques,
 * origines de la saisine). Base vide (premier démarrage) : la liste amorcée,
 * pour qu'aucune saisine ne soit refusée faute de référentiel. Lues à chaque
 * dépôt : gardées en mémoire courte (cms/saisines/memoires.ts).
 */
export function entreesActives(payload: Payload, referentiel: 'problematique' | 'mode-saisine'): Promise<readonly Entree[]> {
  return memoire<readonly Entree[]>(payload, 'referentiels').lire(referentiel, () => lireEntreesActives(payload, referentiel))
}

async function lireEntreesActives(payload: Payload, referentiel: 'problematique' | 'mode-saisine'): Promise<readonly Entree[]> {
  const { docs } = await payload.find({
    collection: 'referentiels',
    where: { and: [{ referentiel: { equals: referentiel } }, { actif: { not_equals: false } }] },
    sort: 'ordre',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const entrees = docs.length
    ? docs.map((d) => ({ code: String(d.code), libelle: String(d.libelle) }))
    : (referentiel === 'problematique' ? PROBLEMATIQUES_AMORCEES : ORIGINES_AMORCEES).map((code) => ({ code, libelle: code }))
  // Partagée entre les requêtes : figée, pour qu'aucun appelant ne la modifie pour les autres.
  return Object.freeze(entrees.map((e) => Object.freeze(e)))
}
