import type { Payload } from 'payload'

import {
  bornes,
  construireRapport,
  type DemandeIndicateurs,
  memePeriodeAnPasse,
  periodePrecedente,
  type Rapport,
  type Vue,
} from '../../domaine/indicateurs'
import { calculerIndicateurs } from './requetes'

/**
 * Le rapport d'une demande (période ; poste, unité ou compagnie) dans la vue de
 * l'acteur : trois calculs (la période, la précédente, la même l'an passé),
 * puis la mise en forme commune de la page et des exports. La vue vient de
 * la politique (`vueIndicateurs`) ; le financeur n'a jamais de filtre
 * (domaine/indicateurs/demande.ts), on le refuse ici encore.
 */
export async function rapportIndicateurs(payload: Payload, demande: DemandeIndicateurs, vue: Vue, seuil: number): Promise<Rapport> {
  if (vue === 'secret-statistique' && (demande.poste !== undefined || demande.unite !== undefined || demande.compagnie !== undefined))
    throw new Error('Indicateurs : le financeur voit le département entier, sans filtre')
  const filtre = { poste: demande.poste, unite: demande.unite, compagnie: demande.compagnie }
  const [courante, precedente, anPasse, perimetre] = await Promise.all([
    calculerIndicateurs(payload, { periode: demande.periode, ...filtre }),
    calculerIndicateurs(payload, { periode: periodePrecedente(demande.periode), ...filtre }),
    calculerIndicateurs(payload, { periode: memePeriodeAnPasse(demande.periode), ...filtre }),
    perimetreDe(payload, demande),
  ])
  return construireRapport(
    {
      periode: demande.periode,
      bornes: bornes(demande.periode),
      perimetre,
      courante: courante.indicateurs,
      precedente: precedente.indicateurs,
      anPasse: anPasse.indicateurs,
    },
    vue,
    seuil,
  )
}

export const DEPARTEMENT = 'Département de l’Ain'

async function perimetreDe(payload: Payload, d: DemandeIndicateurs): Promise<string> {
  if (d.poste !== undefined) {
    const p = await payload.findByID({ collection: 'postes', id: d.poste, depth: 0, overrideAccess: true, disableErrors: true })
    return `Poste : ${p?.intitule ?? `n° ${d.poste}`}`
  }
  if (d.unite !== undefined) {
    const s = await payload.findByID({ collection: 'sites', id: d.unite, depth: 0, overrideAccess: true, disableErrors: true })
    return `Unité : ${s?.nom ?? `n° ${d.unite}`}`
  }
  if (d.compagnie !== undefined) {
    const s = await payload.findByID({ collection: 'sites', id: d.compagnie, depth: 0, overrideAccess: true, disableErrors: true })
    return s?.type === 'compagnie' ? `Compagnie : ${s.nom} et ses brigades` : `${s?.nom ?? `Compagnie ou commissariat n° ${d.compagnie}`}`
  }
  return DEPARTEMENT
}

/** Les postes et unités proposés au filtre de la page (opérateur et coordination). */
export async function choixDeFiltre(payload: Payload) {
  const [postes, sites] = await Promise.all([
    payload.find({ collection: 'postes', pagination: false, depth: 0, overrideAccess: true, select: { intitule: true }, sort: 'intitule' }),
    // Seules les unités de police et de gendarmerie saisissent ; les lieux de permanence n'ont pas de saisines.
    payload.find({
      collection: 'sites',
      where: { type: { in: ['commissariat', 'compagnie', 'brigade'] } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { nom: true, type: true },
      sort: 'nom',
    }),
  ])
  return {
    postes: postes.docs.map((p) => ({ id: Number(p.id), libelle: String(p.intitule) })),
    unites: sites.docs.map((s) => ({ id: Number(s.id), libelle: String(s.nom) })),
    // Une compagnie compte avec ses brigades (sites rattachés), un commissariat seul.
    compagnies: sites.docs.filter((s) => s.type !== 'brigade').map((s) => ({ id: Number(s.id), libelle: s.type === 'compagnie' ? `${s.nom} (et ses brigades)` : String(s.nom) })),
  }
}
