import { ValidationError, type Payload, type PayloadRequest } from 'payload'

import { entreesPourReferentiel, vocabulaireDepuisEntrees, vocabulaireParDefaut, type Vocabulaire } from '../../search/vocabulaire/index'
import { creerFiche, entreeDepuisFiche, lireFiches } from '../collections/Vocabulaire/fiche'

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
