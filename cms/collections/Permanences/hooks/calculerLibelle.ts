import type { CollectionBeforeChangeHook } from 'payload'

import { libellePermanence, lirePermanence } from '../../../../domaine/permanences'
import { permanenceDepuisDocument, type DocumentPermanence } from '../versDomaine'

/** « CH Fleyriat — chaque mardi après-midi » : le titre lisible d'une permanence dans les listes de l'admin. */
export const calculerLibelle: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const doc = { ...(originalDoc ?? {}), ...data } as DocumentPermanence
  const permanence = lirePermanence(permanenceDepuisDocument(doc))
  const idSite = typeof doc.site === 'object' && doc.site ? doc.site.id : doc.site
  const site = idSite ? await req.payload.findByID({ collection: 'sites', id: idSite, depth: 0, req, overrideAccess: true }).catch(() => undefined) : undefined
  return { ...data, libelle: `${site?.nom ?? 'Lieu'} — ${libellePermanence(permanence)}` }
}
