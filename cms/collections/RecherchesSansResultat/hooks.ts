import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { idDe, type Reference } from '../../../domaine/reference'
import { SLUG_VOCABULAIRE, type FicheVocabulaire } from '../Vocabulaire/fiche'
import { SLUG_RECHERCHES_SANS_RESULTAT } from './comptage'


/** API locale vue sans les types générés (le vocabulaire est lu et modifié champ par champ). */
type ApiVocabulaire = {
  findByID(a: Record<string, unknown>): Promise<FicheVocabulaire | null>
  update(a: Record<string, unknown>): Promise<FicheVocabulaire>
}

/**
 * Rattachement en une action : l'opérateur choisit une entrée du vocabulaire
 * et enregistre. La recherche normalisée devient une expression de cette
 * entrée — par la modification ordinaire du vocabulaire, donc validée comme
 * toute autre (une saisie n'a qu'un sens) et transmise aussitôt au moteur du
 * serveur (hooks de cms/collections/Vocabulaire) — puis l'entrée est marquée
 * « rattachée ». Tout se fait dans la transaction de l'enregistrement : si
 * l'expression est refusée, rien n'est changé et l'opérateur lit pourquoi
 * sur le champ « Entrée du vocabulaire ».
 */
export const rattacherAuConcept: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const concept = idDe((data.concept !== undefined ? data.concept : originalDoc.concept) as Reference)
  if (concept === null || (originalDoc.statut === 'rattachee' && idDe(originalDoc.concept as Reference) === concept)) return data

  const requete = String(originalDoc.requete)
  const api = req.payload as unknown as ApiVocabulaire
  const refuser = (message: string): never => {
    throw new ValidationError({ collection: SLUG_RECHERCHES_SANS_RESULTAT, errors: [{ path: 'concept', message }], req }, req.t)
  }
  const fiche = await api.findByID({ collection: SLUG_VOCABULAIRE, id: concept, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!fiche) return refuser('Entrée du vocabulaire : cette entrée n’existe plus.')

  const expressions = fiche.expressions ?? []
  if (!expressions.includes(requete)) {
    try {
      await api.update({
        collection: SLUG_VOCABULAIRE,
        id: fiche.id,
        data: { expressions: [...expressions, requete] },
        req,
        // L'opérateur qui rattache doit aussi pouvoir modifier le vocabulaire (politique) ; le serveur, lui, le peut toujours.
        overrideAccess: !req.user,
        depth: 0,
      })
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      const raisons = e.data.errors.map((err) => err.message).join(' ; ')
      refuser(`Entrée du vocabulaire : « ${requete} » ne peut pas devenir une expression de « ${fiche.libelle} » : ${raisons}`)
    }
  }
  return { ...data, concept, statut: 'rattachee', rattachee_le: new Date().toISOString() }
}
