import type { CollectionConfig } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { MOTIFS_SIGNALEMENT, STATUTS_SIGNALEMENT } from './motifs'

const options = (liste: Record<string, string>) => Object.entries(liste).map(([value, label]) => ({ value, label }))

/**
 * Erreurs signalées sur une fiche de l'annuaire par un policier, un gendarme ou
 * un intervenant, depuis le portail. Seul l'opérateur les lit et les traite.
 * Créés uniquement par la route du portail, qui valide et limite le débit :
 * l'API de Payload refuse la création directe.
 */
export const Signalements: CollectionConfig = {
  slug: 'signalements',
  labels: { singular: 'Signalement d’erreur', plural: 'Signalements d’erreur' },
  admin: {
    useAsTitle: 'resume',
    defaultColumns: ['resume', 'motif', 'statut', 'createdAt'],
    group: 'Annuaire',
    description: 'Erreurs signalées depuis les fiches du portail. Corrigez la fiche puis passez le signalement à « Corrigé ».',
  },
  access: accesSelonPolitique('signalements'),
  defaultSort: '-createdAt',
  fields: [
    { name: 'structure', label: 'Structure', type: 'relationship', relationTo: 'structures', required: true, index: true },
    { name: 'motif', label: 'Motif', type: 'select', required: true, options: options(MOTIFS_SIGNALEMENT) },
    { name: 'message', label: 'Message', type: 'textarea', required: true, maxLength: 2000 },
    {
      name: 'resume',
      label: 'Résumé',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [({ siblingData }) => `${MOTIFS_SIGNALEMENT[siblingData.motif as keyof typeof MOTIFS_SIGNALEMENT] ?? 'Signalement'} — ${String(siblingData.message ?? '').slice(0, 60)}`],
      },
    },
    {
      name: 'statut',
      label: 'Statut',
      type: 'select',
      required: true,
      defaultValue: 'nouveau',
      options: options(STATUTS_SIGNALEMENT),
      admin: { position: 'sidebar' },
    },
    { name: 'noteInterne', label: 'Note interne de l’opérateur', type: 'textarea', admin: { position: 'sidebar' } },
  ],
}
