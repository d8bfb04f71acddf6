/**
 * Rôles des comptes. Les libellés sont ceux des utilisateurs du dispositif
 * (cahier des charges ISCG de l'Ain, « Modalités de mise en œuvre » et « Le pilotage de l'action »).
 */
export const ROLES = {
  operateur: "Opérateur (association employeuse)",
  intervenant: 'Intervenant social',
  'agent-fsi': 'Policier ou gendarme (FSI)',
  coordination: 'Coordination (préfecture, autorités fonctionnelles)',
  financeur: 'Financeur',
} as const

export type Role = keyof typeof ROLES

export const optionsRoles = Object.entries(ROLES).map(([value, label]) => ({ value, label }))
