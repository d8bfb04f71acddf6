import type { TextField } from 'payload'

const versSlug = (texte: string) =>
  texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** Identifiant d'URL stable, déduit du champ source à la création, modifiable ensuite. */
export const champSlug = (source: string): TextField => ({
  name: 'slug',
  label: "Identifiant dans l'adresse (slug)",
  type: 'text',
  required: true,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: 'Lettres minuscules, chiffres et tirets. Changer cet identifiant change l’adresse de la page.',
  },
  validate: (valeur: string | null | undefined) =>
    !valeur || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(valeur)
      ? true
      : 'Le slug ne doit contenir que des lettres minuscules sans accent, des chiffres et des tirets.',
  hooks: {
    beforeValidate: [
      ({ value, data }) => {
        if (value) return value
        const origine = data?.[source]
        return typeof origine === 'string' ? versSlug(origine) : value
      },
    ],
  },
})

export { versSlug }
