import type { CollectionConfig } from 'payload'

import { selonPolitique } from '../../access/selonPolitique'

const personne = () => false

/**
 * Sessions de l'espace connecté et de l'admin (cms/auth/sessions.ts). La base
 * ne garde que l'empreinte SHA-256 du jeton : lire cette table ne permet de se
 * faire passer pour personne. Chacun lit les siennes (appareil, activité) ;
 * seul le serveur en ouvre, en prolonge et en révoque. Une session révoquée
 * ou expirée reste une ligne (date et motif) : la liste « mes sessions » et
 * l'audit en ont besoin ; elles sont purgées après 30 jours (cms/auth/sessions.ts).
 */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  labels: { singular: 'Session', plural: 'Sessions' },
  admin: { hidden: true, useAsTitle: 'appareil' },
  access: {
    read: selonPolitique('sessions', 'lire', 'utilisateur'),
    create: selonPolitique('sessions', 'creer', 'utilisateur'),
    update: selonPolitique('sessions', 'modifier', 'utilisateur'),
    delete: selonPolitique('sessions', 'supprimer', 'utilisateur'),
  },
  fields: [
    {
      name: 'empreinte',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      // Jamais renvoyée par l'API, même à son titulaire.
      hidden: true,
      access: { read: personne, create: personne, update: personne },
    },
    { name: 'utilisateur', label: 'Compte', type: 'relationship', relationTo: 'utilisateurs', required: true, index: true },
    {
      name: 'methode',
      label: 'Méthode de connexion',
      type: 'select',
      required: true,
      options: [
        { value: 'mot-de-passe', label: 'Mot de passe' },
        { value: 'proconnect', label: 'ProConnect' },
      ],
    },
    { name: 'secondFacteur', label: 'Second facteur vérifié', type: 'checkbox', defaultValue: false },
    { name: 'appareil', label: 'Appareil', type: 'text' },
    { name: 'creeLe', label: 'Ouverte le', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'vueLe', label: 'Dernière activité', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'revoqueeLe', label: 'Révoquée le', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'motifRevocation',
      label: 'Motif de la révocation',
      type: 'select',
      options: [
        { value: 'deconnexion', label: 'Déconnexion' },
        { value: 'deconnexion-partout', label: 'Déconnexion de tous les appareils' },
        { value: 'revocation', label: 'Révoquée par son titulaire' },
        { value: 'mot-de-passe', label: 'Mot de passe changé' },
        { value: 'habilitation', label: 'Rôle ou rattachement changé' },
        { value: 'suspension', label: 'Compte suspendu' },
        { value: 'second-facteur', label: 'Second facteur changé' },
      ],
    },
  ],
}
