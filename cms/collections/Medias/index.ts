import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { configuration } from '../../../socle/configuration'
import { hooksDePublication } from '../../hooks/publierApresModification'

/** Fichiers publiés sur le portail (plaquettes, logigramme, supports de formation) : aucun document nominatif ici. */
export const Medias: CollectionConfig = {
  slug: 'medias',
  labels: { singular: 'Média', plural: 'Médias' },
  admin: { group: 'Contenus', useAsTitle: 'alt' },
  access: accesSelonPolitique('contenu-editorial'),
  hooks: hooksDePublication,
  upload: {
    staticDir: path.join(configuration().dossierDonnees, 'medias'),
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'],
  },
  fields: [
    {
      name: 'alt',
      label: 'Texte alternatif ou titre',
      type: 'text',
      required: true,
      admin: { description: 'Décrit le contenu pour les lecteurs d’écran (RGAA).' },
    },
  ],
}
