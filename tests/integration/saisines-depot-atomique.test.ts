import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Dépôt d'une saisine d'un bloc (PostgreSQL) : la saisine, sa ligne de journal
 * et la fin du brouillon. Sous `npm run bench:charge`, PostgreSQL redémarré
 * entre deux de ces écritures laissait des saisines enregistrées derrière une
 * erreur 500 : l'agent, qui croit son dépôt refusé, le refait (doublon), et la
 * saisine n'a pas sa ligne de journal. La panne est ici une vraie erreur de la
 * base : un déclencheur refuse la ligne de journal du dépôt.
 * SQLite : Payload n'y ouvre pas de transaction (voir cms/saisines/depot.ts).
 */
const postgres = process.env.PASSERELLE_TEST_BASE === 'postgres'

describe.runIf(postgres)('dépôt d’une saisine : tout ou rien', () => {
  let base: BaseDeTest
  let decor: DecorSaisines
  let depot: typeof import('../../cms/saisines/depot')
  const sql = async (requete: string) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query(requete)
    } finally {
      await client.end()
    }
  }
  const compter = async (collection: 'saisines' | 'journal') => (await base.payload.count({ collection, overrideAccess: true })).totalDocs

  beforeAll(async () => {
    process.env.SAISINES_EN_LIGNE = 'oui'
    base = await demarrerBaseDeTest()
    decor = await poserDecor(base, 'atomique')
    depot = await import('../../cms/saisines/depot')
  })
  afterAll(async () => base?.fermer())

  it('la ligne de journal refusée par la base : aucune saisine ne reste, et le dépôt suivant passe en entier', async () => {
    await sql(`CREATE FUNCTION refuser_journal_du_depot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'saisine-deposee' THEN RAISE EXCEPTION 'journal indisponible'; END IF; RETURN NEW; END $$`)
    await sql('CREATE TRIGGER refuser_journal_du_depot BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION refuser_journal_du_depot()')
    const saisinesAvant = await compter('saisines')
    const champs = { ...champsSaisine({ texteLibre: 'Dépôt interrompu par la base.' }), mode: 'portail' }

    await expect(depot.deposerSaisine(base.payload, decor.agentA, champs, { urlPortail: 'http://localhost' })).rejects.toThrow()
    expect(await compter('saisines')).toBe(saisinesAvant)

    await sql('DROP TRIGGER refuser_journal_du_depot ON journal')
    const journalAvant = await compter('journal')
    const r = await depot.deposerSaisine(base.payload, decor.agentA, champs, { urlPortail: 'http://localhost' })
    expect(r.ok).toBe(true)
    expect(await compter('saisines')).toBe(saisinesAvant + 1)
    const lignes = await base.payload.find({ collection: 'journal', where: { action: { equals: 'saisine-deposee' } }, overrideAccess: true, depth: 0 })
    expect(lignes.docs.map((l) => l.cible)).toContain(`saisines:${r.ok ? r.id : ''}`)
    expect(await compter('journal')).toBeGreaterThan(journalAvant)
  })
})
