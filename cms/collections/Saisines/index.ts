import type { CollectionConfig } from 'payload'

import {
  ACCORDS_CONTACT,
  CONNAISSANCES,
  MODES_SAISINE,
  NATURES_SAISINE,
  PROFILS,
  SEXES,
  SITUATIONS_FAMILIALES,
  STATUTS,
} from '../../../domaine/saisines'
import { serveurSeul } from '../../access/serveurSeul'

const options = (valeurs: Record<string, string>) => Object.entries(valeurs).map(([value, label]) => ({ value, label }))

/**
 * Une saisine : ce qu'un agent a déposé ou que l'intervenant a enregistré.
 *
 * Deux sortes de champs, séparées à dessein (issue 11, « Personal data ») :
 * - les champs statistiques, en clair, que les indicateurs agrègent en SQL et
 *   que la conservation garde (âge à la date de la saisine, sexe, situation
 *   familiale, commune, profil, problématique, unité, mode, dates, statuts) ;
 * - l'identité et les textes libres, chiffrés champ par champ (AES-256-GCM,
 *   identifiant de clé dans chaque valeur : cms/saisines/chiffrement.ts),
 *   effacés à l'échéance de conservation.
 * La clé pseudonyme (HMAC de l'identité normalisée) compte les bénéficiaires
 * distincts sans rien déchiffrer.
 */
export const Saisines: CollectionConfig = {
  slug: 'saisines',
  labels: { singular: 'Saisine', plural: 'Saisines' },
  admin: { hidden: true },
  access: serveurSeul,
  defaultSort: '-createdAt',
  // Index composés des agrégats des indicateurs (cms/indicateurs/requetes.ts), mesurés par npm run bench:indicateurs.
  indexes: [{ fields: ['poste', 'date'] }, { fields: ['unite', 'date'] }],
  fields: [
    // Contexte du chiffrement (donnée associée) : un chiffré recopié d'une saisine sur une autre ne se déchiffre pas.
    { name: 'jeton', type: 'text', required: true, unique: true },
    { name: 'poste', type: 'relationship', relationTo: 'postes', index: true },
    { name: 'unite', type: 'relationship', relationTo: 'sites', index: true },
    { name: 'agent', type: 'relationship', relationTo: 'utilisateurs', index: true },
    { name: 'auteur', type: 'relationship', relationTo: 'utilisateurs', required: true, index: true },
    { name: 'mode', type: 'select', required: true, options: options(MODES_SAISINE), index: true },
    { name: 'nature', type: 'select', required: true, options: options(NATURES_SAISINE) },
    { name: 'origine', type: 'text' },
    // AAAA-MM-JJ en texte : se groupe par mois ou trimestre en SQL, sans fuseau.
    { name: 'date', type: 'text', required: true, index: true },
    { name: 'urgence', type: 'checkbox', defaultValue: false },
    { name: 'profil', type: 'select', required: true, options: options(PROFILS), index: true },
    { name: 'problematique', type: 'text', required: true, index: true },
    { name: 'accepteContact', type: 'select', required: true, options: options(ACCORDS_CONTACT) },
    { name: 'statut', type: 'select', required: true, options: options(STATUTS), index: true },
    { name: 'historique', type: 'json', required: true },
    { name: 'retoursArticle4', type: 'json' },
    { name: 'connueDepartement', type: 'select', options: options(CONNAISSANCES), defaultValue: 'inconnu' },
    { name: 'connueCaf', type: 'select', options: options(CONNAISSANCES), defaultValue: 'inconnu' },
    { name: 'priseEnChargeLe', type: 'date' },
    { name: 'clotureeLe', type: 'date', index: true },
    { name: 'donneesEffaceesLe', type: 'date' },
    { name: 'ditALaPersonne', type: 'text' },
    { name: 'texteLibre', type: 'text' },
    // Saisine importée de la synthèse du GGD 01 : empreinte HMAC de sa ligne (domaine/saisines/synthese-ggd.ts),
    // pour qu'un fichier envoyé deux fois ne crée rien deux fois ; unique jusque dans la base. Effacée avec l'identité.
    { name: 'empreinteSynthese', type: 'text', unique: true },
    // Clé tirée à l'affichage du formulaire de dépôt (domaine/saisines/cle-depot.ts) : le même formulaire
    // renvoyé (réponse perdue, serveur redémarré entre l'écriture et la réponse) retrouve sa saisine au
    // lieu d'en créer une seconde. Unique jusque dans la base.
    { name: 'cleDepot', type: 'text', unique: true, admin: { hidden: true } },
    {
      name: 'personnes',
      type: 'array',
      required: true,
      fields: [
        // Nom, prénom, date de naissance, téléphone : un seul chiffré (JSON), effacé à l'échéance.
        { name: 'identite', type: 'text' },
        { name: 'clePersonne', type: 'text', index: true },
        { name: 'age', type: 'number' },
        { name: 'sexe', type: 'select', required: true, options: options(SEXES) },
        { name: 'situationFamiliale', type: 'select', required: true, options: options(SITUATIONS_FAMILIALES) },
        { name: 'commune', type: 'text', index: true },
      ],
    },
  ],
}
