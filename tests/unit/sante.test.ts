import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creerReglesProxy } from '../../serveur/proxy'
import { creerServeur } from '../../serveur/serveur'
import { avecDelai, enCache, evaluerDisponibilite, type Disponibilite } from '../../socle/sante'

/** Logique de /sante/pret (obligatoire, facultatif, délai, cache) et routes du serveur, sur un vrai serveur HTTP. */
describe('disponibilité', () => {
  const ok = { obligatoire: true, verifier: async () => ({ ok: true, documents: 12 }) }

  it('ok quand tout répond, avec le détail de chaque dépendance', async () => {
    expect(await evaluerDisponibilite({ base: ok, recherche: ok })).toEqual({
      statut: 'ok',
      base: { ok: true, documents: 12 },
      recherche: { ok: true, documents: 12 },
    })
  })

  it('indisponible quand une dépendance obligatoire lève, avec le seul type de l’erreur', async () => {
    const d = await evaluerDisponibilite({
      base: {
        obligatoire: true,
        verifier: async () => {
          throw new TypeError('SQLITE_BUSY: select * from utilisateurs where email = "marie.durand@example.org"')
        },
      },
      recherche: ok,
    })
    expect(d.statut).toBe('indisponible')
    expect(d.base).toEqual({ ok: false, erreur: 'TypeError' })
    expect(JSON.stringify(d)).not.toContain('marie')
  })

  it('dégradé (pas indisponible) quand seule une dépendance facultative manque', async () => {
    const d = await evaluerDisponibilite({ base: ok, courriel: { obligatoire: false, verifier: async () => ({ ok: false, erreur: 'ECONNREFUSED' }) } })
    expect(d.statut).toBe('degrade')
    const dOblig = await evaluerDisponibilite({ base: { obligatoire: true, verifier: async () => ({ ok: false }) }, courriel: { obligatoire: false, verifier: async () => ({ ok: false }) } })
    expect(dOblig.statut).toBe('indisponible')
  })

  it('une dépendance qui ne répond pas dans le délai est en défaut, sans bloquer la sonde', async () => {
    const debut = Date.now()
    const d = await evaluerDisponibilite({ base: ok, lente: { obligatoire: true, verifier: () => new Promise(() => {}) } }, 100)
    expect(Date.now() - debut).toBeLessThan(1000)
    expect(d.statut).toBe('indisponible')
    expect(d.lente).toEqual({ ok: false, erreur: 'DelaiDepasse' })
    await expect(avecDelai(Promise.resolve(3), 50)).resolves.toBe(3)
  })
})

describe('vérification gardée en cache', () => {
  it('interroge une fois par période, partage les appels simultanés, réinterroge après', async () => {
    let t = 0
    let appels = 0
    const verifier = enCache(async () => ++appels, 30_000, () => t)
    expect(await Promise.all([verifier(), verifier(), verifier()])).toEqual([1, 1, 1])
    t = 29_999
    expect(await verifier()).toBe(1)
    t = 30_000
    expect(await verifier()).toBe(2)
    expect(appels).toBe(2)
  })

  it('ne garde pas une vérification qui a levé', async () => {
    let appels = 0
    const verifier = enCache(
      async () => {
        appels++
        if (appels === 1) throw new Error('panne')
        return 'ok'
      },
      30_000,
      () => 0,
    )
    await expect(verifier()).rejects.toThrow('panne')
    expect(await verifier()).toBe('ok')
  })
})

describe('routes /sante et /sante/pret', () => {
  let disponibilite: Disponibilite = { statut: 'ok' }
  let appels = 0
  const serveur = creerServeur({
    dossierStatique: () => undefined,
    next: (_req, res) => void res.end('next'),
    astro: (_req, res) => void res.end('astro'),
    sante: async () => {
      appels++
      return disponibilite
    },
    proxy: creerReglesProxy(['127.0.0.1']),
    // Portail réservé aux personnes connectées : les sondes restent libres.
    sessionExigee: async () => false,
  })
  let url = ''
  beforeAll(async () => {
    await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
    url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((ok) => serveur.close(ok)))

  it('/sante dit seulement que le processus répond, sans interroger les dépendances', async () => {
    disponibilite = { statut: 'indisponible', base: { ok: false } }
    const r = await fetch(`${url}/sante`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toContain('application/json')
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(await r.json()).toEqual({ statut: 'ok' })
    expect(appels).toBe(0)
  })

  it('/sante/pret : 200 si ok ou dégradé, 503 si indisponible, le détail en JSON', async () => {
    disponibilite = { statut: 'ok', base: { ok: true } }
    expect((await fetch(`${url}/sante/pret`)).status).toBe(200)
    disponibilite = { statut: 'degrade', base: { ok: true }, courriel: { ok: false, erreur: 'ECONNREFUSED' } }
    const degrade = await fetch(`${url}/sante/pret?x=1`)
    expect(degrade.status).toBe(200)
    expect(await degrade.json()).toEqual(disponibilite)
    disponibilite = { statut: 'indisponible', base: { ok: false, erreur: 'DelaiDepasse' } }
    const indisponible = await fetch(`${url}/sante/pret`)
    expect(indisponible.status).toBe(503)
    expect(((await indisponible.json()) as Disponibilite).statut).toBe('indisponible')
    expect(appels).toBe(3)
  })
})
