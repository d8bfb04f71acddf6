import type { TestProject } from 'vitest/node'

import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'

/** Un portail partagé par les tests de bout en bout (admin.test.ts démarre le sien, vierge). */
declare module 'vitest' {
  export interface ProvidedContext {
    urlPortail: string
    dossierDonnees: string
  }
}

let portail: PortailDeTest | undefined

export async function setup(project: TestProject) {
  portail = await demarrerPortailDeTest()
  project.provide('urlPortail', portail.url)
  project.provide('dossierDonnees', portail.dossier)
}

/**
 * Après tous les fichiers : le journal du portail partagé passe au crible (demarrerPortail.ts).
 * Vitest ne fait qu'afficher l'erreur d'un teardown ; le code de sortie la rend bloquante pour `npm test`.
 */
export async function teardown() {
  try {
    await portail?.arreter()
  } catch (e) {
    process.exitCode = 1
    throw e
  }
}
