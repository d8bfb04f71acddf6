import { createHmac } from 'node:crypto'

/**
 * Clé pseudonyme d'une personne : compter les bénéficiaires distincts
 * (indicateur « Nombre de bénéficiaires et profils ») et repérer une personne
 * saisie deux fois, sans jamais déchiffrer une identité.
 *
 * HMAC-SHA256, avec une clé secrète reçue en paramètre (la configuration la
 * fournit ; ce module ne lit pas l'environnement), sur nom, prénom et date de
 * naissance normalisés. Un simple SHA-256 se renverserait en essayant les noms
 * courants et les dates plausibles : sans la clé, l'empreinte ne dit rien.
 *
 * Normalisation : minuscules, accents et cédilles retirés (« Hélène » =
 * « HELENE »), ligatures développées (« Œ » = « oe »), tirets, apostrophes et
 * ponctuation remplacés par une espace, espaces multiples réduites
 * (« Jean-Pierre » = « jean  pierre »). Les trois champs sont séparés par un
 * caractère qui ne survit pas à la normalisation, pour que « ab » + « c » ≠
 * « a » + « bc ».
 *
 * Limites, assumées et à dire aux lecteurs des indicateurs :
 * - deux homonymes nés le même jour ont la même clé (compte par défaut) ;
 * - une faute de frappe, un nom d'usage au lieu du nom de naissance, un prénom
 *   composé abrégé ou une date erronée donnent deux clés (compte par excès) ;
 *   aucune recherche approchée n'est possible, c'est le prix du pseudonyme ;
 * - sans date de naissance (âge seul), pas de clé : `undefined`, et la personne
 *   est comptée à part (« bénéficiaires non dédoublonnables ») ;
 * - la clé change si la clé secrète change : une rotation de la clé HMAC
 *   impose de recalculer toutes les clés (depuis les identités déchiffrées).
 */

export type IdentitePourCle = { nom: string; prenom: string; dateNaissance?: string | null }

const LONGUEUR_MIN_CLE = 32
const SEPARATEUR = '\u001f'

export function normaliserIdentite(texte: string): string {
  return texte
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .replace(/ß/gu, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function clePersonne(identite: IdentitePourCle, cleSecrete: Uint8Array | string): string | undefined {
  const octets = typeof cleSecrete === 'string' ? Buffer.from(cleSecrete, 'utf8') : cleSecrete
  if (octets.length < LONGUEUR_MIN_CLE) throw new Error(`Clé de pseudonymisation : ${LONGUEUR_MIN_CLE} octets au moins (reçu ${octets.length})`)
  const nom = normaliserIdentite(identite.nom)
  const prenom = normaliserIdentite(identite.prenom)
  const naissance = identite.dateNaissance?.trim()
  if (!nom || !prenom || !naissance || !/^\d{4}-\d{2}-\d{2}$/.test(naissance)) return undefined
  return createHmac('sha256', octets).update([nom, prenom, naissance].join(SEPARATEUR), 'utf8').digest('hex')
}
