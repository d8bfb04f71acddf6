import type { CollectionConfig } from 'payload'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { validerAdresseWeb } from '../../fields/adresseWeb'
import { champsAdresse } from '../../fields/adresse'
import { options } from '../../fields/codesDataInclusion'
import { champHoraires } from '../../fields/horaires'
import { champTelephone } from '../../fields/telephone'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { supprimerAvec } from '../../hooks/suppressions'
import { exporterAnnuaireEndpoint } from './endpoints/exporter'
import { reindexerStructure } from '../../recherche/hooks'

/**
 * Structures partenaires vers lesquelles l'intervenant social oriente
 * (cahier des charges, « Description des besoins »). Noms de champs du schéma
 * data·inclusion v1, pour importer et exporter sans table de correspondance.
 */
export const Structures: CollectionConfig = {
  slug: 'structures',
  labels: { singular: 'Structure partenaire', plural: 'Structures partenaires' },
  admin: {
    useAsTitle: 'nom',
    defaultColumns: ['nom', 'type_partenaire', 'commune', 'date_maj'],
    group: 'Annuaire',
    listSearchableFields: ['nom', 'commune', 'id_source'],
    components: { beforeListTable: ['/components/LiensExportAnnuaire#LiensExportAnnuaire'] },
  },
  endpoints: [exporterAnnuaireEndpoint],
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'nom',
  hooks: {
    ...hooksDePublication,
    afterChange: [...hooksDePublication.afterChange, reindexerStructure],
    beforeDelete: [
      supprimerAvec([
        { collection: 'services', champ: 'structure' },
        { collection: 'signalements', champ: 'structure' },
      ]),
    ],
  },
  fields: [
    {
      name: 'id_source',
      label: 'Identifiant data·inclusion',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { position: 'sidebar', description: 'Sert aussi d’adresse de la fiche : /annuaire/<identifiant>.' },
      validate: (v: string | null | undefined) =>
        !v || /^[a-z0-9][a-z0-9-]*$/.test(v) || 'Identifiant : lettres minuscules, chiffres et tirets.',
    },
    { name: 'source', label: 'Source', type: 'text', required: true, defaultValue: 'passerelle', admin: { position: 'sidebar' } },
    { name: 'nom', label: 'Nom', type: 'text', required: true },
    { name: 'description', label: 'Description', type: 'textarea' },
    {
      name: 'type_partenaire',
      label: 'Type de partenaire',
      type: 'select',
      required: true,
      options: options.typesPartenaires,
      enumName: 'type_partenaire',
    },
    {
      name: 'reseaux_porteurs',
      label: 'Réseaux porteurs',
      type: 'select',
      hasMany: true,
      options: options.reseauxPorteurs,
      enumName: 'reseau_porteur',
    },
    ...champsAdresse(),
    champTelephone(),
    {
      name: 'numero_court',
      label: 'Numéro national court',
      type: 'text',
      admin: { description: '115, 119, 3919… (numéros publics et gratuits).' },
    },
    { name: 'courriel', label: 'Courriel', type: 'email' },
    { name: 'site_web', label: 'Site web', type: 'text', validate: validerAdresseWeb('Site web') },
    champHoraires(),
    { name: 'siret', label: 'SIRET', type: 'text' },
    { name: 'accessibilite_lieu', label: "Lien vers l'accessibilité du lieu", type: 'text', validate: validerAdresseWeb("Lien vers l'accessibilité du lieu") },
    { name: 'lien_source', label: 'Lien vers la fiche source', type: 'text', validate: validerAdresseWeb('Lien vers la fiche source') },
    {
      name: 'date_maj',
      label: 'Date de mise à jour',
      type: 'date',
      required: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    },
    {
      name: 'services',
      label: 'Services',
      type: 'join',
      collection: 'services',
      on: 'structure',
    },
  ],
}
