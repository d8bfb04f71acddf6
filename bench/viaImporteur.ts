import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { DocumentService } from '../search/port.ts'

/**
 * Charge le fichier comme en production : import data·inclusion dans une base
 * SQLite jetable (validation, transaction), puis documents de recherche lus
 * depuis le CMS, exactement ceux que le serveur indexe.
 */
export async function documentsViaImporteur(donnees: unknown, nomFichier: string, log: (m: string) => void): Promise<DocumentService[]> {
  process.env.PASSERELLE_DONNEES = mkdtempSync(path.join(os.tmpdir(), 'passerelle-banc-'))
  delete process.env.DATABASE_URL
  const { payloadPourCli } = await import('../cms/cli.ts')
  const { importerDataInclusion } = await import('../cms/annuaire/import/index.ts')
  const { documentsDepuisCms } = await import('../cms/recherche/documents.ts')
  const payload = await payloadPourCli()
  const debut = performance.now()
  const rapport = await importerDataInclusion(payload, donnees, { nomFichier })
  log(`Import : ${JSON.stringify({ crees: rapport.crees, rejetes: rapport.rejetes.length })} en ${Math.round(performance.now() - debut)} ms`)
  return documentsDepuisCms(payload)
}
