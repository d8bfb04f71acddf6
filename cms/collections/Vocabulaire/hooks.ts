import { ValidationError, type CollectionAfterChangeHook, type CollectionAfterDeleteHook, type CollectionBeforeValidateHook, type PayloadRequest } from 'payload'

import { entreeVocabulaire, problemesEntreEntrees } from '../../../search/vocabulaire/schema'
import { ErreurVocabulaire, vocabulaireDepuisEntrees } from '../../../search/vocabulaire/index'
import { moteurInstalle } from '../../../search/partage'
import { vocabulaireDuCms } from '../../recherche/vocabulaire'
import { entreeDepuisFiche, lireFiches, SLUG_VOCABULAIRE } from './fiche'

type ErreurChamp = { path: string; message: string }

/**
 * Problèmes du vocabulaire futur (toutes les fiches, celle-ci remplacée ou
 * ajoutée), rattachés aux champs de la fiche saisie. La fiche est placée en
 * dernier : un conflit (« une saisie ne doit avoir qu'un sens ») est alors
 * signalé sur elle, pas sur l'entrée existante.
 */
export function erreursDuVocabulaireFutur(entree: Record<string, unknown>, autres: readonly Record<string, unknown>[]): ErreurChamp[] {
  try {
    vocabulaireDepuisEntrees([...autres, entree])
    return []
  } catch (e) {
    if (!(e instanceof ErreurVocabulaire)) throw e
    const erreurs: ErreurChamp[] = []
    const seule = entreeVocabulaire.safeParse(entree)
    if (!seule.success)
      for (const issue of seule.error.issues) erreurs.push({ path: String(issue.path[0] ?? 'code'), message: issue.message })
    for (const p of problemesEntreEntrees({ entrees: [...autres, entree] }))
      if (p.path[1] === autres.length) erreurs.push({ path: String(p.path[2] ?? 'code'), message: p.message })
    // Filet : un problème que l'on ne sait pas rattacher à un champ reste signalé, en entier.
    return erreurs.length > 0 ? erreurs : [{ path: 'code', message: e.problemes.join(' ; ') }]
  }
}

/**
 * Une modification ne doit jamais casser la recherche : le vocabulaire entier
 * qui en résulterait est validé, et l'opérateur reçoit le message en français
 * sur le champ fautif. Les textes sont enregistrés tels que validés (espaces
 * superflues retirées). Vaut aussi pour l'amorçage : une entrée livrée qui
 * contredirait une modification de l'admin est refusée.
 */
export const validerEntreeVocabulaire: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const entree = entreeDepuisFiche({ ...(originalDoc ?? {}), ...(data ?? {}) })
  const autres = (await lireFiches(req.payload, req)).filter((f) => originalDoc?.id == null || f.id !== originalDoc.id).map(entreeDepuisFiche)
  const erreurs = erreursDuVocabulaireFutur(entree, autres)
  if (erreurs.length > 0) throw new ValidationError({ collection: SLUG_VOCABULAIRE, errors: erreurs, req }, req.t)
  const valide = entreeVocabulaire.parse(entree)
  return { ...data, ...valide }
}

/** Amorçage (context.seed) ou écriture en masse (context.sansPublication) : le serveur relit le vocabulaire à la fin. */
const ignorer = (context: Record<string, unknown>) => Boolean(context.seed || context.sansPublication)

async function transmettreAuMoteur(req: PayloadRequest, context: Record<string, unknown>) {
  const moteur = moteurInstalle()
  if (!moteur || ignorer(context)) return
  try {
    await moteur.changerVocabulaire(await vocabulaireDuCms(req.payload, { req }))
  } catch (e) {
    // La fiche est valide et enregistrée : le moteur la recevra au prochain démarrage.
    req.payload.logger.error({ err: e, msg: 'Vocabulaire de recherche : le moteur n’a pas pu recevoir la modification.' })
  }
}

/** Une modification de l'opérateur change les résultats de recherche immédiatement. */
export const publierVocabulaireApresModification: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  await transmettreAuMoteur(req, context)
  return doc
}

export const publierVocabulaireApresSuppression: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  await transmettreAuMoteur(req, context)
  return doc
}
