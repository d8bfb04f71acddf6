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

export async function teardown() {
  await portail?.arreter()
}
