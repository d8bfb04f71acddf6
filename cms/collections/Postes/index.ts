import type { CollectionConfig } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { champSlug } from '../../fields/slug'
import { champTelephone } from '../../fields/telephone'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { oublierApres } from '../../saisines/memoires'
import { refuserSiUtilise } from '../../hooks/suppressions'
import { problemeCodeDeZone } from '../../../domaine/territoire'

/**
 * Les quatre postes d'intervenant social (4 ETP, cahier des charges, « Modalités
 * financières »). On publie le poste, jamais le nom de la personne qui l'occupe :
 * les coordonnées sont institutionnelles.
 */
export const Postes: CollectionConfig = {
  slug: 'postes',
  labels: { singular: 'Poste d’intervenant social', plural: 'Postes d’intervenant social' },
  admin: { useAsTitle: 'intitule', defaultColumns: ['intitule', 'secteur', 'telephone'], group: 'Dispositif' },
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'ordre',
  hooks: {
    // Le dépôt des saisines garde ce que cette collection lui dit (cms/saisines/memoires.ts) : l'oublier à chaque écriture.
    afterChange: [...hooksDePublication.afterChange, ...oublierApres('postes').afterChange],
    afterDelete: [...hooksDePublication.afterDelete, ...oublierApres('postes').afterDelete],
    beforeDelete: [
      refuserSiUtilise('permanences', 'poste', (n) => `Ce poste a ${n} permanence(s) : supprimez-les ou rattachez-les à un autre poste avant de le supprimer.`),
    ],
  },
  fields: [
    {
      name: 'intitule',
      label: 'Intitulé du poste',
      type: 'text',
      required: true,
      admin: { description: 'Ex. « Intervenant social – secteur Bresse-Dombes ». Pas de nom de personne.' },
    },
    champSlug('intitule'),
    { name: 'secteur', label: 'Secteur', type: 'text', required: true },
    champTelephone('telephone', 'Téléphone institutionnel'),
    {
      name: 'courriel',
      label: 'Messagerie institutionnelle',
      type: 'email',
      admin: {
        description:
          'Seule voie de transmission des informations (cahier des charges, « Cadre juridique et déontologique » : RGPD).',
      },
    },
    {
      name: 'sites',
      label: 'Sites couverts',
      type: 'relationship',
      relationTo: 'sites',
      hasMany: true,
    },
    {
      name: 'territoire',
      label: 'Territoire couvert',
      type: 'text',
      hasMany: true,
      admin: {
        description:
          'SIREN des EPCI (200071751) ou codes INSEE des communes (01053) de ce secteur. Sert à « Qui contacter ? » par commune ; une commune qui accueille une unité relève du poste de cette unité.',
      },
      validate: (valeurs: string[] | null | undefined) => {
        const problemes = (valeurs ?? []).map((v) => problemeCodeDeZone(v, ['commune', 'epci'])).filter(Boolean)
        return problemes.length === 0 ? true : `Territoire : ${problemes.join(' ; ')}.`
      },
    },
    { name: 'presentation', label: 'Rôle et missions', type: 'textarea' },
    { name: 'ordre', label: "Ordre d'affichage", type: 'number', defaultValue: 100, admin: { position: 'sidebar' } },
  ],
}
