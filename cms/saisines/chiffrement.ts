import { configuration } from '../../socle/configuration'
import { clePersonne, type IdentitePourCle } from '../../domaine/saisines'
import { trousseau } from '../chiffrement'

/**
 * Le chiffrement des champs personnels des saisines, suivis, orientations et
 * signalements. Chaque valeur est liée à son enregistrement et à son champ
 * (donnée associée « collection:jeton:champ ») : un chiffré recopié ailleurs
 * ne se déchiffre pas. Le jeton est aléatoire, tiré à la création, car l'id
 * n'existe pas encore quand on chiffre.
 */

export const contexte = (collection: string, jeton: string, champ: string) => `${collection}:${jeton}:${champ}`

export function chiffrerChamp(collection: string, jeton: string, champ: string, valeur: string | null | undefined): string | null {
  if (valeur === undefined || valeur === null || valeur === '') return null
  return trousseau().chiffrer(valeur, contexte(collection, jeton, champ))
}

export function dechiffrerChamp(collection: string, jeton: string, champ: string, chiffre: string | null | undefined): string | null {
  if (!chiffre) return null
  return trousseau().dechiffrer(chiffre, contexte(collection, jeton, champ))
}

/** Identité d'une personne concernée, chiffrée d'un bloc. */
export type Identite = { nom: string; prenom: string; dateNaissance?: string; telephone?: string }

export const chiffrerIdentite = (jeton: string, rang: string, identite: Identite) =>
  chiffrerChamp('saisines', jeton, `personnes.${rang}.identite`, JSON.stringify(identite))

export function dechiffrerIdentite(jeton: string, rang: string, chiffre: string | null | undefined): Identite | null {
  const texte = dechiffrerChamp('saisines', jeton, `personnes.${rang}.identite`, chiffre)
  return texte ? (JSON.parse(texte) as Identite) : null
}

export const clePseudonyme = (identite: IdentitePourCle) => clePersonne(identite, configuration().clePseudonymisation)
