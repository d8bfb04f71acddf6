/**
 * PROVISOIRE : remplacé à la fusion par la version de la branche main (socle
 * de sessions, écrit en parallèle). Mêmes signatures, pour que les pages du
 * second facteur et de « mon compte » compilent ; aucune session n'existe
 * encore sur cette branche, ces fonctions refusent donc d'agir.
 */
import type { Payload } from 'payload'

type Id = number | string
export type SessionListee = { id: Id; appareil: string | null; creeLe: string; vueLe: string }

const indisponible = (): never => {
  throw new Error('Sessions indisponibles sur cette branche : cms/auth/sessions.ts est provisoire (remplacé à la fusion).')
}

export async function ouvrirSession(
  _payload: Payload,
  _options: { utilisateur: Id; appareil?: string; adresse?: string; secondFacteur: boolean; methode: 'mot-de-passe' | 'proconnect' },
): Promise<{ jeton: string; cookie: string }> {
  return indisponible()
}

export async function marquerSecondFacteur(_payload: Payload, _sessionId: Id): Promise<void> {
  indisponible()
}

export async function listerSessions(_payload: Payload, _utilisateurId: Id): Promise<SessionListee[]> {
  return indisponible()
}

export async function revoquerSession(_payload: Payload, _utilisateurId: Id, _sessionId: Id): Promise<void> {
  indisponible()
}

export async function revoquerSessions(_payload: Payload, _utilisateurId: Id, _motif: string, _options: { sauf?: Id } = {}): Promise<void> {
  indisponible()
}
