/**
 * Point de rencontre entre les hooks Payload et le pipeline de publication.
 * Les hooks s'exécutent dans le code de l'admin compilé par Next, le pipeline
 * dans le serveur : deux copies du module. On passe donc par globalThis pour
 * qu'elles partagent le même planificateur. Hors du serveur (seed, tests, CLI),
 * aucun planificateur n'est armé et la demande est ignorée.
 */
const CLE = Symbol.for('passerelle.publication.planificateur')

type Planificateur = (raison: string) => void
type AvecPlanificateur = typeof globalThis & { [CLE]?: Planificateur }

export function armerPublication(planificateur: Planificateur | undefined): void {
  ;(globalThis as AvecPlanificateur)[CLE] = planificateur
}

export function demanderPublication(raison: string): void {
  ;(globalThis as AvecPlanificateur)[CLE]?.(raison)
}
