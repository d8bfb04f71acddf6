import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { deposerDemande, dossierDemandes, surveillerDemandes } from '../../socle/publication/demandesExternes'

describe('demandes de publication venues d’un autre processus', () => {
  it('traite les demandes déposées avant le démarrage, puis celles qui arrivent, et les consomme', async () => {
    const donnees = mkdtempSync(path.join(os.tmpdir(), 'passerelle-demandes-'))
    deposerDemande(donnees, 'import data·inclusion')
    const recues: string[] = []
    const veilleur = surveillerDemandes(donnees, (r) => recues.push(r))
    expect(recues).toEqual(['import data·inclusion'])
    deposerDemande(donnees, 'amorçage')
    await expect.poll(() => recues).toEqual(['import data·inclusion', 'amorçage'])
    expect(readdirSync(dossierDemandes(donnees))).toEqual([])
    veilleur.close()
  })
})
