import type { CollectionConfig } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { oublierApres } from '../../saisines/memoires'

/**
 * Référentiels : listes fermées qui alimentent les saisines et les indicateurs
 * exigés par les financeurs (cahier des charges, « Modalités de suivi de
 * l'activité » : profils, problématique principale « selon un référentiel
 * défini », origine de la saisine, types de partenaires).
 */
export const REFERENTIELS = {
  profil: 'Profil du bénéficiaire',
  problematique: 'Problématique sociale principale',
  'type-partenaire': 'Type de partenaire',
  'mode-saisine': 'Mode de saisine',
  'numero-urgence': 'Numéro d’urgence (hors présence de l’intervenant social)',
} as const

export const Referentiels: CollectionConfig = {
  slug: 'referentiels',
  labels: { singular: 'Entrée de référentiel', plural: 'Référentiels' },
  admin: { useAsTitle: 'libelle', defaultColumns: ['libelle', 'referentiel', 'code', 'actif'], group: 'Référentiels' },
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'ordre',
  hooks: {
    // Le dépôt des saisines garde ce que cette collection lui dit (cms/saisines/memoires.ts) : l'oublier à chaque écriture.
    afterChange: [...hooksDePublication.afterChange, ...oublierApres('referentiels').afterChange],
    afterDelete: [...hooksDePublication.afterDelete, ...oublierApres('referentiels').afterDelete],
    beforeValidate: [
      async ({ data, req, originalDoc }) => {
        // Un code est unique dans son référentiel : les statistiques regroupent par code.
        if (!data?.code || !data?.referentiel) return data
        const doublons = await req.payload.count({
          collection: 'referentiels',
          where: {
            and: [
              { referentiel: { equals: data.referentiel } },
              { code: { equals: data.code } },
              ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
            ],
          },
          req,
        })
        if (doublons.totalDocs > 0) {
          const { ValidationError } = await import('payload')
          throw new ValidationError({
            collection: 'referentiels',
            errors: [{ path: 'code', message: `Le code « ${data.code} » existe déjà dans ce référentiel.` }],
          })
        }
        return data
      },
    ],
  },
  fields: [
    {
      name: 'referentiel',
      label: 'Référentiel',
      type: 'select',
      required: true,
      index: true,
      options: Object.entries(REFERENTIELS).map(([value, label]) => ({ value, label })),
    },
    {
      name: 'code',
      label: 'Code',
      type: 'text',
      required: true,
      admin: { description: 'Code stable utilisé dans les statistiques : ne pas le changer une fois utilisé.' },
      validate: (v: string | null | undefined) =>
        !v || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) || 'Code : lettres minuscules, chiffres et tirets.',
    },
    { name: 'libelle', label: 'Libellé', type: 'text', required: true },
    { name: 'description', label: 'Description', type: 'textarea' },
    {
      name: 'numero',
      label: 'Numéro à composer',
      type: 'text',
      admin: { condition: (_, s) => s?.referentiel === 'numero-urgence', description: 'Ex. « 115 », « 17 ou 112 ».' },
      validate: (v: string | null | undefined, { siblingData }: { siblingData: { referentiel?: string } }) =>
        siblingData?.referentiel !== 'numero-urgence' || (v && /^[0-9 ]+( ou [0-9 ]+)?$/.test(v))
          ? true
          : 'Numéro à composer : chiffres uniquement (ex. « 115 », « 116 006 »).',
    },
    { name: 'actif', label: 'Actif', type: 'checkbox', defaultValue: true },
    { name: 'ordre', label: "Ordre d'affichage", type: 'number', defaultValue: 100 },
  ],
}
