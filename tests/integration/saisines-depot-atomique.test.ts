import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Dépôt d'une saisine d'un bloc : la saisine, ses personnes, sa ligne de
 * journal et la fin du brouillon (cms/saisines/ecriture.ts). Sous
 * `npm run bench:charge`, PostgreSQL redémarré entre deux de ces écritures
 * laissait des saisines enregistrées derrière une erreur 500 : l'agent, qui
 * croit son dépôt refusé, le refait (doublon), et la saisine n'a pas sa ligne
 * de journal. La panne est ici une vraie erreur de la base : un déclencheur
 * refuse la ligne de journal du dépôt, sur SQLite comme sur PostgreSQL.
 */
describe('dépôt d’une saisine : tout ou rien', () => {
  let base: BaseDeTest
  let decor: DecorSaisines
  let depot: typeof import('../../cms/saisines/depot')
  const postgres = () => base.type === 'postgres'
  const sql = async (requete: string) => {
    if (!postgres()) {
      await (base.payload.db as unknown as { client: { execute: (s: string) => Promise<unknown> } }).client.execute(requete)
      return
    }
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query(requete)
    } finally {
      await client.end()
    }
  }
  const compter = async (collection: 'saisines' | 'journal' | 'brouillons-saisines') => (await base.payload.count({ collection, overrideAccess: true })).totalDocs
  const personnesEnBase = async () =>
    postgres()
      ? Number((await base.payload.db.drizzle.execute('select count(*) as n from saisines_personnes')).rows[0].n)
      : Number((await (base.payload.db as unknown as { client: { execute: (s: string) => Promise<{ rows: { n: number }[] }> } }).client.execute('select count(*) as n from saisines_personnes')).rows[0]!.n)

  beforeAll(async () => {
    process.env.SAISINES_EN_LIGNE = 'oui'
    base = await demarrerBaseDeTest()
    decor = await poserDecor(base, 'atomique')
    depot = await import('../../cms/saisines/depot')
  })
  afterAll(async () => base?.fermer())

  it('la ligne de journal refusée par la base : ni saisine ni personne ne restent, le brouillon non plus n’est pas effacé ; le dépôt suivant passe en entier', async () => {
    if (postgres()) {
      await sql(`CREATE FUNCTION refuser_journal_du_depot() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.action = 'saisine-deposee' THEN RAISE EXCEPTION 'journal indisponible'; END IF; RETURN NEW; END $$`)
      await sql('CREATE TRIGGER refuser_journal_du_depot BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION refuser_journal_du_depot()')
    } else {
      await sql(`CREATE TRIGGER refuser_journal_du_depot BEFORE INSERT ON journal WHEN NEW.action = 'saisine-deposee' BEGIN SELECT RAISE(ABORT, 'journal indisponible'); END`)
    }
    const { garderBrouillon } = await import('../../cms/saisines/brouillons')
    const champs = { ...champsSaisine({ texteLibre: 'Dépôt interrompu par la base.' }), mode: 'portail' }
    await garderBrouillon(base.payload, decor.agentA.id, champs)
    const [saisinesAvant, personnesAvant, brouillonsAvant] = [await compter('saisines'), await personnesEnBase(), await compter('brouillons-saisines')]

    await expect(depot.deposerSaisine(base.payload, decor.agentA, champs, { urlPortail: 'http://localhost' })).rejects.toThrow()
    expect(await compter('saisines')).toBe(saisinesAvant)
    expect(await personnesEnBase()).toBe(personnesAvant)
    expect(await compter('brouillons-saisines')).toBe(brouillonsAvant)

    await sql('DROP TRIGGER refuser_journal_du_depot' + (postgres() ? ' ON journal' : ''))
    const journalAvant = await compter('journal')
    const r = await depot.deposerSaisine(base.payload, decor.agentA, champs, { urlPortail: 'http://localhost' })
    expect(r.ok).toBe(true)
    expect(await compter('saisines')).toBe(saisinesAvant + 1)
    expect(await personnesEnBase()).toBe(personnesAvant + 1)
    expect(await compter('brouillons-saisines')).toBe(brouillonsAvant - 1)
    const lignes = await base.payload.find({ collection: 'journal', where: { action: { equals: 'saisine-deposee' } }, overrideAccess: true, depth: 0 })
    expect(lignes.docs.map((l) => l.cible)).toContain(`saisines:${r.ok ? r.id : ''}`)
    expect(await compter('journal')).toBe(journalAvant + 1)
  })
})
