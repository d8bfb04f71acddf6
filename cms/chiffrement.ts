import { creerTrousseau, type Trousseau } from '../socle/chiffrement'
import { configuration } from '../socle/configuration'

/**
 * Le trousseau du serveur : la clé actuelle chiffre, les anciennes
 * (PASSERELLE_CLES_ANCIENNES) déchiffrent encore jusqu'à la fin d'une rotation.
 * Un seul pour les secrets du second facteur et les données des saisines,
 * pour qu'une rotation les couvre tous (cms/saisines/rotation.ts).
 */
let enCache: Trousseau | undefined
export const trousseau = (): Trousseau => {
  const c = configuration()
  return (enCache ??= creerTrousseau(c.cleChiffrement, c.clesAnciennes))
}

/** Pour la rotation et les tests, qui changent la configuration en cours de route. */
export const oublierTrousseau = () => {
  enCache = undefined
}
