import type { CollectionConfig, Field } from 'payload'
import { champThematiques } from '../../fields/thematiques'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { options } from '../../fields/codesDataInclusion'
import { SLUG_VOCABULAIRE } from './fiche'
import { publierVocabulaireApresModification, publierVocabulaireApresSuppression, validerEntreeVocabulaire } from './hooks'

const listeDeMots = (name: string, label: string, description: string): Field => ({
  name,
  label,
  type: 'text',
  hasMany: true,
  admin: { description },
})

/**
 * Vocabulaire de recherche : sigles et mots du terrain (« VIF », « femme
 * battue », « gamin fugueur ») rattachés aux codes data·inclusion et aux types
 * de partenaires, partagé par les deux moteurs de recherche. Une fiche par
 * entrée de search/vocabulaire/schema.ts (`EntreeVocabulaire`), champ pour
 * champ ; le vocabulaire entier est validé à chaque modification et transmis
 * aussitôt au moteur du serveur. Le portail ne l'affiche pas : tout est
 * réservé à l'opérateur.
 */
export const Vocabulaire: CollectionConfig = {
  slug: SLUG_VOCABULAIRE,
  labels: { singular: 'Entrée du vocabulaire de recherche', plural: 'Vocabulaire de recherche' },
  admin: {
    useAsTitle: 'libelle',
    defaultColumns: ['libelle', 'code', 'sigles', 'expressions'],
    group: 'Référentiels',
    listSearchableFields: ['libelle', 'code'],
    description:
      'Mots et sigles que la recherche de l’annuaire comprend. Une saisie (sigle ou expression) ne peut appartenir qu’à une seule entrée.',
  },
  access: accesSelonPolitique('vocabulaire'),
  defaultSort: 'libelle',
  hooks: {
    beforeValidate: [validerEntreeVocabulaire],
    afterChange: [publierVocabulaireApresModification],
    afterDelete: [publierVocabulaireApresSuppression],
  },
  fields: [
    {
      name: 'code',
      label: 'Code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'Identifiant stable (lettres minuscules, chiffres et tirets) : l’amorçage s’en sert pour ne jamais recréer une entrée modifiée.',
      },
    },
    { name: 'libelle', label: 'Libellé', type: 'text', required: true },
    listeDeMots('sigles', 'Sigles et numéros', 'Reconnus tels quels, sans faute de frappe : VIF, CMP, 115.'),
    listeDeMots('expressions', 'Expressions', 'Mots et expressions du terrain, reconnus avec accents, fautes de frappe et pluriels.'),
    listeDeMots('mots_associes', 'Mots associés', 'Cherchés dans les fiches quand l’entrée est reconnue (ils ne servent pas à la reconnaître).'),
    champThematiques(),
    {
      name: 'types_partenaires',
      label: 'Types de partenaires',
      type: 'select',
      hasMany: true,
      options: options.typesPartenaires,
      enumName: 'enum_voc_types_partenaires',
    },
    { name: 'publics', label: 'Publics', type: 'select', hasMany: true, options: options.publics, enumName: 'enum_voc_publics' },
  ],
}
