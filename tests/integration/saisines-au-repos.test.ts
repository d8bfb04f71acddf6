import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, fichierSynthese, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Chiffrement au repos (issue 11, « Personal data ») : une saisine écrite par
 * le service, avec son suivi, ne laisse aucune de ses chaînes personnelles
 * dans les octets de la base — fichier SQLite, son WAL et son index partagé
 * (-shm), lus bruts avant et après point de reprise et après fermeture ; pour
 * PostgreSQL, la sortie de pg_dump. Les champs statistiques et la clé
 * pseudonyme, eux, sont en clair (le test vérifie qu'il les voit : sans quoi
 * il ne prouverait rien).
 */
let base: BaseDeTest
let d: DecorSaisines
let detruite = false

/** Des chaînes qu'aucun autre contenu de la base ne contient. */
const PERSONNE = { nom: 'Quastrabelleau', prenom: 'Éphrémondine', dateNaissance: '1961-07-23', telephone: '06 47 58 69 70' }
const TEXTES = {
  texteLibre: 'Griffonnage sibyllin du voisin Ostrogoth',
  ditALaPersonne: 'Promesse de rappel jeudi par Wenceslas',
  acte: 'Entrevue feutrée chez Barnabéus',
  commentaire: 'Orientation murmurée vers Zéphyrelle',
  signalement: 'Signalement confidentiel Kropotkine',
  brouillon: 'Brouillonnaire Vespasienne',
  enAttente: 'Attentiste Hildegonde',
}
/** La précision du destinataire d'un signalement (« autre ») est un texte libre : un nom peut s'y glisser, elle est chiffrée. */
const PRECISION = 'Substitut Xanthippe'
/** Une ligne de la synthèse hebdomadaire du GGD, importée : même chiffrement que le reste, empreinte seule en clair. */
const SYNTHESE = { nom: 'Synthétiquembert', prenom: 'Ombeline', dateNaissance: '1972-10-29', resume: 'Résumé confidentiel Tancrède', reference: 'PV-Zorobabel-77' }
const CHAINES = [PERSONNE.nom, PERSONNE.prenom, PERSONNE.telephone, PERSONNE.telephone.replace(/ /g, ''), PERSONNE.dateNaissance, PRECISION, ...Object.values(TEXTES), ...Object.values(SYNTHESE)]
let cleAttendue = ''
let empreinteSynthese = ''
/** L'empreinte de la saisie en attente, dernière écriture du décor : forcément encore dans le WAL. */
let derniereEcriture = ''

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  d = await poserDecor(base, 'repos')
  const { deposerSaisine } = await import('../../cms/saisines/depot')
  const traitement = await import('../../cms/saisines/traitement')
  const { garderBrouillon } = await import('../../cms/saisines/brouillons')
  const { mettreEnAttente } = await import('../../cms/saisines/enAttente')
  const url = { urlPortail: 'http://passerelle.test' }
  const r = await deposerSaisine(base.payload, d.agentA, champsSaisine({ ...PERSONNE, texteLibre: TEXTES.texteLibre, ditALaPersonne: TEXTES.ditALaPersonne }), url)
  if (!r.ok) throw new Error(`dépôt impossible : ${JSON.stringify(r.erreurs)}`)
  expect(await traitement.changerStatutSaisine(base.payload, d.intervA, r.id, 'prise-en-charge')).toEqual({ ok: true })
  expect(await traitement.ajouterActe(base.payload, d.intervA, r.id, { type: 'entretien', date: '2026-12-02', texte: TEXTES.acte })).toMatchObject({ ok: true })
  expect(await traitement.ajouterOrientation(base.payload, d.intervA, r.id, { structure: String(d.structure), date: '2026-12-02', commentaire: TEXTES.commentaire })).toMatchObject({ ok: true })
  expect(
    await traitement.enregistrerSignalement(base.payload, d.intervA, r.id, { article: '226-14', date: '2026-12-02', destinataire: 'autre', precisionDestinataire: PRECISION, texte: TEXTES.signalement }),
  ).toMatchObject({ ok: true })
  // La même personne, saisie une seconde fois par l'intervenant : casse et accents différents.
  const r2 = await deposerSaisine(
    base.payload,
    d.intervA,
    { ...champsSaisine({ nom: PERSONNE.nom.toUpperCase(), prenom: 'EPHREMONDINE', dateNaissance: PERSONNE.dateNaissance, telephone: '07 00 00 00 01' }), mode: 'telephone' },
    url,
  )
  if (!r2.ok) throw new Error(`second dépôt impossible : ${JSON.stringify(r2.erreurs)}`)
  const { importerSyntheseGgd } = await import('../../cms/saisines/synthese')
  const importee = await importerSyntheseGgd(
    base.payload,
    d.intervA,
    fichierSynthese([{ Nom: SYNTHESE.nom, Prénom: SYNTHESE.prenom, 'Date de naissance': '29/10/1972', Résumé: SYNTHESE.resume, Référence: SYNTHESE.reference }]),
  )
  if (!importee.ok || importee.rapport.creees.length !== 1) throw new Error(`import de la synthèse impossible : ${JSON.stringify(importee)}`)
  // Un brouillon et une saisie en attente de reconnexion : eux aussi chiffrés.
  await garderBrouillon(base.payload, d.agentB.id, { 'personnes.0.nom': TEXTES.brouillon })
  const jeton = await mettreEnAttente(base.payload, { 'personnes.0.nom': TEXTES.enAttente })
  derniereEcriture = createHash('sha256').update(jeton).digest('hex')
  const { clePseudonyme } = await import('../../cms/saisines/chiffrement')
  cleAttendue = clePseudonyme(PERSONNE)!
  empreinteSynthese = (await base.payload.findByID({ collection: 'saisines', id: importee.rapport.creees[0]!.id, depth: 0, overrideAccess: true })).empreinteSynthese!
}, 180_000)
afterAll(async () => {
  if (!base) return
  if (detruite) rmSync(base.dossier, { recursive: true, force: true })
  else await base.fermer()
})

/** Les formes sous lesquelles une chaîne pourrait traîner dans des octets bruts. */
function formes(s: string): Buffer[] {
  return [...new Set([s, s.toLowerCase(), s.toUpperCase(), s.normalize('NFD'), s.toLowerCase().normalize('NFD')])].flatMap((v) => [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le')])
}

function chainesTrouvees(octets: Buffer): string[] {
  return CHAINES.filter((s) => formes(s).some((f) => octets.includes(f)))
}

describe(`clé pseudonyme (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('la clé est en clair, 64 hexadécimaux, la même pour la même personne quelles que soient casse et accents', async () => {
    const { docs } = await base.payload.find({ collection: 'saisines', where: { mode: { not_equals: 'synthese-ggd' } }, sort: 'id', depth: 0, overrideAccess: true, pagination: false })
    expect(docs).toHaveLength(2)
    const [a, b] = docs.map((s) => s.personnes[0]!.clePersonne)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(b).toBe(a)
    expect(a).toBe(cleAttendue)
    // Une autre date de naissance : une autre personne.
    const { clePseudonyme } = await import('../../cms/saisines/chiffrement')
    expect(clePseudonyme({ ...PERSONNE, dateNaissance: '1961-07-24' })).not.toBe(a)
  })
})

describe.runIf(process.env.PASSERELLE_TEST_BASE !== 'postgres')('octets du fichier SQLite', () => {
  const fichiers = () => {
    const db = path.join(base.dossier, 'passerelle.db')
    return [db, `${db}-wal`, `${db}-shm`].filter((f) => existsSync(f))
  }
  const lire = () => Object.fromEntries(fichiers().map((f) => [path.basename(f), readFileSync(f)]))
  const verifier = (moment: string) => {
    const octets = lire()
    expect(Object.keys(octets), moment).toContain('passerelle.db')
    for (const [nom, o] of Object.entries(octets)) expect(chainesTrouvees(o), `${moment} — ${nom} (${o.length} octets)`).toEqual([])
    // Contrôle : ce qui doit être en clair s'y trouve bien (la lecture voit les données écrites).
    const tout = Buffer.concat(Object.values(octets))
    expect(tout.includes(Buffer.from(cleAttendue)), `${moment} : clé pseudonyme en clair`).toBe(true)
    expect(tout.includes(Buffer.from('violences-conjugales')), `${moment} : problématique en clair`).toBe(true)
    expect(tout.includes(Buffer.from(empreinteSynthese)), `${moment} : empreinte de la ligne de la synthèse en clair`).toBe(true)
    return octets
  }

  it('avant tout point de reprise : base, WAL et -shm sans aucune chaîne personnelle', () => {
    const octets = verifier('avant point de reprise')
    // Le WAL existe et porte les dernières écritures : c'est lui qu'on veut lire avant qu'il soit reversé.
    expect(octets['passerelle.db-wal']?.length ?? 0).toBeGreaterThan(0)
    expect(octets['passerelle.db-wal']!.includes(Buffer.from(derniereEcriture))).toBe(true)
  })

  it('après point de reprise (wal_checkpoint TRUNCATE)', async () => {
    const client = (base.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    verifier('après point de reprise')
  })

  it('après fermeture de la base', async () => {
    await base.payload.destroy()
    detruite = true
    verifier('après fermeture')
  })
})

describe.runIf(process.env.PASSERELLE_TEST_BASE === 'postgres')('sortie de pg_dump', () => {
  it('aucune chaîne personnelle dans le vidage de la base de test', async () => {
    const url = process.env.DATABASE_URL!
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    let vidage: Buffer
    try {
      const serveur = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000 | 0
      let versionPgDump: number | null = null
      try {
        versionPgDump = Number(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }).match(/(\d+)\.\d+/)?.[1])
      } catch {
        versionPgDump = null
      }
      if (versionPgDump !== null && versionPgDump >= serveur) {
        vidage = execFileSync('pg_dump', ['--no-owner', '--no-privileges', url], { maxBuffer: 512 * 1024 * 1024 })
      } else {
        // pg_dump absent ou plus ancien que le serveur (il refuse alors de vider) : toutes les tables, ligne à ligne, en texte.
        console.warn(`pg_dump ${versionPgDump ?? 'absent'} pour un serveur ${serveur} : lecture de chaque table par le client pg`)
        const tables = (await client.query("SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).rows as { schemaname: string; tablename: string }[]
        const morceaux: string[] = []
        for (const t of tables) {
          const { rows } = await client.query(`SELECT t::text AS ligne FROM "${t.schemaname}"."${t.tablename}" t`)
          morceaux.push(...rows.map((r: { ligne: string }) => r.ligne))
        }
        vidage = Buffer.from(morceaux.join('\n'))
      }
    } finally {
      await client.end()
    }
    expect(chainesTrouvees(vidage)).toEqual([])
    // Contrôle : le vidage contient bien la saisine (clé pseudonyme et statistiques en clair, valeurs chiffrées).
    expect(vidage.includes(Buffer.from(cleAttendue))).toBe(true)
    expect(vidage.includes(Buffer.from('violences-conjugales'))).toBe(true)
    expect(vidage.includes(Buffer.from(empreinteSynthese))).toBe(true)
    expect(vidage.toString('utf8')).toMatch(/v1:[0-9a-f]{8}:/)
  })
})
