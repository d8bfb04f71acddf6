import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Deux processus écrivent en même temps dans la même base (le serveur et un
 * amorçage, un import, une publication). Avec les réglages par défaut de SQLite,
 * près de la moitié des écritures échouaient en « database is locked » et le
 * verrou restait pris (notes de pile) : WAL et délai d'attente l'évitent.
 */
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

const N = 100

function ecrivainExterne(prefixe: string): Promise<{ echecs: number }> {
  return new Promise((ok, ko) => {
    const enfant = spawn(process.execPath, [path.join(racine, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tests/outils/ecrivain.ts', prefixe, String(N)], {
      cwd: racine,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let sortie = ''
    let erreurs = ''
    enfant.stdout.on('data', (d) => (sortie += d))
    enfant.stderr.on('data', (d) => (erreurs += d))
    enfant.on('close', (code) => {
      const ligne = sortie.trim().split('\n').pop() ?? ''
      try {
        ok(JSON.parse(ligne))
      } catch {
        ko(new Error(`écrivain externe (code ${code}) : ${erreurs.slice(-500)}`))
      }
    })
  })
}

describe(`écritures concurrentes de deux processus (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('aucune écriture perdue, aucune base laissée verrouillée', async () => {
    const externes = [ecrivainExterne('externe-a'), ecrivainExterne('externe-b')]
    let echecsLocaux = 0
    const indices = Array.from({ length: N }, (_, i) => i)
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = indices.shift(); i !== undefined; i = indices.shift()) {
          try {
            await base.payload.create({
              collection: 'referentiels',
              data: { referentiel: 'problematique', code: `local-${i}`, libelle: `Écriture locale ${i}` },
              context: { sansPublication: true },
            })
          } catch {
            echecsLocaux++
          }
        }
      }),
    )
    const echecsExternes = (await Promise.all(externes)).reduce((n, r) => n + r.echecs, 0)
    expect({ echecsLocaux, echecsExternes }).toEqual({ echecsLocaux: 0, echecsExternes: 0 })
    const total = await base.payload.count({ collection: 'referentiels', where: { code: { like: '-' } } })
    expect(total.totalDocs).toBe(3 * N)
    // Après la course, la base accepte encore une écriture immédiatement.
    await expect(
      base.payload.create({ collection: 'referentiels', data: { referentiel: 'profil', code: 'apres-course', libelle: 'Après' }, context: { sansPublication: true } }),
    ).resolves.toMatchObject({ code: 'apres-course' })
  })
})
