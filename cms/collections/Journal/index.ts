import type { CollectionConfig } from 'payload'

import { ACTIONS_JOURNAL } from '../../../domaine/journal/evenements'
import { selonPolitique } from '../../access/selonPolitique'
import { refuserModification, refuserSuppression } from './hooks/immuable'

/**
 * Journal d'audit, en ajout seul : le serveur y écrit (cms/journalAudit.ts), la
 * coordination le lit ; personne ne le modifie ni ne l'efface. Les accès le
 * refusent à tous, les hooks le refusent même au code serveur qui passe outre
 * les accès, et la base le refuse par des déclencheurs (migration
 * `journal_audit`), pour qu'aucun chemin n'existe.
 */
export const Journal: CollectionConfig = {
  slug: 'journal',
  labels: { singular: 'Événement du journal', plural: 'Journal d’audit' },
  admin: { useAsTitle: 'action', defaultColumns: ['createdAt', 'action', 'acteur', 'cible'], group: 'Administration', hidden: true },
  access: {
    read: selonPolitique('journal', 'lire'),
    create: selonPolitique('journal', 'creer'),
    update: selonPolitique('journal', 'modifier'),
    delete: selonPolitique('journal', 'supprimer'),
  },
  hooks: { beforeChange: [refuserModification], beforeDelete: [refuserSuppression] },
  defaultSort: '-createdAt',
  fields: [
    { name: 'action', label: 'Action', type: 'select', required: true, index: true, options: Object.entries(ACTIONS_JOURNAL).map(([value, label]) => ({ value, label })) },
    // Identifiant seul (pas une relation) : la ligne survit au compte, et ne dit rien de plus.
    { name: 'acteur', label: 'Compte', type: 'number', index: true },
    { name: 'cible', label: 'Enregistrement visé', type: 'text', index: true },
    { name: 'adresse', label: 'Adresse du client', type: 'text' },
  ],
}
