import type { CollectionConfig } from 'payload'

import { TYPES_DE_SITE } from '../../../content/schemas/site'
import { accesSelonPolitique } from '../../access/selonPolitique'
import { champCommuneAin } from '../../fields/commune'
import { champSlug } from '../../fields/slug'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { oublierApres } from '../../saisines/memoires'
import { refuserSiUtilise } from '../../hooks/suppressions'

/** Sites d'intervention et lieux de permanence (cahier des charges, « Périmètre d'intervention »). */
export const Sites: CollectionConfig = {
  slug: 'sites',
  labels: { singular: "Site d'intervention", plural: "Sites d'intervention" },
  admin: {
    useAsTitle: 'nom',
    defaultColumns: ['nom', 'type', 'commune', 'rythme'],
    group: 'Dispositif',
  },
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'ordre',
  hooks: {
    // Le dépôt des saisines garde ce que cette collection lui dit (cms/saisines/memoires.ts) : l'oublier à chaque écriture.
    afterChange: [...hooksDePublication.afterChange, ...oublierApres('postes').afterChange],
    afterDelete: [...hooksDePublication.afterDelete, ...oublierApres('postes').afterDelete],
    beforeDelete: [
      refuserSiUtilise('permanences', 'site', (n) => `Ce lieu a ${n} permanence(s) : supprimez-les ou déplacez-les avant de le supprimer.`),
    ],
  },
  fields: [
    { name: 'nom', label: 'Nom', type: 'text', required: true },
    champSlug('nom'),
    {
      name: 'type',
      label: 'Type de site',
      type: 'select',
      required: true,
      options: Object.entries(TYPES_DE_SITE).map(([value, label]) => ({ value, label })),
    },
    champCommuneAin({ required: true }),
    {
      name: 'compagnie',
      label: 'Compagnie de rattachement',
      type: 'relationship',
      relationTo: 'sites',
      filterOptions: { type: { equals: 'compagnie' } },
      admin: { condition: (_, s) => s?.type === 'brigade' },
      validate: (valeur: unknown, { siblingData }: { siblingData: { type?: string } }) =>
        siblingData?.type === 'brigade' && !valeur ? 'Une brigade doit être rattachée à sa compagnie.' : true,
    },
    {
      name: 'rythme',
      label: 'Rythme de présence',
      type: 'text',
      admin: {
        description:
          'Tel qu’écrit dans le cahier des charges : « Tous les mardis après-midi », « Un jeudi par mois », « À préciser »…',
      },
    },
    { name: 'adresse', label: 'Adresse', type: 'text' },
    { name: 'presentation', label: 'Présentation', type: 'textarea' },
    {
      name: 'prioritaire',
      label: 'Unité à privilégier (cahier des charges)',
      type: 'checkbox',
      defaultValue: false,
    },
    { name: 'ordre', label: "Ordre d'affichage", type: 'number', defaultValue: 100, admin: { position: 'sidebar' } },
  ],
}
