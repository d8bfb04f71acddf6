import type { IncomingMessage } from 'node:http'

/**
 * L'adresse du client, établie par le serveur (connexion, ou proxy de
 * confiance : serveur/proxy.ts) et transmise à Payload et au journal d'audit
 * dans un en-tête que le serveur écrase à chaque requête. Next, lui, garde un
 * X-Forwarded-For envoyé par le client : s'y fier laisserait n'importe qui se
 * faire passer pour le poste de l'opérateur auprès de la limitation des connexions.
 */
export const ENTETE_ADRESSE_CLIENT = 'x-passerelle-adresse-client'

export function poserAdresseClient(req: IncomingMessage, adresse: string) {
  req.headers[ENTETE_ADRESSE_CLIENT] = adresse || 'inconnue'
}
