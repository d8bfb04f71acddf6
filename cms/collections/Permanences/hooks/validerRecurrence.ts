import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { permanenceSchema, problemesDe } from '../../../../domaine/permanences/schema'
import { permanenceDepuisDocument, type DocumentPermanence } from '../versDomaine'

/**
 * Toute la cohérence d'une permanence (jour du préréglage, rangs, règle
 * personnalisée, exception qui tombe bien un jour de la série…) est vérifiée
 * par le module de domaine : l'opérateur reçoit le même message en français,
 * attaché au champ concerné, que dans les tests.
 */
export const validerRecurrence: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const doc = { ...(originalDoc ?? {}), ...(data ?? {}) } as DocumentPermanence
  const resultat = permanenceSchema.safeParse(permanenceDepuisDocument(doc))
  if (resultat.success) return data
  const problemes = problemesDe(resultat.error)
  throw new ValidationError({
    collection: 'permanences',
    errors: resultat.error.issues.map((issue, i) => ({
      path: issue.path.join('.'),
      message: `${problemes[i]!.champ ? `${problemes[i]!.champ} : ` : ''}${problemes[i]!.message}`,
    })),
  })
}
