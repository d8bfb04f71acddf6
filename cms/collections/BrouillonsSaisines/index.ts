import type { CollectionConfig } from 'payload'

import { serveurSeul } from '../../access/serveurSeul'

/**
 * Le brouillon d'une saisine, un par auteur (domaine/saisines/brouillon.ts) :
 * ce qui a été tapé survit à un formulaire invalide ou à une session expirée.
 * Les champs, qui contiennent des noms, sont chiffrés d'un bloc.
 */
export const BrouillonsSaisines: CollectionConfig = {
  slug: 'brouillons-saisines',
  labels: { singular: 'Brouillon de saisine', plural: 'Brouillons de saisines' },
  admin: { hidden: true },
  access: serveurSeul,
  fields: [
    { name: 'auteur', type: 'relationship', relationTo: 'utilisateurs', required: true, unique: true },
    { name: 'champs', type: 'text', required: true },
    { name: 'creeLe', type: 'date', required: true },
    { name: 'modifieLe', type: 'date', required: true, index: true },
  ],
}
