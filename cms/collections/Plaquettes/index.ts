import type { CollectionConfig } from 'payload'

import { PUBLICS_PLAQUETTE } from './publics'
import { accesSelonPolitique } from '../../access/selonPolitique'
import { hooksDePublication } from '../../hooks/publierApresModification'

/**
 * Plaquettes d'information à remettre (cadre opérationnel ANISCG, « Communiquer
 * sur le poste d'intervenant social ») : pour les FSI, le public ou les partenaires.
 */
export const Plaquettes: CollectionConfig = {
  slug: 'plaquettes',
  labels: { singular: 'Plaquette', plural: 'Plaquettes' },
  admin: { useAsTitle: 'titre', defaultColumns: ['titre', 'public', 'version', 'date'], group: 'Contenus' },
  // Une plaquette n'est jamais supprimée : une nouvelle version la remplace et
  // l'ancienne reste consultable dans les archives (ce qui a été remis fait foi).
  access: { ...accesSelonPolitique('contenu-editorial'), delete: () => false },
  defaultSort: '-date',
  hooks: hooksDePublication,
  fields: [
    { name: 'titre', label: 'Titre', type: 'text', required: true },
    {
      name: 'famille',
      label: 'Famille (versions successives)',
      type: 'text',
      required: true,
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'Même identifiant pour toutes les versions d’une même plaquette (ex. « plaquette-fsi-bresse-dombes ») : la plus récente est affichée, les autres sont archivées.',
      },
      validate: (v: string | null | undefined) => !v || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) || 'Famille : lettres minuscules, chiffres et tirets.',
    },
    {
      name: 'public',
      label: 'Public visé',
      type: 'select',
      required: true,
      options: Object.entries(PUBLICS_PLAQUETTE).map(([value, label]) => ({ value, label })),
    },
    { name: 'resume', label: 'Résumé', type: 'textarea' },
    {
      name: 'fichier',
      label: 'Fichier (PDF)',
      type: 'upload',
      relationTo: 'medias',
      required: true,
      // Une plaquette se remet imprimée ou par courriel : un PDF, rien d'autre (type lu dans le contenu du média).
      filterOptions: { mimeType: { equals: 'application/pdf' } },
    },
    { name: 'version', label: 'Version', type: 'text', required: true, defaultValue: '1' },
    {
      name: 'date',
      label: 'Date de la version',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    },
    { name: 'poste', label: 'Poste concerné', type: 'relationship', relationTo: 'postes' },
  ],
}
