import type { GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { selonPolitique } from '../access/selonPolitique'
import { demanderPublication } from '../../socle/publication/demande'

const publier: GlobalAfterChangeHook = ({ context, doc }) => {
  if (!context.sansPublication) demanderPublication('modification du parcours d’intégration')
  return doc
}

/**
 * Parcours d'intégration d'un nouvel intervenant social : le « mois
 * d'intégration » du cadre opérationnel ANISCG (II.2), complété par la
 * formation initiale et continue (II.3, cahier des charges). Affiché comme
 * liste à cocher sur /formation.
 */
export const ParcoursIntegration: GlobalConfig = {
  slug: 'parcours-integration',
  label: 'Parcours d’intégration',
  admin: {
    group: 'Contenus',
    description: 'Liste des étapes d’intégration d’un nouvel intervenant social, affichée sur la page /formation, dans l’ordre de la liste.',
  },
  access: { read: selonPolitique('contenu-editorial', 'lire'), update: selonPolitique('contenu-editorial', 'modifier') },
  hooks: { afterChange: [publier] },
  fields: [
    { name: 'titre', label: 'Titre', type: 'text', required: true, maxLength: 150 },
    { name: 'introduction', label: 'Introduction', type: 'textarea', maxLength: 2000 },
    {
      name: 'etapes',
      label: 'Étapes',
      labels: { singular: 'Étape', plural: 'Étapes' },
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'moment',
              label: 'Moment',
              type: 'text',
              required: true,
              maxLength: 60,
              admin: { width: '30%', description: '« Semaine 1 », « Semaines 2 et 3 », « Premiers mois »… Les étapes qui se suivent avec le même moment sont regroupées.' },
            },
            { name: 'titre', label: 'Étape', type: 'text', required: true, maxLength: 150, admin: { width: '70%' } },
          ],
        },
        { name: 'description', label: 'Description', type: 'textarea', maxLength: 1500 },
        { name: 'avecQui', label: 'Avec qui', type: 'text', maxLength: 150, admin: { description: 'Un rôle, jamais un nom de personne.' } },
      ],
    },
  ],
}
