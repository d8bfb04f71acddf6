import type { Payload, PayloadRequest } from 'payload'

import { vocabulaireDepuisEntrees, vocabulaireParDefaut, type Vocabulaire } from '../../search/vocabulaire/index'
import { entreeDepuisFiche, lireFiches } from '../collections/Vocabulaire/fiche'

/**
 * Le vocabulaire de recherche tenu dans l'admin (collection `vocabulaire`),
 * validé. Référentiel vide (base neuve, pas encore amorcée) : le vocabulaire
 * livré avec Passerelle. Lève une `ErreurVocabulaire` si le référentiel est
 * incohérent (ce que les hooks de la collection empêchent).
 */
export async function vocabulaireDuCms(payload: Payload, options: { req?: PayloadRequest } = {}): Promise<Vocabulaire> {
  const fiches = await lireFiches(payload, options.req)
  if (fiches.length === 0) return vocabulaireParDefaut()
  return vocabulaireDepuisEntrees(fiches.map(entreeDepuisFiche))
}
