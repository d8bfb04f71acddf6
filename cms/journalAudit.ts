import type { Payload, PayloadRequest } from 'payload'

import type { EvenementJournal } from '../domaine/journal/evenements'
import { ENTETE_ADRESSE_CLIENT } from '../socle/adresseClient'

/** L'adresse du client posée par le serveur (serveur/serveur.ts), jamais celle qu'un client prétend avoir. */
export const adresseDe = (req: Pick<PayloadRequest, 'headers'> | undefined) => req?.headers?.get(ENTETE_ADRESSE_CLIENT) ?? null

/**
 * Ajoute une ligne au journal d'audit. Écrit par le serveur seul (les accès le
 * refusent à tous), dans la transaction de la requête quand il y en a une.
 */
export async function journaliser(payload: Payload, evenement: EvenementJournal, req?: PayloadRequest): Promise<void> {
  await payload.create({
    collection: 'journal',
    data: { action: evenement.action, acteur: evenement.acteur == null ? null : Number(evenement.acteur), cible: evenement.cible ?? null, adresse: evenement.adresse ?? adresseDe(req) },
    overrideAccess: true,
    req,
    context: { sansPublication: true },
  })
}
