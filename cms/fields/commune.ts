import type { SelectField } from 'payload'

import { communesDeLAin } from '../../domaine/territoire'

/** Commune de l'Ain choisie dans la liste officielle (jamais saisie à la main). */
export const champCommuneAin = (surcharge: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'commune',
    label: 'Commune',
    type: 'select',
    options: communesDeLAin().map((c) => ({ value: c.code, label: `${c.nom} (${c.code})` })),
    enumName: 'commune_ain',
    ...surcharge,
  }) as SelectField
