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
    // Pas de SVG : servi depuis l'origine de l'admin, un script glissé dans un logo
    // agirait avec la session de l'opérateur. Payload vérifie le type par le
    // contenu (octets magiques, paquet file-type), pas par le nom ni l'en-tête.
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'],
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
