import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { demarrerPortailDeTest, fichierJournal, type PortailDeTest } from '../e2e/demarrerPortail'
import { OPERATEUR, sessionOperateur } from '../e2e/operateur'
import { preparerEnvironnement } from '../outils/payloadDeTest'
import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

/**
 * Coupure pendant une publication (issue 14) : le vrai portail (serveur/demarrer.ts,
 * comme `npm start`) enregistre une modification d'une structure par l'API, puis
 * il est tué par SIGKILL pendant `astro build`, avec la construction (une coupure
 * de courant ou un OOM kill). Redémarré sur le même dossier de données, il doit
 * publier la modification de lui-même et dire que la publication a réussi.
 */
/** Cible : la modification est en ligne moins de 2 minutes après que le portail redémarré répond (2 cœurs, publication complète ~50 s). */
const CIBLE_REPRISE_MS = 120_000

const portails: PortailDeTest[] = []
let nettoyer: (() => Promise<void>) | undefined
afterAll(async () => {
  for (const p of portails) await p.arreter().catch(() => {})
  await nettoyer?.()
})

type Pret = { statut: string; base: { ok: boolean }; recherche: { ok: boolean; documents: number }; publication: { ok: boolean; statut: string; derniereReussite?: string; modificationEnAttente: boolean } }
const pret = async (url: string) => (await (await fetch(`${url}/sante/pret`)).json()) as Pret

async function attendre<T>(quoi: string, delaiMs: number, essai: () => Promise<T | undefined>): Promise<T> {
  const limite = Date.now() + delaiMs
  for (;;) {
    const r = await essai().catch(() => undefined)
    if (r !== undefined) return r
    if (Date.now() > limite) throw new Error(`Pas obtenu en ${delaiMs / 1000} s : ${quoi}`)
    await new Promise((ok) => setTimeout(ok, 200))
  }
}

/** Un `astro build` tourne-t-il dans le groupe de processus du portail ? */
function astroConstruit(groupe: number): boolean {
  try {
    return execFileSync('pgrep', ['-g', String(groupe), '-f', 'astro.mjs build'], { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

// Sur PostgreSQL avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts) : la reprise ne dépend pas
// de la base, et `npm run bench:charge -- --base postgres` la mesure aussi (kill -9 pendant la publication).
describe.runIf(aussiSurPostgresSiLongs())(`publication reprise après un arrêt brutal (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('kill -9 pendant astro build : au redémarrage la modification est publiée et l’état dit « réussie »', { timeout: 900_000 }, async () => {
    // Dossier de données et base jetables (une base PostgreSQL neuve sous integration-postgres).
    const env = await preparerEnvironnement()
    nettoyer = env.nettoyer
    const base: Record<string, string> = env.type === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL! } : {}
    const avant = await demarrerPortailDeTest({ dossier: env.dossier, groupe: true, env: { ...base, PUBLICATION_DELAI_MS: '500' } })
    portails.push(avant)
    const cookie = await sessionOperateur(avant.url, avant.dossier)
    const entetes = { Cookie: cookie, 'Content-Type': 'application/json' }

    const liste = (await (await fetch(`${avant.url}/api/structures?limit=1&depth=0&sort=id`, { headers: entetes })).json()) as {
      docs: { id: number; id_source: string; nom: string }[]
    }
    const structure = liste.docs[0]!
    const fiche = `/annuaire/${structure.id_source}/`
    const nouveauNom = `${structure.nom} (reprise ${Date.now().toString(36)})`
    expect(await (await fetch(avant.url + fiche)).text()).not.toContain(nouveauNom)

    const modification = await fetch(`${avant.url}/api/structures/${structure.id}`, { method: 'PATCH', headers: entetes, body: JSON.stringify({ nom: nouveauNom }) })
    expect(modification.status).toBe(200)
    // La demande est sur le disque avant même que la publication commence.
    expect(existsSync(path.join(avant.dossier, 'publication', 'demande-en-attente.json'))).toBe(true)

    // Coupure quand la publication est « en cours » et qu'astro construit vraiment.
    await attendre('publication en cours avec astro build', 120_000, async () =>
      (await pret(avant.url)).publication.statut === 'en-cours' && astroConstruit(avant.groupe!) ? true : undefined,
    )
    await new Promise((ok) => setTimeout(ok, 1500))
    expect(astroConstruit(avant.groupe!), 'astro build tourne encore au moment de la coupure').toBe(true)
    await avant.tuer()
    expect(astroConstruit(avant.groupe!)).toBe(false)
    expect(existsSync(path.join(avant.dossier, 'publication', 'demande-en-attente.json'))).toBe(true)

    const redemarrage = Date.now()
    const apres = await demarrerPortailDeTest({ dossier: avant.dossier, groupe: true, env: { ...base, PUBLICATION_DELAI_MS: '500' } })
    portails.push(apres)
    const pretEnMs = Date.now() - redemarrage
    // Le dernier portail valide est servi tout de suite, sans la modification (la construction a été tuée).
    expect((await fetch(apres.url + fiche)).status).toBe(200)

    const servi = Date.now()
    await attendre('la fiche montre la modification', CIBLE_REPRISE_MS, async () =>
      (await (await fetch(apres.url + fiche)).text()).includes(nouveauNom) ? true : undefined,
    )
    const publieEnMs = Date.now() - servi
    const etat = await attendre('état « réussie »', 10_000, async () => {
      const p = await pret(apres.url)
      return p.publication.statut === 'reussie' ? p : undefined
    })
    expect(etat.publication.modificationEnAttente).toBe(false)
    // Les sondes du vrai portail : vivacité sans détail, disponibilité avec chaque dépendance (pas de relais configuré ici).
    const vivacite = await fetch(`${apres.url}/sante`)
    expect([vivacite.status, await vivacite.json()]).toEqual([200, { statut: 'ok' }])
    const sondePret = await fetch(`${apres.url}/sante/pret`)
    expect(sondePret.status).toBe(200)
    expect(sondePret.headers.get('x-request-id')).toBeTruthy()
    const detail = (await sondePret.json()) as Pret & { courriel?: unknown }
    expect(detail).toMatchObject({ statut: 'ok', base: { ok: true }, recherche: { ok: true, moteur: 'embarque' }, publication: { ok: true, statut: 'reussie' } })
    expect(detail.recherche.documents).toBeGreaterThan(100)
    expect(Date.parse(detail.publication.derniereReussite!)).toBeGreaterThan(redemarrage)
    expect(detail.courriel).toBeUndefined()
    expect(existsSync(path.join(apres.dossier, 'publication', 'demande-en-attente.json'))).toBe(false)
    // Ce que l'admin montre (global « publication ») dit la même chose.
    const cookieApres = await sessionOperateur(apres.url, apres.dossier)
    const global = (await (await fetch(`${apres.url}/api/globals/publication?depth=0`, { headers: { Cookie: cookieApres } })).json()) as {
      statut: string
      resume: string
      raison: string
    }
    expect(global.statut).toBe('reussie')
    expect(global.resume).toMatch(/^Dernière publication : réussie à \d\d:\d\d$/)
    expect(global.raison).toContain('reprise après un arrêt du serveur')
    // Journal JSON des deux processus : la modification y est avec son identifiant de requête, sans le courriel de l'opératrice.
    const journal = readFileSync(fichierJournal(apres.dossier), 'utf8')
    const requetes = journal
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; methode?: string; chemin?: string; statut?: number; requete?: string })
      .filter((l) => l.msg === 'requête')
    const patch = requetes.find((l) => l.methode === 'PATCH' && l.chemin === `/api/structures/${structure.id}`)
    expect(patch).toMatchObject({ statut: 200 })
    expect(patch!.requete).toBe(modification.headers.get('x-request-id'))
    expect(journal).not.toContain(OPERATEUR.email)
    expect(journal).not.toContain(OPERATEUR.motDePasse)
    console.log(
      `[reprise ${env.type}] portail redémarré prêt en ${(pretEnMs / 1000).toFixed(1)} s, modification publiée ${(publieEnMs / 1000).toFixed(1)} s plus tard` +
        ` (total ${((pretEnMs + publieEnMs) / 1000).toFixed(1)} s après le redémarrage)`,
    )
  })
})
