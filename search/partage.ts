import type { MoteurRecherche } from './port.ts'

/**
 * Le moteur de recherche du serveur, partagé entre les hooks Payload (code de
 * l'admin compilé par Next), les routes Astro et le serveur : trois copies des
 * modules, un seul index. Hors du serveur (seed, tests, CLI), aucun moteur
 * n'est installé et les hooks n'indexent rien.
 */
const CLE = Symbol.for('passerelle.recherche.moteur')
type AvecMoteur = typeof globalThis & { [CLE]?: MoteurRecherche }

export function installerMoteur(moteur: MoteurRecherche | undefined): void {
  ;(globalThis as AvecMoteur)[CLE] = moteur
}

export const moteurInstalle = (): MoteurRecherche | undefined => (globalThis as AvecMoteur)[CLE]
