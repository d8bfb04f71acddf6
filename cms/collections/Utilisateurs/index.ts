import type { CollectionConfig } from 'payload'

import { champSelonPolitique, entreeAdmin, selonPolitique } from '../../access/selonPolitique'
import { configuration } from '../../../socle/configuration'
import { optionsRoles } from '../../../domaine/acces/roles'
import {
  journaliserChangement,
  journaliserConnexion,
  journaliserConnexionRefusee,
  journaliserDeconnexion,
  journaliserSuppression,
} from './hooks/journaliserCompte'
import { premierCompteOperateur } from './hooks/premierCompteOperateur'

/**
 * Comptes du portail. Seul l'opérateur atteint /admin pour l'instant ; les
 * autres rôles serviront à l'espace connecté. Le premier compte, créé depuis
 * l'écran de premier accès de /admin, devient opérateur : il n'existe aucun
 * mot de passe par défaut.
 */
export const Utilisateurs: CollectionConfig = {
  slug: 'utilisateurs',
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  auth: {
    tokenExpiration: 8 * 60 * 60,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // Cookie « Secure » dès que le portail est servi en HTTPS (production derrière le proxy).
    cookies: { sameSite: 'Strict', secure: Boolean(configuration().urlPublique?.startsWith('https:')) },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'nom', 'role'], group: 'Administration' },
  access: {
    admin: entreeAdmin,
    read: selonPolitique('utilisateurs', 'lire'),
    create: selonPolitique('utilisateurs', 'creer'),
    update: selonPolitique('utilisateurs', 'modifier'),
    delete: selonPolitique('utilisateurs', 'supprimer'),
    unlock: selonPolitique('utilisateurs', 'supprimer'),
  },
  hooks: {
    beforeChange: [premierCompteOperateur],
    afterChange: [journaliserChangement],
    afterDelete: [journaliserSuppression],
    afterLogin: [journaliserConnexion],
    afterLogout: [journaliserDeconnexion],
    afterError: [journaliserConnexionRefusee],
  },
  fields: [
    { name: 'nom', label: 'Nom affiché', type: 'text' },
    {
      name: 'role',
      label: 'Rôle',
      type: 'select',
      required: true,
      defaultValue: 'agent-fsi',
      options: optionsRoles,
      saveToJWT: true,
      // Masqué sur l'écran de premier accès : ce compte-là devient opérateur d'office.
      admin: { condition: (_, __, { user }) => Boolean(user) },
      access: { create: champSelonPolitique('utilisateurs.habilitation', 'creer'), update: champSelonPolitique('utilisateurs.habilitation', 'modifier') },
    },
    {
      name: 'poste',
      label: "Poste d'intervenant social",
      type: 'relationship',
      relationTo: 'postes',
      admin: { condition: (_, s, { user }) => Boolean(user) && s?.role === 'intervenant' },
      access: { create: champSelonPolitique('utilisateurs.habilitation', 'creer'), update: champSelonPolitique('utilisateurs.habilitation', 'modifier') },
    },
    {
      name: 'site',
      label: 'Unité (commissariat ou brigade)',
      type: 'relationship',
      relationTo: 'sites',
      admin: { condition: (_, s, { user }) => Boolean(user) && s?.role === 'agent-fsi' },
      access: { create: champSelonPolitique('utilisateurs.habilitation', 'creer'), update: champSelonPolitique('utilisateurs.habilitation', 'modifier') },
    },
  ],
}
