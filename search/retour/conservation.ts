import { RETENTION_JOURS } from './contrat.ts'

/**
 * Conservation des « Recherches sans résultat » : 90 jours après la dernière
 * fois qu'une recherche a été faite sans résultat, son entrée est supprimée
 * (RGPD : durée limitée, même pour des comptes anonymes).
 */
const JOUR_MS = 86_400_000

/** Instant avant lequel une dernière recherche est trop ancienne : son entrée est à supprimer. */
export function limiteConservation(maintenant: Date): Date {
  return new Date(maintenant.getTime() - RETENTION_JOURS * JOUR_MS)
}

/** L'entrée dont la dernière recherche date de `derniere` est-elle à supprimer ? */
export function estPerimee(derniere: Date | string, maintenant: Date): boolean {
  return new Date(derniere).getTime() < limiteConservation(maintenant).getTime()
}
