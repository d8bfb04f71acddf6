import type { IncomingMessage } from 'node:http'

/**
 * L'adresse du client telle que le serveur HTTP l'a vue, transmise à Payload
 * dans un en-tête que le serveur écrase à chaque requête. Next, lui, garde un
 * X-Forwarded-For envoyé par le client : s'y fier laisserait n'importe qui se
 * faire passer pour le poste de l'opérateur auprès de la limitation des connexions.
 */
export const ENTETE_ADRESSE_CLIENT = 'x-passerelle-adresse-client'

export function poserAdresseClient(req: IncomingMessage) {
  req.headers[ENTETE_ADRESSE_CLIENT] = req.socket.remoteAddress ?? 'inconnue'
}
