import type { CollectionConfig } from 'payload'

import { serveurSeul } from '../../access/serveurSeul'

/**
 * Actes du suivi d'une saisine (entretien, appel, visite, accompagnement,
 * démarche, fiche de liaison) : type et date en clair (nombre d'actes, durée
 * d'accompagnement), texte chiffré. Le poste est recopié de la saisine pour
 * que chaque lecture se borne au secteur sans jointure.
 */
export const Actes: CollectionConfig = {
  slug: 'actes',
  labels: { singular: 'Acte du suivi', plural: 'Actes du suivi' },
  admin: { hidden: true },
  access: serveurSeul,
  defaultSort: 'date',
  // Index composés des agrégats des indicateurs (cms/indicateurs/requetes.ts), mesurés par npm run bench:indicateurs.
  indexes: [{ fields: ['date', 'saisine', 'type'] }],
  fields: [
    { name: 'jeton', type: 'text', required: true, unique: true },
    { name: 'saisine', type: 'relationship', relationTo: 'saisines', required: true, index: true },
    { name: 'poste', type: 'relationship', relationTo: 'postes', index: true },
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'date', type: 'text', required: true, index: true },
    { name: 'texte', type: 'text' },
    { name: 'auteur', type: 'relationship', relationTo: 'utilisateurs', required: true },
  ],
}
