/**
 * Tailles maximales des corps de requête. Payload lit un corps multipart entier
 * en mémoire avant de vérifier les droits : sans plafond au serveur, un seul
 * envoi anonyme de plusieurs gigaoctets épuise le processus qui sert tout.
 */
const MO = 1024 * 1024

/** Formulaires du portail et éditions JSON de l'admin. */
export const LIMITE_CORPS_OCTETS = 1 * MO
/** Téléversement d'un fichier dans la médiathèque (plaquettes PDF, logos). */
export const LIMITE_TELEVERSEMENT_OCTETS = 20 * MO

/** Fichier de la synthèse hebdomadaire du GGD 01 (CSV ou XLSX d'une semaine : quelques dizaines de Ko). */
export const LIMITE_FICHIER_SYNTHESE_OCTETS = 2 * MO
/** Le formulaire qui porte ce fichier : le fichier, le jeton CSRF et l'enveloppe multipart. */
const LIMITE_ENVOI_SYNTHESE_OCTETS = LIMITE_FICHIER_SYNTHESE_OCTETS + 64 * 1024

/** Les routes qui reçoivent des fichiers : création ou remplacement d'un média ; synthèse du GGD. */
const ROUTE_TELEVERSEMENT = /^\/api\/medias(\/[^/?]+)?(\?|$)/
const ROUTE_SYNTHESE = /^\/espace\/saisines\/synthese-ggd\/?(\?|$)/

export function limiteCorps(methode: string | undefined, url: string): number {
  if ((methode === 'POST' || methode === 'PATCH') && ROUTE_TELEVERSEMENT.test(url)) return LIMITE_TELEVERSEMENT_OCTETS
  if (methode === 'POST' && ROUTE_SYNTHESE.test(url)) return LIMITE_ENVOI_SYNTHESE_OCTETS
  return LIMITE_CORPS_OCTETS
}

export type Verdict = { accepte: true } | { accepte: false; statut: 411 | 413; message: string }

/**
 * Décide sur les seuls en-têtes, avant d'avoir lu un octet du corps. Node
 * n'accepte jamais plus d'octets que Content-Length n'en annonce : l'en-tête
 * est donc une borne sûre. Un corps « chunked » sans longueur n'a pas de borne
 * connue d'avance, il est refusé (les navigateurs et les proxys envoient la longueur).
 */
export function verifierCorps(methode: string | undefined, url: string, entetes: { 'content-length'?: string; 'transfer-encoding'?: string }): Verdict {
  const longueur = entetes['content-length']
  if (longueur === undefined) {
    if (entetes['transfer-encoding']) return { accepte: false, statut: 411, message: 'Longueur de la requête requise (Content-Length).' }
    return { accepte: true }
  }
  const octets = Number(longueur)
  const limite = limiteCorps(methode, url)
  if (!Number.isFinite(octets) || octets > limite)
    return { accepte: false, statut: 413, message: `Requête trop volumineuse : ${Math.round(limite / MO)} Mo au plus.` }
  return { accepte: true }
}
