import type { CollectionConfig } from 'payload'

import { serveurSeul } from '../../access/serveurSeul'

/**
 * Signalements à l'autorité judiciaire (art. 226-14 et 223-6 du code pénal),
 * obligation de l'intervenant, tracés comme tels : article, date,
 * destinataire en clair (la coordination les suit), précision du destinataire
 * et texte chiffrés (un nom peut s'y trouver). Jamais
 * visibles de l'unité qui a saisi.
 */
export const SignalementsJudiciaires: CollectionConfig = {
  slug: 'signalements-judiciaires',
  labels: { singular: 'Signalement judiciaire', plural: 'Signalements judiciaires' },
  admin: { hidden: true },
  access: serveurSeul,
  defaultSort: '-date',
  fields: [
    { name: 'jeton', type: 'text', required: true, unique: true },
    { name: 'saisine', type: 'relationship', relationTo: 'saisines', required: true, index: true },
    { name: 'poste', type: 'relationship', relationTo: 'postes', index: true },
    { name: 'article', type: 'text', required: true },
    { name: 'date', type: 'text', required: true, index: true },
    { name: 'destinataire', type: 'text', required: true },
    { name: 'precision', type: 'text' },
    { name: 'texte', type: 'text' },
    { name: 'auteur', type: 'relationship', relationTo: 'utilisateurs', required: true },
  ],
}
