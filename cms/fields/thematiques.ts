import type { TextField } from 'payload'

import { referentiels } from '../../content/schemas/data-inclusion'

/**
 * Thématiques data·inclusion : champ texte multiple validé, et non liste de
 * choix, car 19 codes dépassent les 63 caractères qu'accepte une énumération
 * PostgreSQL. Partagé par les services, le vocabulaire de recherche et le logigramme.
 */
export const champThematiques = (label = 'Thématiques'): TextField => ({
  name: 'thematiques',
  label,
  type: 'text',
  hasMany: true,
  admin: { description: 'Codes data·inclusion, ex. « famille--surmonter-conflits-separation-violence ».' },
  validate: (valeurs: string[] | null | undefined) => {
    const inconnues = (valeurs ?? []).filter((v) => !(v in referentiels.thematiques))
    return inconnues.length === 0 ? true : `${label} : code(s) inconnu(s) ${inconnues.map((v) => `« ${v} »`).join(', ')}.`
  },
})
