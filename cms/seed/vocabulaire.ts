import { ValidationError, type Payload } from 'payload'

import { entreesPourReferentiel } from '../../search/vocabulaire/index'
import { creerFiche, lireFiches } from '../collections/Vocabulaire/fiche'

/**
 * Amorce le référentiel depuis search/vocabulaire/vocabulaire.json, sans
 * jamais réécrire une entrée existante (clé : `code`). Une entrée livrée qui
 * contredirait une modification de l'admin (même saisie rattachée à une autre
 * entrée) n'est pas créée : l'admin l'emporte, un avertissement est journalisé.
 */
export async function seederVocabulaire(payload: Payload): Promise<{ vocabulaire: { crees: number; existants: number } }> {
  const codes = new Set((await lireFiches(payload)).map((f) => f.code))
  const bilan = { crees: 0, existants: 0 }
  for (const entree of entreesPourReferentiel()) {
    if (codes.has(entree.code)) {
      bilan.existants++
      continue
    }
    try {
      await creerFiche(payload, entree, { sansPublication: true, seed: true })
      codes.add(entree.code)
      bilan.crees++
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      const details = (e.data as { errors?: { path: string; message: string }[] } | null)?.errors ?? []
      payload.logger.warn(
        `Vocabulaire de recherche : entrée livrée « ${entree.code} » non créée (en conflit avec le référentiel modifié) : ${details.map((d) => `${d.path} : ${d.message}`).join(' ; ')}`,
      )
    }
  }
  return { vocabulaire: bilan }
}
