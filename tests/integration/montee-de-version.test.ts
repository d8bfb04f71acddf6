import { spawn } from 'node:child_process'
import { createReadStream, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, createGunzip } from 'node:zlib'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { preparerEnvironnement, racine } from '../outils/payloadDeTest'

/**
 * Montée de version : la base de la version précédente (tests/fixtures/
 * version-precedente/) reçoit les migrations actuelles au démarrage, et tout
 * ce qu'elle contenait se relit ; le nouveau schéma s'écrit.
 */
const dossierFixture = path.join(racine, 'tests', 'fixtures', 'version-precedente')
let env: Awaited<ReturnType<typeof preparerEnvironnement>>
let payload: Payload
let comptesAvant: Record<string, number>

function chargerPostgres(url: string): Promise<void> {
  return new Promise((ok, ko) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`], { stdio: ['pipe', 'ignore', 'pipe'] })
    let erreur = ''
    psql.stderr.on('data', (d: Buffer) => (erreur += d.toString()))
    psql.on('close', (code) => (code === 0 ? ok() : ko(new Error(`psql : ${erreur}`))))
    createReadStream(path.join(dossierFixture, 'passerelle.postgres.sql.gz')).pipe(createGunzip()).pipe(psql.stdin)
  })
}

beforeAll(async () => {
  env = await preparerEnvironnement()
  comptesAvant = JSON.parse(readFileSync(path.join(dossierFixture, `comptes-${env.type}.json`), 'utf8'))
  if (env.type === 'sqlite') writeFileSync(path.join(env.dossier, 'passerelle.db'), gunzipSync(readFileSync(path.join(dossierFixture, 'passerelle.sqlite.gz'))))
  else await chargerPostgres(process.env.DATABASE_URL!)
  const { preparerPayload } = await import('../../cms/base')
  payload = await preparerPayload()
}, 180_000)
afterAll(async () => {
  await payload?.destroy()
  ;(payload?.db as unknown as { pool?: { on: (e: string, f: () => void) => void } } | undefined)?.pool?.on('error', () => {})
  await env?.nettoyer()
})

describe(`montée de version depuis la base précédente (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('applique toutes les migrations actuelles', async () => {
    const { migrations } = env.type === 'postgres' ? await import('../../cms/migrations/postgres') : await import('../../cms/migrations/sqlite')
    const { docs } = await payload.find({ collection: 'payload-migrations', pagination: false, overrideAccess: true })
    const appliquees = new Set(docs.map((d) => d.name))
    for (const m of migrations) expect(appliquees, m.name).toContain(m.name)
  })

  it('relit chaque enregistrement de chaque collection, en nombre égal', async () => {
    for (const [slug, n] of Object.entries(comptesAvant)) {
      if (slug === 'payload-migrations') continue
      const { docs, totalDocs } = await payload.find({ collection: slug as 'sites', pagination: false, depth: 1, overrideAccess: true })
      expect(totalDocs, slug).toBe(n)
      expect(docs.every((d) => d.id !== undefined), slug).toBe(true)
    }
  })

  it('un compte de la version précédente se connecte avec son mot de passe', async () => {
    const { seConnecter } = await import('../../cms/auth/connexion')
    const r = await seConnecter(payload, { email: 'intervenant@precedente.example.org', motDePasse: 'version-precedente-mot-de-passe-1', adresse: '127.0.0.1' })
    expect(r.ok).toBe(true)
  })

  it('le nouveau schéma s’écrit : une saisine se dépose sur la base montée', async () => {
    const { acteurSaisineDe } = await import('../../cms/saisines/acteur')
    const { deposerSaisine } = await import('../../cms/saisines/depot')
    const compte = (await payload.find({ collection: 'utilisateurs', where: { email: { equals: 'intervenant@precedente.example.org' } }, overrideAccess: true })).docs[0]
    const r = await deposerSaisine(
      payload,
      acteurSaisineDe(compte as never),
      {
        mode: 'telephone', date: '2026-12-01', urgence: 'non', profil: 'detresse', problematique: 'logement-hebergement', accepteContact: 'oui',
        'personnes.0.nom': 'Montée', 'personnes.0.prenom': 'Version', 'personnes.0.age': '40', 'personnes.0.sexe': 'homme', 'personnes.0.situationFamiliale': 'celibataire',
      },
      { urlPortail: 'http://localhost' },
    )
    expect(r).toMatchObject({ ok: true })
  })
})
