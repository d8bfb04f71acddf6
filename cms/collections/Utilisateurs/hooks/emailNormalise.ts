import type { CollectionBeforeValidateHook } from 'payload'

/** Une adresse, une seule écriture : « Prenom.Nom@Interieur.gouv.fr » et sa forme en minuscules sont le même compte. */
export const emailNormalise: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.email === 'string') data.email = data.email.trim().toLowerCase()
  return data
}
