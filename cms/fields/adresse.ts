import type { Field } from 'payload'

import { codeCommuneReel, RE_CODE_COMMUNE, RE_CODE_POSTAL } from '../../domaine/territoire'

/** Champs de localisation data·inclusion v1 (noms identiques au schéma pour l'import et l'export). */
export const champsAdresse = (): Field[] => [
  { name: 'adresse', label: 'Adresse', type: 'text' },
  { name: 'complement_adresse', label: "Complément d'adresse", type: 'text' },
  {
    type: 'row',
    fields: [
      {
        name: 'code_postal',
        label: 'Code postal',
        type: 'text',
        validate: (v: string | null | undefined) => !v || RE_CODE_POSTAL.test(v) || 'Code postal : 5 chiffres attendus.',
      },
      { name: 'commune', label: 'Commune', type: 'text' },
      {
        name: 'code_insee',
        label: 'Code INSEE',
        type: 'text',
        index: true,
        validate: (v: string | null | undefined) =>
          !v ||
          (RE_CODE_COMMUNE.test(v) ? codeCommuneReel(v) || `Code INSEE : « ${v} » ne désigne aucune commune.` : 'Code INSEE : 5 caractères attendus (ex. 01053).'),
      },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'latitude', label: 'Latitude', type: 'number', min: -90, max: 90 },
      { name: 'longitude', label: 'Longitude', type: 'number', min: -180, max: 180 },
    ],
  },
]
