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
import { dernierOperateurNonRetrograde, dernierOperateurNonSupprime } from './hooks/dernierOperateur'
import { connexionReussie, limiterConnexion } from './hooks/limiterConnexion'
import { motDePasseConforme } from './hooks/motDePasseConforme'
import { premierCompteOperateur } from './hooks/premierCompteOperateur'
import { champsSecondFacteur } from './champsSecondFacteur'

/**
 * Comptes du portail. Seul l'opérateur atteint /admin pour l'instant ; les
 * autres rôles serviront à l'espace connecté. Le premier compte, créé depuis
 * l'écran de premier accès de /admin avec le code d'installation affiché dans
 * la console, devient opérateur : il n'existe aucun mot de passe par défaut,
 * et le dernier opérateur ne peut être ni supprimé ni rétrogradé.
 */
export const Utilisateurs: CollectionConfig = {
  slug: 'utilisateurs',
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  auth: {
    tokenExpiration: 8 * 60 * 60,
    // Pas de verrouillage de compte (n'importe qui pourrait verrouiller l'opérateur) :
    // les connexions sont limitées par compte et adresse (hooks/limiterConnexion.ts).
    maxLoginAttempts: 0,
    // Cookie « Secure » en production (derrière le proxy TLS), même si PASSERELLE_URL manque.
    cookies: { sameSite: 'Strict', secure: configuration().cookiesSecurises },
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
    beforeOperation: [limiterConnexion, motDePasseConforme],
    beforeChange: [premierCompteOperateur, dernierOperateurNonRetrograde],
    beforeDelete: [dernierOperateurNonSupprime],
    afterChange: [journaliserChangement],
    afterDelete: [journaliserSuppression],
    afterLogin: [connexionReussie, journaliserConnexion],
    afterLogout: [journaliserDeconnexion],
    afterError: [journaliserConnexionRefusee],
  },
  fields: [
    {
      name: 'codeInstallation',
      label: "Code d'installation",
      type: 'text',
      // Jamais enregistré : il n'est lu que par le hook du premier compte.
      virtual: true,
      admin: {
        description: 'Affiché dans la console du serveur au démarrage, tant qu’aucun compte n’existe.',
        // Seulement sur l'écran de premier accès, où personne n'est connecté.
        condition: (_, __, { user }) => !user,
        autoComplete: 'off',
        // Payload rend les champs virtuels en lecture seule par défaut.
        readOnly: false,
      },
    },
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
    ...champsSecondFacteur,
  ],
}
