import type { TextField } from 'payload'

const FORMAT = /^0\d( \d\d){4}$/

/** Numéro français à 10 chiffres, mis en forme « 04 65 71 12 34 » pour l'affichage et les liens tel:. */
export const champTelephone = (name = 'telephone', label = 'Téléphone'): TextField => ({
  name,
  label,
  type: 'text',
  admin: { description: 'Format : 04 65 71 12 34' },
  hooks: {
    beforeValidate: [
      ({ value }) => {
        if (typeof value !== 'string') return value
        const chiffres = value.replace(/\D/g, '')
        return chiffres.length === 10 ? chiffres.replace(/(\d\d)(?=\d)/g, '$1 ') : value.trim()
      },
    ],
  },
  validate: (valeur: string | null | undefined) =>
    !valeur || FORMAT.test(valeur) ? true : `${label} : numéro à 10 chiffres attendu (ex. 04 65 71 12 34).`,
})
