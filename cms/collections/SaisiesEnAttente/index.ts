import type { CollectionConfig } from 'payload'

import { serveurSeul } from '../../access/serveurSeul'

/**
 * Une saisie arrivée avec une session expirée : le formulaire envoyé n'est
 * attribuable à personne, mais il ne doit pas être perdu (issue 11). Les
 * champs sont chiffrés avec une clé dérivée d'un jeton que seul le navigateur
 * de l'agent détient (cookie HttpOnly, quelques minutes) ; la base ne garde
 * que l'empreinte du jeton. Sans ce navigateur, personne ne relit la saisie,
 * pas même le serveur ; après reconnexion, elle redevient le brouillon du
 * compte et disparaît d'ici. Les saisies non reprises sont purgées à échéance.
 */
export const SaisiesEnAttente: CollectionConfig = {
  slug: 'saisies-en-attente',
  labels: { singular: 'Saisie en attente de reconnexion', plural: 'Saisies en attente de reconnexion' },
  admin: { hidden: true },
  access: serveurSeul,
  fields: [
    { name: 'empreinte', type: 'text', required: true, unique: true },
    { name: 'champs', type: 'text', required: true },
    { name: 'expireLe', type: 'date', required: true, index: true },
  ],
}
