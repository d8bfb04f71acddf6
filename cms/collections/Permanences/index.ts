import type { CollectionConfig, Field } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { JOURS_OUVRES, RANGS, rangEnMots } from '../../../domaine/permanences/vocabulaire'
import { calculerLibelle } from './hooks/calculerLibelle'
import { validerRecurrence } from './hooks/validerRecurrence'

/**
 * Permanences des intervenants sociaux dans les lieux du cahier des charges
 * (« Périmètre d'intervention ») : un lieu, un poste, un créneau et un rythme
 * en français (« chaque mardi après-midi », « les 1er, 2e et 3e jeudis du
 * mois », « à préciser »), avec les fermetures, déplacements et dates ajoutées.
 */
const options = (liste: readonly (string | number)[], libelle: (v: never) => string = String) =>
  liste.map((v) => ({ value: String(v), label: libelle(v as never) }))

const champsCreneau = (requis: boolean): Field[] => [
  {
    name: 'moment',
    label: 'Créneau',
    type: 'select',
    required: requis,
    options: [
      { value: 'matin', label: 'Matin (9 h – 12 h)' },
      { value: 'après-midi', label: 'Après-midi (14 h – 17 h)' },
      { value: 'horaires', label: 'Autres horaires' },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'debut', label: 'Début (ex. 13:30)', type: 'text', admin: { condition: (_, s) => s?.moment === 'horaires' } },
      { name: 'fin', label: 'Fin (ex. 16:30)', type: 'text', admin: { condition: (_, s) => s?.moment === 'horaires' } },
    ],
  },
]

const siType = (...types: string[]) => ({ condition: (_: unknown, s: { type?: string }) => types.includes(s?.type ?? '') })

export const Permanences: CollectionConfig = {
  slug: 'permanences',
  labels: { singular: 'Permanence', plural: 'Permanences' },
  admin: { useAsTitle: 'libelle', defaultColumns: ['libelle', 'site', 'poste'], group: 'Dispositif' },
  access: accesSelonPolitique('contenu-editorial'),
  hooks: { ...hooksDePublication, beforeValidate: [validerRecurrence], beforeChange: [calculerLibelle] },
  fields: [
    { name: 'libelle', label: 'Libellé', type: 'text', admin: { readOnly: true, description: 'Calculé : lieu et rythme.' } },
    {
      type: 'row',
      fields: [
        { name: 'site', label: 'Lieu', type: 'relationship', relationTo: 'sites', required: true },
        { name: 'poste', label: 'Poste d’intervenant social', type: 'relationship', relationTo: 'postes', required: true },
      ],
    },
    {
      name: 'recurrence',
      label: 'Rythme',
      type: 'group',
      fields: [
        {
          name: 'type',
          label: 'Rythme',
          type: 'select',
          required: true,
          defaultValue: 'a-preciser',
          options: [
            { value: 'chaque-semaine', label: 'Chaque semaine (ex. chaque mardi)' },
            { value: 'nieme-du-mois', label: 'Un jour précis du mois (ex. le 2e mardi du mois)' },
            { value: 'plusieurs-du-mois', label: 'Plusieurs fois par mois (ex. 1er, 2e et 3e jeudis)' },
            { value: 'un-par-mois', label: 'Un par mois (ex. un jeudi par mois)' },
            { value: 'personnalisee', label: 'Personnalisé (règle RRULE)' },
            { value: 'a-preciser', label: 'À préciser' },
          ],
        },
        {
          name: 'jour',
          label: 'Jour',
          type: 'select',
          options: options(JOURS_OUVRES),
          admin: siType('chaque-semaine', 'nieme-du-mois', 'plusieurs-du-mois', 'un-par-mois'),
        },
        { name: 'rang', label: 'Quel jour du mois', type: 'select', options: options(RANGS, rangEnMots), admin: siType('nieme-du-mois', 'un-par-mois') },
        {
          name: 'rangs',
          label: 'Quels jours du mois',
          type: 'select',
          hasMany: true,
          options: options(RANGS, rangEnMots),
          admin: siType('plusieurs-du-mois'),
        },
        {
          name: 'rrule',
          label: 'Règle RRULE',
          type: 'text',
          admin: { ...siType('personnalisee'), description: 'Ex. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU (un mardi sur deux).' },
        },
        { name: 'libelle', label: 'Rythme en mots', type: 'text', admin: { ...siType('personnalisee'), description: 'Ex. « un mardi sur deux ».' } },
        { name: 'precision', label: 'Précision', type: 'text', admin: siType('a-preciser') },
      ],
    },
    { name: 'creneau', label: 'Créneau', type: 'group', fields: champsCreneau(false) },
    {
      type: 'row',
      fields: [
        { name: 'dateDebut', label: 'À partir du', type: 'date', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
        { name: 'dateFin', label: 'Jusqu’au', type: 'date', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
      ],
    },
    {
      name: 'joursFeriesMaintenus',
      label: 'Maintenir la permanence les jours fériés',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Par défaut, un jour férié annule la permanence de ce jour-là.' },
    },
    {
      name: 'exceptions',
      label: 'Exceptions (fermetures, déplacements, dates ajoutées)',
      labels: { singular: 'Exception', plural: 'Exceptions' },
      type: 'array',
      fields: [
        {
          name: 'type',
          label: 'Type',
          type: 'select',
          required: true,
          options: [
            { value: 'fermeture', label: 'Fermeture (congés, formation…)' },
            { value: 'deplacement', label: 'Déplacement (autre lieu, date ou horaire)' },
            { value: 'ajout', label: 'Date ajoutée' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'du', label: 'Du', type: 'date', admin: { ...siType('fermeture'), date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
            { name: 'au', label: 'Au (inclus)', type: 'date', admin: { ...siType('fermeture'), date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
            { name: 'date', label: 'Date', type: 'date', admin: { ...siType('deplacement', 'ajout'), date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
            {
              name: 'nouvelleDate',
              label: 'Nouvelle date',
              type: 'date',
              admin: { ...siType('deplacement'), date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
            },
          ],
        },
        { name: 'motif', label: 'Motif affiché dans le bandeau', type: 'text', admin: { description: 'Ex. « congés », « formation ».' } },
        { name: 'site', label: 'Autre lieu', type: 'relationship', relationTo: 'sites', admin: siType('deplacement', 'ajout') },
        { name: 'creneau', label: 'Autre créneau', type: 'group', admin: siType('deplacement', 'ajout'), fields: champsCreneau(false) },
        {
          name: 'afficherDes',
          label: 'Afficher le bandeau à partir du',
          type: 'date',
          admin: { description: 'Par défaut 14 jours avant.', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
        },
      ],
    },
  ],
}
