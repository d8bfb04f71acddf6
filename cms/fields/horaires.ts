import opening_hours from 'opening_hours'
import type { TextField } from 'payload'

/** Horaires au format OpenStreetMap « opening_hours », vérifiés par la bibliothèque de référence. */
export const champHoraires = (): TextField => ({
  name: 'horaires_accueil',
  label: "Horaires d'accueil",
  type: 'text',
  admin: { description: 'Syntaxe OpenStreetMap, ex. « Mo-Fr 08:30-12:00,13:30-17:00; PH off ».' },
  validate: (valeur: string | null | undefined) => {
    if (!valeur) return true
    try {
      new opening_hours(valeur, null)
      return true
    } catch {
      return "Horaires d'accueil : syntaxe non reconnue (ex. « Mo-Fr 09:00-12:00 »)."
    }
  },
})
