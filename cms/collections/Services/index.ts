import type { CollectionConfig, Field } from 'payload'
import { champThematiques } from '../../fields/thematiques'

import { accesSelonPolitique } from '../../access/selonPolitique'
import { validerAdresseWeb } from '../../fields/adresseWeb'
import { champsAdresse } from '../../fields/adresse'
import { options } from '../../fields/codesDataInclusion'
import { champHoraires } from '../../fields/horaires'
import { champTelephone } from '../../fields/telephone'
import { hooksDePublication } from '../../hooks/publierApresModification'
import { problemeCodeDeZone } from '../../../domaine/territoire'
import { indexerService, retirerService } from '../../recherche/hooks'

const selectionMultiple = (
  name: string,
  label: string,
  opts: { value: string; label: string }[],
  enumName: string,
): Field => ({ name, label, type: 'select', hasMany: true, options: opts, enumName })

/**
 * Services d'une structure partenaire (schéma data·inclusion v1) : ce que la
 * structure fait, pour qui, comment la mobiliser, et sur quel territoire
 * (zone d'éligibilité), pour orienter vers le bon service.
 */
export const Services: CollectionConfig = {
  slug: 'services',
  labels: { singular: 'Service', plural: 'Services' },
  admin: {
    useAsTitle: 'nom',
    defaultColumns: ['nom', 'structure', 'type', 'date_maj'],
    group: 'Annuaire',
    listSearchableFields: ['nom', 'id_source'],
  },
  access: accesSelonPolitique('contenu-editorial'),
  defaultSort: 'nom',
  hooks: {
    afterChange: [...hooksDePublication.afterChange, indexerService],
    afterDelete: [...hooksDePublication.afterDelete, retirerService],
  },
  fields: [
    {
      name: 'id_source',
      label: 'Identifiant data·inclusion',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { position: 'sidebar' },
      validate: (v: string | null | undefined) =>
        !v || /^[a-z0-9][a-z0-9-]*$/.test(v) || 'Identifiant : lettres minuscules, chiffres et tirets.',
    },
    { name: 'source', label: 'Source', type: 'text', required: true, defaultValue: 'passerelle', admin: { position: 'sidebar' } },
    {
      name: 'structure',
      label: 'Structure',
      type: 'relationship',
      relationTo: 'structures',
      required: true,
      index: true,
    },
    { name: 'nom', label: 'Nom', type: 'text', required: true },
    { name: 'description', label: 'Description', type: 'textarea' },
    { name: 'type', label: 'Type de service', type: 'select', options: options.typesDeServices, enumName: 'type_service' },
    champThematiques(),
    selectionMultiple('publics', 'Publics', options.publics, 'public'),
    { name: 'publics_precisions', label: 'Précisions sur les publics', type: 'textarea' },
    { name: 'conditions_acces', label: "Conditions d'accès", type: 'textarea' },
    { name: 'frais', label: 'Frais', type: 'select', options: options.frais, enumName: 'frais' },
    { name: 'frais_precisions', label: 'Précisions sur les frais', type: 'textarea' },
    selectionMultiple('modes_accueil', "Modes d'accueil", options.modesAccueil, 'mode_accueil'),
    selectionMultiple('modes_mobilisation', 'Modes de mobilisation', options.modesMobilisation, 'mode_mobilisation'),
    selectionMultiple('mobilisable_par', 'Mobilisable par', options.mobilisablePar, 'mobilisable_par'),
    { name: 'mobilisation_precisions', label: 'Précisions sur la mobilisation', type: 'textarea' },
    { name: 'lien_mobilisation', label: 'Lien de mobilisation', type: 'text', validate: validerAdresseWeb('Lien de mobilisation') },
    {
      type: 'row',
      fields: [
        { name: 'volume_horaire_hebdomadaire', label: 'Volume horaire hebdomadaire', type: 'number', min: 0 },
        { name: 'nombre_semaines', label: 'Nombre de semaines', type: 'number', min: 0 },
      ],
    },
    { name: 'lien_source', label: 'Lien vers la fiche source', type: 'text', validate: validerAdresseWeb('Lien vers la fiche source') },
    {
      name: 'zone_eligibilite',
      label: "Zone d'éligibilité",
      type: 'text',
      hasMany: true,
      admin: {
        description:
          'Codes INSEE de communes (01053), SIREN d’EPCI (200071751), département (01) ou « france ».',
      },
      validate: (valeurs: string[] | null | undefined) => {
        const problemes = (valeurs ?? []).map((v) => problemeCodeDeZone(v)).filter(Boolean)
        return problemes.length === 0 ? true : `Zone d'éligibilité : ${problemes.join(' ; ')}.`
      },
    },
    {
      type: 'collapsible',
      label: 'Lieu et contacts propres au service (si différents de la structure)',
      admin: { initCollapsed: true },
      fields: [
        ...champsAdresse(),
        champTelephone(),
        { name: 'courriel', label: 'Courriel', type: 'email' },
        champHoraires(),
        { name: 'numero_court', label: 'Numéro national court', type: 'text' },
      ],
    },
    {
      name: 'date_maj',
      label: 'Date de mise à jour',
      type: 'date',
      required: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    },
  ],
}
