import type { Payload } from 'payload'

import { PROBLEMATIQUES_AMORCEES, ORIGINES_AMORCEES } from '../../domaine/saisines'

export type Entree = { code: string; libelle: string }

/**
 * Les entrées actives d'un référentiel que l'opérateur tient (problématiques,
 * origines de la saisine). Base vide (premier démarrage) : la liste amorcée,
 * pour qu'aucune saisine ne soit refusée faute de référentiel.
 */
export async function entreesActives(payload: Payload, referentiel: 'problematique' | 'mode-saisine'): Promise<Entree[]> {
  const { docs } = await payload.find({
    collection: 'referentiels',
    where: { and: [{ referentiel: { equals: referentiel } }, { actif: { not_equals: false } }] },
    sort: 'ordre',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  if (docs.length) return docs.map((d) => ({ code: String(d.code), libelle: String(d.libelle) }))
  const amorce = referentiel === 'problematique' ? PROBLEMATIQUES_AMORCEES : ORIGINES_AMORCEES
  return amorce.map((code) => ({ code, libelle: code }))
}
