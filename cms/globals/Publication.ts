import type { GlobalConfig } from 'payload'

import { selonPolitique } from '../access/selonPolitique'

/**
 * État de la dernière publication du portail statique, visible de l'opérateur
 * dans l'admin (« Dernière publication : réussie à 10:42 », « en cours », « échouée »).
 * Écrit uniquement par le pipeline (Local API, accès forcé) : l'admin le lit.
 */
export const STATUTS_PUBLICATION = {
  jamais: 'Jamais publiée',
  planifiee: 'Planifiée',
  'en-cours': 'En cours',
  reussie: 'Réussie',
  echouee: 'Échouée',
} as const

export const Publication: GlobalConfig = {
  slug: 'publication',
  label: 'Publication du portail',
  admin: {
    group: 'Administration',
    description:
      'Chaque enregistrement dans l’admin reconstruit le portail en quelques secondes. Une publication échouée ne remplace jamais le dernier portail valide.',
  },
  access: { read: selonPolitique('publication', 'lire'), update: () => false },
  fields: [
    {
      name: 'statut',
      label: 'Statut',
      type: 'select',
      defaultValue: 'jamais',
      options: Object.entries(STATUTS_PUBLICATION).map(([value, label]) => ({ value, label })),
      admin: { readOnly: true },
    },
    { name: 'resume', label: 'Dernière publication', type: 'text', admin: { readOnly: true } },
    { name: 'raison', label: 'Demandée après', type: 'text', admin: { readOnly: true } },
    { name: 'debut', label: 'Début', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
    {
      name: 'derniereReussite',
      label: 'Dernière réussite',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } },
    },
    { name: 'dureeMs', label: 'Durée (ms)', type: 'number', admin: { readOnly: true } },
    { name: 'erreur', label: "Raison de l'échec", type: 'textarea', admin: { readOnly: true } },
  ],
}
