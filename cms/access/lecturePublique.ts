import type { Access } from 'payload'

/**
 * Contenu éditorial destiné au portail public des FSI (sites, postes, annuaire,
 * référentiels) : lecture ouverte, aucune donnée personnelle dans ces collections.
 */
export const lecturePublique: Access = () => true
