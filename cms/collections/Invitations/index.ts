import type { CollectionConfig } from 'payload'

import { optionsRoles } from '../../../domaine/acces/roles'
import { selonPolitique } from '../../access/selonPolitique'
import { invitationConforme } from './hooks/invitationConforme'

/**
 * Invitations à créer un compte (cms/comptes/invitations.ts les crée et les
 * consomme). Seule l'empreinte SHA-256 du jeton est conservée, et aucun accès
 * ne la rend : ni l'API, ni l'admin, ni la lecture par un opérateur. Rien ne
 * s'efface : une invitation reste la trace de qui a invité qui ; on l'annule.
 * Cachée dans /admin : l'invitation se fait depuis /espace/comptes, qui envoie
 * le courriel.
 */
export const Invitations: CollectionConfig = {
  slug: 'invitations',
  labels: { singular: 'Invitation', plural: 'Invitations' },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'role', 'expireLe', 'utiliseeLe'], group: 'Administration', hidden: true },
  // Lecture selon la politique ; aucune écriture par l'API, même pour qui a le droit d'inviter :
  // créer ou modifier une invitation à la main permettrait de choisir l'empreinte, l'échéance ou
  // d'effacer « utilisée le ». Les écritures passent par cms/comptes/, qui consulte la politique.
  access: {
    read: selonPolitique('invitations', 'lire'),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: { beforeChange: [invitationConforme] },
  defaultSort: '-createdAt',
  fields: [
    { name: 'email', label: 'Adresse électronique', type: 'email', required: true, index: true },
    { name: 'role', label: 'Rôle', type: 'select', required: true, options: optionsRoles },
    { name: 'site', label: 'Unité (agent FSI)', type: 'relationship', relationTo: 'sites' },
    { name: 'poste', label: "Poste d'intervenant social", type: 'relationship', relationTo: 'postes' },
    {
      name: 'empreinte',
      label: 'Empreinte du jeton',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      // Jamais rendue, à personne : l'empreinte suffit à retrouver l'invitation, pas à la rejouer, mais elle n'a rien à faire hors du serveur.
      access: { read: () => false, update: () => false },
      admin: { hidden: true },
    },
    { name: 'expireLe', label: 'Expire le', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'utiliseeLe', label: 'Utilisée le', type: 'date', admin: { readOnly: true } },
    { name: 'annuleeLe', label: 'Annulée le', type: 'date' },
    { name: 'invitePar', label: 'Invitée par', type: 'relationship', relationTo: 'utilisateurs', admin: { readOnly: true } },
  ],
}
