import type { CollectionConfig } from 'payload'

import { champSelonPolitique, entreeAdmin, selonPolitique } from '../../access/selonPolitique'
import { strategieSession } from '../../auth/strategie'
import { optionsRoles } from '../../../domaine/acces/roles'
import { journaliserChangement, journaliserSuppression } from './hooks/journaliserCompte'
import { dernierOperateurNonRetrograde, dernierOperateurNonSupprime } from './hooks/dernierOperateur'
import { emailNormalise } from './hooks/emailNormalise'
import { premierCompteOperateur } from './hooks/premierCompteOperateur'
import { champsSecondFacteur } from './champsSecondFacteur'
import { revoquerSessionsSiHabilitationChange } from './hooks/revoquerSessions'
import { supprimeSeulementInutilise } from './hooks/supprimeSeulementInutilise'

const personne = () => false

/**
 * Comptes du portail et de l'admin. Le premier compte, créé sur /installation
 * avec le code d'installation affiché dans la console, devient opérateur : il
 * n'existe aucun mot de passe par défaut, et le dernier opérateur ne peut être
 * ni supprimé ni rétrogradé. Les autres comptes arrivent par invitation.
 */
export const Utilisateurs: CollectionConfig = {
  slug: 'utilisateurs',
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  // Ni JWT ni connexion par l'API de Payload : un seul mécanisme de session,
  // celui du portail (cms/auth/, décision dans docs/decisions/sessions.md),
  // lu par cette stratégie pour l'admin et l'API.
  auth: { disableLocalStrategy: true, strategies: [strategieSession] },
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
    beforeValidate: [emailNormalise],
    beforeChange: [premierCompteOperateur, dernierOperateurNonRetrograde],
    beforeDelete: [dernierOperateurNonSupprime, supprimeSeulementInutilise],
    afterChange: [journaliserChangement, revoquerSessionsSiHabilitationChange],
    afterDelete: [journaliserSuppression],
  },
  fields: [
    {
      name: 'email',
      label: 'Adresse électronique',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      access: { update: champSelonPolitique('utilisateurs.habilitation', 'modifier') },
    },
    {
      // Empreinte scrypt (domaine/acces/empreinte-mot-de-passe.ts), écrite par cms/auth/ seulement.
      name: 'motDePasse',
      type: 'text',
      hidden: true,
      access: { read: personne, create: personne, update: personne },
    },
    {
      name: 'suspendu',
      label: 'Compte suspendu',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Un compte suspendu ne peut plus se connecter ; ses sessions sont fermées. Il reste dans le journal et les dossiers.' },
      access: { create: champSelonPolitique('utilisateurs.habilitation', 'creer'), update: champSelonPolitique('utilisateurs.habilitation', 'modifier') },
    },
    {
      // Jamais enregistré : lu par le hook du premier compte seulement (page /installation).
      name: 'codeInstallation',
      type: 'text',
      virtual: true,
      hidden: true,
    },
    { name: 'nom', label: 'Nom affiché', type: 'text' },
    {
      name: 'role',
      label: 'Rôle',
      type: 'select',
      required: true,
      defaultValue: 'agent-fsi',
      options: optionsRoles,
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
    ...champsSecondFacteur,
  ],
}
