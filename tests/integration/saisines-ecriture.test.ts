import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Le dépôt écrit en SQL direct (cms/saisines/ecriture.ts) range chaque
 * colonne comme l'API locale de Payload l'aurait rangée : booléens, JSON,
 * ordre des personnes, dates, ligne de journal. Le même dépôt est écrit par
 * les deux chemins, puis comparé ligne à ligne dans la base et relu par
 * Payload. Une migration qui renomme une colonne fait échouer ce test.
 */
describe('écriture d’un dépôt en SQL direct, comme Payload', () => {
  let base: BaseDeTest
  let decor: DecorSaisines
  let pgClient: pg.Client | undefined

  const lignes = async (requete: string, args: unknown[]): Promise<Record<string, unknown>[]> => {
    if (base.type === 'postgres') return (await pgClient!.query(requete.replace(/\?/g, (_, i) => `$${requete.slice(0, i).split('?').length}`), args)).rows
    const client = (base.payload.db as unknown as { client: { execute: (s: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> } }).client
    return (await client.execute({ sql: requete, args })).rows.map((r) => ({ ...r }))
  }

  beforeAll(async () => {
    process.env.SAISINES_EN_LIGNE = 'oui'
    base = await demarrerBaseDeTest()
    decor = await poserDecor(base, 'ecriture')
    if (base.type === 'postgres') {
      pgClient = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await pgClient.connect()
    }
  })
  afterAll(async () => {
    await pgClient?.end()
    await base?.fermer()
  })

  it('deux personnes, urgence, textes chiffrés : mêmes lignes, même document relu, même journal', async () => {
    const { deposerSaisine, donneesSaisine } = await import('../../cms/saisines/depot')
    const { ecrireDepot, ecrireDepotParPayload } = await import('../../cms/saisines/ecriture')
    const { schemaSaisine, versSaisie } = await import('../../domaine/saisines')
    const { entreesActives } = await import('../../cms/saisines/referentiels')

    const champs = {
      ...champsSaisine({ nom: 'Premierdeux', texteLibre: 'Texte libre du dépôt comparé.', ditALaPersonne: 'Rappel promis.' }),
      mode: 'portail',
      urgence: 'oui',
      'personnes.1.nom': 'Secondeux',
      'personnes.1.prenom': 'Alix',
      'personnes.1.age': '12',
      'personnes.1.sexe': 'non-renseigne',
      'personnes.1.situationFamiliale': 'non-renseignee',
    }
    // Le chemin du portail d'abord : il doit réussir tel quel.
    const r = await deposerSaisine(base.payload, decor.agentA, champs, { urlPortail: 'http://localhost' })
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })

    // Puis le même dépôt, écrit par les deux chemins à partir des mêmes données.
    const maintenant = new Date()
    const saisie = { ...versSaisie(champs), mode: 'portail', unite: decor.agentA.site, agent: decor.agentA.id }
    const codes = async (r: 'problematique' | 'mode-saisine') => (await entreesActives(base.payload, r)).map((e) => e.code)
    const s = schemaSaisine({ maintenant, problematiques: await codes('problematique'), origines: await codes('mode-saisine') }).parse(saisie)
    const donnees = donneesSaisine(s, decor.agentA, null, maintenant)
    expect(donnees.personnes).toHaveLength(2)
    const variante = (suffixe: string) => ({ ...donnees, jeton: `${donnees.jeton}${suffixe}`, cleDepot: `${'0'.repeat(31)}${suffixe === 'd' ? 'd' : 'e'}`, personnes: donnees.personnes.map((p) => ({ ...p, id: `${p.id}${suffixe}` })) })
    const instant = new Date('2026-12-04T10:11:12.345Z')
    const direct = (await ecrireDepot(base.payload, { saisine: variante('d'), auteur: decor.agentA.id, adresse: '192.0.2.7', instant })).id
    const parPayload = await ecrireDepotParPayload(base.payload, { saisine: variante('p'), auteur: decor.agentA.id, adresse: '192.0.2.7', instant })

    const sansIdentifiants = (l: Record<string, unknown>) => {
      const { id: _id, jeton: _jeton, cle_depot: _cle, created_at: _c, updated_at: _u, _parent_id: _p, ...reste } = l
      return reste
    }
    const [ligneDirecte, lignePayload] = [(await lignes('select * from saisines where id = ?', [direct]))[0]!, (await lignes('select * from saisines where id = ?', [parPayload]))[0]!]
    expect(sansIdentifiants(ligneDirecte)).toEqual(sansIdentifiants(lignePayload))
    expect(ligneDirecte.urgence).toEqual(lignePayload.urgence)
    expect(new Date(ligneDirecte.created_at as string | Date).toISOString()).toBe(instant.toISOString())

    const personnes = async (id: number) => (await lignes('select * from saisines_personnes where _parent_id = ? order by _order', [id])).map((p) => ({ ...sansIdentifiants(p), id: String(p.id).slice(0, -1) }))
    const [personnesDirectes, personnesPayload] = [await personnes(direct), await personnes(parPayload)]
    expect(personnesDirectes).toHaveLength(2)
    expect(personnesDirectes).toEqual(personnesPayload)

    const relu = async (id: number) => {
      const doc = await base.payload.findByID({ collection: 'saisines', id, depth: 0, overrideAccess: true })
      const { id: _id, jeton: _jeton, cleDepot: _cle, createdAt: _c, updatedAt: _u, ...reste } = doc
      return { ...reste, personnes: reste.personnes?.map((p) => ({ ...p, id: String(p.id).slice(0, -1) })) }
    }
    expect(await relu(direct)).toEqual(await relu(parPayload))

    const journal = async (id: number) => {
      const l = (await base.payload.find({ collection: 'journal', where: { cible: { equals: `saisines:${id}` } }, overrideAccess: true, depth: 0 })).docs
      return l.map(({ action, acteur, adresse }) => ({ action, acteur, adresse }))
    }
    expect(await journal(direct)).toEqual([{ action: 'saisine-deposee', acteur: decor.agentA.id, adresse: '192.0.2.7' }])
    expect(await journal(direct)).toEqual(await journal(parPayload))
    expect(ligneDirecte.cle_depot).toBe(`${'0'.repeat(31)}d`)
    expect(lignePayload.cle_depot).toBe(`${'0'.repeat(31)}e`)
  })

  it('le même formulaire renvoyé (même clé) ne crée qu’une saisine ; la clé d’un autre compte est refusée sans rien dire de sa saisine', async () => {
    const { deposerSaisine } = await import('../../cms/saisines/depot')
    const { nouvelleCleDepot } = await import('../../domaine/saisines')
    const compter = async () => (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
    const journalDe = async (id: number) => (await base.payload.count({ collection: 'journal', where: { cible: { equals: `saisines:${id}` } }, overrideAccess: true })).totalDocs
    const champs = { ...champsSaisine({ nom: 'Renvoyé' }), mode: 'portail' }
    const url = { urlPortail: 'http://localhost' }
    const cleDepot = nouvelleCleDepot()
    const avant = await compter()

    const premier = await deposerSaisine(base.payload, decor.agentA, champs, { ...url, cleDepot })
    const second = await deposerSaisine(base.payload, decor.agentA, champs, { ...url, cleDepot })
    expect(premier).toMatchObject({ ok: true })
    expect(second).toMatchObject({ ok: true, id: premier.ok ? premier.id : -1 })
    expect(await compter()).toBe(avant + 1)
    expect(await journalDe(premier.ok ? premier.id : -1)).toBe(1)

    const autre = await deposerSaisine(base.payload, decor.agentB, champs, { ...url, cleDepot })
    // Rien d'autre que le refus : ni l'id ni quoi que ce soit de la saisine de l'agent A.
    expect(autre).toEqual({ ok: false, statut: 409, erreurs: { formulaire: expect.stringMatching(/^Clé du formulaire : déjà utilisée/) } })
    expect(await compter()).toBe(avant + 1)

    expect(await deposerSaisine(base.payload, decor.agentA, champs, { ...url, cleDepot: 'pas-une-cle' })).toMatchObject({
      ok: false,
      statut: 400,
      erreurs: { formulaire: expect.stringContaining('Clé du formulaire') },
    })
    expect(await deposerSaisine(base.payload, decor.agentA, champs, { ...url, cleDepot: nouvelleCleDepot() })).toMatchObject({ ok: true })
    expect(await compter()).toBe(avant + 2)
  })

  it.skipIf(process.env.PASSERELLE_TEST_BASE === 'postgres')('SQLite : la connexion d’écriture reprend les réglages de celle de Payload, et une seule par client', async () => {
    const { connexionEcriture } = await import('../../cms/saisines/connexionSqlite')
    const db = base.payload.db as unknown as { client: Parameters<typeof connexionEcriture>[0]; clientConfig: { url: string } }
    const connexion = await connexionEcriture(db.client, db.clientConfig.url)
    expect(await connexionEcriture(db.client, db.clientConfig.url)).toBe(connexion)
    const valeur = (pragma: string) => Object.values(connexion.instruction(`PRAGMA ${pragma}`).get() as Record<string, unknown>)[0]
    for (const pragma of ['synchronous', 'foreign_keys', 'journal_mode']) {
      const chezPayload = Object.values((await lignes(`PRAGMA ${pragma}`, []))[0]!)[0]
      expect(String(valeur(pragma)), pragma).toBe(String(chezPayload))
    }
    // NORMAL (1) en WAL, réglé par payload.config.ts ; l'attente du verrou se fait hors de SQLite (test suivant).
    expect(valeur('synchronous')).toBe(1)
    expect(valeur('busy_timeout')).toBe(0)
  })

  it.skipIf(process.env.PASSERELLE_TEST_BASE === 'postgres')('SQLite : verrou d’écriture tenu par un autre processus, le dépôt attend sans arrêter le serveur, puis s’écrit', async () => {
    const { default: Database } = await import('libsql')
    const { cheminSqlite } = await import('../../socle/configuration')
    const { deposerSaisine } = await import('../../cms/saisines/depot')
    const { nouvelleCleDepot } = await import('../../domaine/saisines')
    const url = (base.payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url
    // Comme `npm run annuaire:import` : une autre connexion garde le verrou d'écriture le temps de ses écritures.
    const autre = new Database(cheminSqlite(url))
    autre.exec('BEGIN IMMEDIATE')
    let tics = 0
    const horloge = setInterval(() => tics++, 20)
    try {
      const debut = performance.now()
      const depot = deposerSaisine(base.payload, decor.agentA, champsSaisine({ nom: 'Verrouattente' }), { urlPortail: 'http://localhost', cleDepot: nouvelleCleDepot() })
      await new Promise((ok) => setTimeout(ok, 400))
      // La boucle d'événements a tourné pendant l'attente (une vingtaine de tics) : le serveur répondait encore.
      expect(tics).toBeGreaterThanOrEqual(10)
      autre.exec('COMMIT')
      const r = await depot
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
      expect(performance.now() - debut).toBeGreaterThanOrEqual(400)
    } finally {
      clearInterval(horloge)
      if (autre.inTransaction) autre.exec('ROLLBACK')
      autre.close()
    }
  })
})
