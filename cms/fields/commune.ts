import type { SelectField } from 'payload'

import { optionsCommunesAin } from '../../content/communes'

/** Commune de l'Ain choisie dans la liste officielle (jamais saisie à la main). */
export const champCommuneAin = (surcharge: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'commune',
    label: 'Commune',
    type: 'select',
    options: optionsCommunesAin(),
    enumName: 'commune_ain',
    ...surcharge,
  }) as SelectField
