import type { CollectionConfig } from 'payload'

import { PUBLICS_FORMATION, RE_ADRESSE, TYPES_RESSOURCE } from '../../../content/schemas/formation'
import { accesSelonPolitique } from '../../access/selonPolitique'
import { champSlug } from '../../fields/slug'
import { hooksDePublication } from '../../hooks/publierApresModification'

const enOptions = (valeurs: Record<string, string>) => Object.entries(valeurs).map(([value, label]) => ({ value, label }))

type Soeur = { type?: string | null; url?: string | null; fichier?: unknown; lieuSite?: unknown; lieuTexte?: string | null; dates?: unknown[] | null }

/**
 * Ressources de formation (cadre opérationnel ANISCG, II.3) : documents, liens
 * et sessions datées, chacune pour un ou plusieurs publics (policiers et
 * gendarmes, intervenants sociaux, partenaires). Affichées sur /formation.
 */
export const RessourcesFormation: CollectionConfig = {
  slug: 'ressources-formation',
  labels: { singular: 'Ressource de formation', plural: 'Ressources de formation' },
  admin: {
    useAsTitle: 'titre',
    defaultColumns: ['titre', 'type', 'publics', 'exemple'],
    group: 'Contenus',
    description: 'Documents, liens et sessions de formation de la page /formation. Une session dont toutes les dates sont passées disparaît de la page.',
  },
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'titre',
  hooks: hooksDePublication,
  fields: [
    { name: 'titre', label: 'Titre', type: 'text', required: true, maxLength: 200 },
    champSlug('titre'),
    {
      type: 'row',
      fields: [
        { name: 'type', label: 'Type', type: 'select', required: true, defaultValue: 'document', options: enOptions(TYPES_RESSOURCE), admin: { width: '40%' } },
        {
          name: 'publics',
          label: 'Public cible',
          type: 'select',
          hasMany: true,
          required: true,
          options: enOptions(PUBLICS_FORMATION),
          admin: { width: '60%' },
        },
      ],
    },
    { name: 'description', label: 'Description', type: 'textarea', maxLength: 2000 },
    {
      name: 'dates',
      label: 'Dates de la session',
      labels: { singular: 'Date', plural: 'Dates' },
      type: 'array',
      admin: { condition: (_, s: Soeur) => s?.type === 'session' },
      // Dans le formulaire de l'admin, la valeur d'un champ « array » est son nombre de lignes ; côté serveur, la liste.
      validate: (valeur: unknown, { siblingData }: { siblingData: Soeur }) => {
        const lignes = Array.isArray(valeur) ? valeur.length : typeof valeur === 'number' ? valeur : 0
        return siblingData?.type === 'session' && lignes === 0 ? 'Une session a au moins une date.' : true
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'debut',
              label: 'Début',
              type: 'date',
              required: true,
              admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm', timeIntervals: 15 } },
            },
            {
              name: 'fin',
              label: 'Fin',
              type: 'date',
              admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm', timeIntervals: 15 } },
              validate: (valeur: unknown, { siblingData }: { siblingData: { debut?: string | null } }) =>
                typeof valeur === 'string' && siblingData?.debut && Date.parse(valeur) <= Date.parse(siblingData.debut)
                  ? 'La fin doit être après le début.'
                  : true,
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      admin: { condition: (_, s: Soeur) => s?.type === 'session' },
      fields: [
        {
          name: 'lieuSite',
          label: 'Lieu : site d’intervention',
          type: 'relationship',
          relationTo: 'sites',
          admin: { width: '50%' },
        },
        {
          name: 'lieuTexte',
          label: 'Lieu : autre (texte)',
          type: 'text',
          maxLength: 200,
          admin: { width: '50%', description: 'Si la session n’a pas lieu sur un site d’intervention : « Visioconférence », adresse…' },
          validate: (valeur: string | null | undefined, { siblingData }: { siblingData: Soeur }) =>
            siblingData?.type === 'session' && !valeur && !siblingData?.lieuSite ? 'Une session a un lieu : un site ou un texte.' : true,
        },
      ],
    },
    {
      name: 'fichier',
      label: 'Fichier',
      type: 'upload',
      relationTo: 'medias',
      admin: { condition: (_, s: Soeur) => s?.type === 'document' },
    },
    {
      name: 'url',
      label: 'Adresse',
      type: 'text',
      admin: { description: 'Adresse web (https://…) ou page du portail (/logigramme). Pour un document, à défaut de fichier.' },
      validate: (valeur: string | null | undefined, { siblingData }: { siblingData: Soeur }) => {
        if (valeur && !RE_ADRESSE.test(valeur)) return 'Adresse : https://… ou chemin du portail commençant par /.'
        if (siblingData?.type === 'lien' && !valeur) return 'Un lien a une adresse.'
        if (siblingData?.type === 'document' && !valeur && !siblingData?.fichier) return 'Un document a un fichier ou une adresse.'
        return true
      },
    },
    {
      name: 'exemple',
      label: 'Donnée d’exemple',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar', description: 'Affichée avec la mention « Exemple » sur le portail (contenu d’amorçage à remplacer).' },
    },
  ],
}
