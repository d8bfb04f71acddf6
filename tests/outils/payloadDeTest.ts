import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'
import type { Payload } from 'payload'

/**
 * Payload sur une vraie base jetable : fichier SQLite dans un dossier temporaire,
 * ou base PostgreSQL créée pour le fichier de test puis supprimée. Le choix vient
 * du projet vitest (PASSERELLE_TEST_BASE). Rien n'est simulé.
 */
export const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const serveurPostgres = () => process.env.PASSERELLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432'

export type BaseDeTest = { payload: Payload; type: 'sqlite' | 'postgres'; dossier: string; fermer: () => Promise<void> }

async function sql(requete: string) {
  const client = new pg.Client({ connectionString: `${serveurPostgres()}/postgres` })
  await client.connect()
  try {
    await client.query(requete)
  } finally {
    await client.end()
  }
}

/** Prépare l'environnement d'une base jetable (sans démarrer Payload). */
export async function preparerEnvironnement(): Promise<{ type: 'sqlite' | 'postgres'; dossier: string; nettoyer: () => Promise<void> }> {
  const type = process.env.PASSERELLE_TEST_BASE === 'postgres' ? 'postgres' : 'sqlite'
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-'))
  process.env.PASSERELLE_RACINE = racine
  process.env.PASSERELLE_DONNEES = dossier
  ;(process.env as Record<string, string>).NODE_ENV = 'test'
  let nomBase: string | undefined
  if (type === 'postgres') {
    nomBase = `passerelle_test_${process.pid}_${Date.now()}`
    await sql(`CREATE DATABASE ${nomBase}`)
    process.env.DATABASE_URL = `${serveurPostgres()}/${nomBase}`
  } else delete process.env.DATABASE_URL
  return {
    type,
    dossier,
    nettoyer: async () => {
      if (nomBase) await sql(`DROP DATABASE IF EXISTS ${nomBase} WITH (FORCE)`)
      rmSync(dossier, { recursive: true, force: true })
    },
  }
}

export async function demarrerBaseDeTest(): Promise<BaseDeTest> {
  const env = await preparerEnvironnement()
  const { preparerPayload } = await import('../../cms/base')
  const payload = await preparerPayload()
  return {
    payload,
    type: env.type,
    dossier: env.dossier,
    fermer: async () => {
      await payload.destroy()
      // Le pool PostgreSQL survit à destroy() : la suppression forcée de la base
      // coupe ses connexions inactives, ce qui est attendu ici.
      ;(payload.db as unknown as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on('error', () => {})
      await env.nettoyer()
    },
  }
}

/**
 * Crée le premier compte comme l'écran de premier accès : avec le code
 * d'installation que le serveur afficherait dans sa console au démarrage.
 */
export async function creerPremierOperateur(base: BaseDeTest, data: { email: string; password: string }) {
  const { emettreCodeInstallation } = await import('../../socle/codeInstallation')
  const { hacherMotDePasse } = await import('../../domaine/acces/empreinte-mot-de-passe')
  const codeInstallation = emettreCodeInstallation(base.dossier)
  return base.payload.create({
    collection: 'utilisateurs',
    data: { email: data.email, motDePasse: await hacherMotDePasse(data.password), codeInstallation } as never,
  })
}

/** Un compte de test, tel qu'une invitation acceptée le crée (mot de passe facultatif). */
export async function creerCompte(
  base: BaseDeTest,
  data: { email: string; role: 'operateur' | 'intervenant' | 'agent-fsi' | 'coordination' | 'financeur'; motDePasse?: string; site?: number; poste?: number },
) {
  const { hacherMotDePasse } = await import('../../domaine/acces/empreinte-mot-de-passe')
  const { motDePasse, ...reste } = data
  return base.payload.create({
    collection: 'utilisateurs',
    data: { ...reste, ...(motDePasse ? { motDePasse: await hacherMotDePasse(motDePasse) } : {}) },
    overrideAccess: true,
  })
}
