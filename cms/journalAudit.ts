import type { Payload, PayloadRequest } from 'payload'

import type { EvenementJournal } from '../domaine/journal/evenements'
import { ENTETE_ADRESSE_CLIENT } from '../socle/adresseClient'

/** L'adresse du client posée par le serveur (serveur/serveur.ts), jamais celle qu'un client prétend avoir. */
export const adresseDe = (req: Pick<PayloadRequest, 'headers'> | undefined) => req?.headers?.get(ENTETE_ADRESSE_CLIENT) ?? null

/**
 * Ajoute une ligne au journal d'audit. Écrit par le serveur seul (les accès le
 * refusent à tous), dans la transaction de la requête quand il y en a une.
 *
 * Par l'adaptateur de base, en une seule insertion : chaque lecture et écriture
 * d'une saisine en ajoute une, et l'API locale relirait la ligne qu'elle vient
 * d'écrire. Rien n'est sauté qui compte : la collection n'a de hooks que contre
 * la modification et la suppression, l'action vient de la liste fermée du
 * domaine (typée ; PostgreSQL la contraint aussi par son type énuméré).
 */
export async function journaliser(payload: Payload, evenement: EvenementJournal, req?: PayloadRequest): Promise<void> {
  const instant = new Date().toISOString()
  await payload.db.create({
    collection: 'journal',
    data: {
      action: evenement.action,
      acteur: evenement.acteur == null ? null : Number(evenement.acteur),
      cible: evenement.cible ?? null,
      adresse: evenement.adresse ?? adresseDe(req),
      createdAt: instant,
      updatedAt: instant,
    },
    req,
    returning: false,
  })
}
