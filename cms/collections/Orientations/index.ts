import type { CollectionConfig } from 'payload'

import { serveurSeul } from '../../access/serveurSeul'

/**
 * Orientations vers une structure de l'annuaire. Le type de partenaire est
 * recopié au moment de l'orientation (indicateur « orientations par nature de
 * partenaire ») : une fiche de l'annuaire modifiée plus tard ne réécrit pas
 * les chiffres passés. Le commentaire est chiffré.
 */
export const Orientations: CollectionConfig = {
  slug: 'orientations',
  labels: { singular: 'Orientation', plural: 'Orientations' },
  admin: { hidden: true },
  access: serveurSeul,
  defaultSort: 'date',
  // Index composés des agrégats des indicateurs (cms/indicateurs/requetes.ts), mesurés par npm run bench:indicateurs.
  indexes: [{ fields: ['date', 'typePartenaire', 'statut'] }],
  fields: [
    { name: 'jeton', type: 'text', required: true, unique: true },
    { name: 'saisine', type: 'relationship', relationTo: 'saisines', required: true, index: true },
    { name: 'poste', type: 'relationship', relationTo: 'postes', index: true },
    { name: 'structure', type: 'relationship', relationTo: 'structures', index: true },
    { name: 'service', type: 'relationship', relationTo: 'services' },
    // Nom de la structure au moment de l'orientation : la fiche peut disparaître de l'annuaire.
    { name: 'nomStructure', type: 'text', required: true },
    { name: 'typePartenaire', type: 'text', index: true },
    { name: 'statut', type: 'text', required: true, index: true },
    { name: 'historique', type: 'json', required: true },
    { name: 'date', type: 'text', required: true, index: true },
    { name: 'commentaire', type: 'text' },
    { name: 'auteur', type: 'relationship', relationTo: 'utilisateurs', required: true },
  ],
}
