import { BlockList, isIP } from 'node:net'
import type { IncomingMessage } from 'node:http'

/**
 * Le proxy inverse TLS placé devant le portail (README, docker-compose.yml)
 * transmet le protocole et l'adresse du client dans X-Forwarded-Proto et
 * X-Forwarded-For. Ces en-têtes ne sont crus que s'ils viennent d'une adresse
 * de proxy de confiance (PASSERELLE_PROXYS) : n'importe quel client peut les
 * écrire lui-même.
 */
export type ReglesProxy = { proxys: BlockList; urlPublique?: string }

/** Node écrit « ::ffff:127.0.0.1 » pour un client IPv4 sur une socket IPv6. */
const sansPrefixeIpv6 = (adresse: string) => adresse.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

export function creerReglesProxy(adresses: readonly string[], urlPublique?: string): ReglesProxy {
  const proxys = new BlockList()
  for (const entree of adresses) {
    const [adresse = '', masque] = entree.split('/')
    const famille = isIP(adresse) === 6 ? 'ipv6' : 'ipv4'
    if (masque === undefined) proxys.addAddress(adresse, famille)
    else proxys.addSubnet(adresse, Number(masque), famille)
  }
  return { proxys, urlPublique }
}

const deConfiance = (adresse: string | undefined, regles: ReglesProxy) => {
  if (!adresse) return false
  const a = sansPrefixeIpv6(adresse)
  return isIP(a) !== 0 && regles.proxys.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4')
}

type Requete = Pick<IncomingMessage, 'headers' | 'method'> & { socket: { remoteAddress?: string } }

/** La connexion vient-elle d'un proxy de confiance (ses en-têtes X-Forwarded-*, X-Request-Id sont alors crus) ? */
export const viaProxyDeConfiance = (req: Requete, regles: ReglesProxy) => deConfiance(req.socket.remoteAddress, regles)

const premiere = (valeur: string | string[] | undefined) => (Array.isArray(valeur) ? valeur[0] : valeur)?.split(',')[0]?.trim()

/**
 * L'adresse réelle du client : la connexion elle-même, sauf si elle vient d'un
 * proxy de confiance ; alors X-Forwarded-For est lu de droite à gauche (chaque
 * proxy ajoute l'adresse qu'il voit à la fin) jusqu'à la première adresse qui
 * n'est pas un proxy de confiance. Ce qu'un client écrit à gauche est ignoré.
 */
export function adresseClient(req: Requete, regles: ReglesProxy): string {
  const directe = sansPrefixeIpv6(req.socket.remoteAddress ?? '')
  if (!deConfiance(directe, regles)) return directe
  const chaine = [req.headers['x-forwarded-for']].flat().join(',').split(',').map((a) => sansPrefixeIpv6(a.trim())).filter(Boolean)
  for (let i = chaine.length - 1; i >= 0; i--) {
    if (isIP(chaine[i]!) === 0) return directe
    if (!deConfiance(chaine[i], regles)) return chaine[i]!
  }
  return chaine[0] ?? directe
}

/** L'origine que voit le navigateur : https si un proxy de confiance l'affirme. */
function origineDeLaRequete(req: Requete, regles: ReglesProxy): string | undefined {
  const hote = premiere(req.headers.host)
  if (!hote) return undefined
  const protocole = deConfiance(req.socket.remoteAddress, regles) && premiere(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http'
  return `${protocole}://${hote}`
}

const METHODES_SURES = new Set(['GET', 'HEAD', 'OPTIONS'])
const TYPES_DE_FORMULAIRE = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

/**
 * Protection CSRF des routes du portail (à la place de `security.checkOrigin`
 * d'Astro, qui ne voit que http derrière le proxy et refuserait donc tous les
 * formulaires légitimes, envoyés par le navigateur avec une origine https) :
 * un envoi de formulaire doit venir de l'adresse publique (PASSERELLE_URL) ou de
 * l'origine de la requête elle-même.
 */
export function origineAcceptee(req: Requete, regles: ReglesProxy): boolean {
  if (METHODES_SURES.has(req.method ?? 'GET')) return true
  const type = premiere(req.headers['content-type'])?.toLowerCase()
  if (type && !TYPES_DE_FORMULAIRE.some((t) => type.includes(t))) return true
  const origine = premiere(req.headers.origin)
  if (!origine) return false
  const acceptees = [regles.urlPublique && new URL(regles.urlPublique).origin, origineDeLaRequete(req, regles)]
  return acceptees.includes(origine)
}
