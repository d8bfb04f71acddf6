import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

import type { Service, Structure } from '../../cms/payload-types'
import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Import data·inclusion (cms/annuaire/import) sur une vraie base, SQLite et
 * PostgreSQL : création, idempotence, modification, fichiers cassés (rien
 * d'écrit, rien de perdu), import partiel, simulation, annulation d'un import
 * qui échoue en cours d'écriture, et la commande en processus séparé.
 */

const FIXTURE = path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json')
const CASSES = path.join(racine, 'tests', 'fixtures', 'import')

let base: BaseDeTest
let imp: typeof import('../../cms/annuaire/import')

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  imp = await import('../../cms/annuaire/import')
})
afterAll(async () => base?.fermer())

type Fichier = { structures: Record<string, unknown>[]; services: Record<string, unknown>[] }
const lire = (fichier: string): Fichier => JSON.parse(readFileSync(fichier, 'utf8'))
const fixture = () => lire(FIXTURE)
const casse = (nom: string) => lire(path.join(CASSES, nom))

const importer = (donnees: unknown, options: Partial<Parameters<typeof imp.importerDataInclusion>[2]> = {}) =>
  imp.importerDataInclusion(base.payload, donnees, { nomFichier: 'test.json', ...options })

const compter = async () => ({
  structures: (await base.payload.count({ collection: 'structures' })).totalDocs,
  services: (await base.payload.count({ collection: 'services' })).totalDocs,
})
async function fiche(collection: 'structures', idSource: string): Promise<Structure | undefined>
async function fiche(collection: 'services', idSource: string): Promise<Service | undefined>
async function fiche(collection: 'structures' | 'services', idSource: string): Promise<Structure | Service | undefined> {
  return (await base.payload.find({ collection, where: { id_source: { equals: idSource } }, depth: 0, limit: 1 })).docs[0] as Structure | Service | undefined
}

/** Ce qui ne doit pas bouger quand un import est refusé ou annulé : les comptes et deux fiches entières. */
const instantane = async () => ({
  comptes: await compter(),
  structure: await fiche('structures', 's-ccas-bourg-en-bresse'),
  service: await fiche('services', 'sv-ccas-bourg-en-bresse-accueil-social'),
  nouvelle: await fiche('structures', 's-test-import-nouvelle'),
})

describe(`import data·inclusion (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('importe le fichier des partenaires de l’Ain : 259 structures et 416 services créés', async () => {
    const progression: number[] = []
    const debut = performance.now()
    const rapport = await importer(fixture(), { nomFichier: 'partenaires-ain.json', surProgression: (fait, total) => progression.push(fait / total) })
    const duree = Math.round(performance.now() - debut)
    console.info(`[${base.type}] import de partenaires-ain.json (259 structures, 416 services) : ${duree} ms`)

    expect(rapport.rejetes).toEqual([])
    expect(rapport.crees).toEqual({ structures: 259, services: 416 })
    expect(rapport.modifies).toEqual({ structures: 0, services: 0 })
    expect(rapport.ecrit).toBe(true)
    expect(await compter()).toEqual({ structures: 259, services: 416 })
    expect(progression).toHaveLength(675)
    expect(progression.at(-1)).toBe(1)

    // Un numéro national : sans localisation, avec son numéro court.
    const n3919 = await fiche('structures', 's-3919-violences-femmes-info')
    expect(n3919).toMatchObject({ type_partenaire: 'numero-national', numero_court: '3919', horaires_accueil: '24/7' })
    expect(n3919?.commune ?? null).toBeNull()
    // Le service est rattaché à sa structure par la relation.
    const sv = await fiche('services', 'sv-ccas-bourg-en-bresse-accueil-social')
    const s = await fiche('structures', 's-ccas-bourg-en-bresse')
    expect(sv?.structure).toBe(s?.id)
    expect(sv?.thematiques).toEqual([
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    ])
  })

  it('un second import du même fichier ne change rien : tout est « inchangé », rien n’est réécrit', async () => {
    const avant = await fiche('structures', 's-ccas-bourg-en-bresse')
    const rapport = await importer(fixture())
    expect(rapport.inchanges).toEqual({ structures: 259, services: 416 })
    expect(rapport.crees).toEqual({ structures: 0, services: 0 })
    expect(rapport.modifies).toEqual({ structures: 0, services: 0 })
    expect(rapport.ecrit).toBe(false)
    expect((await fiche('structures', 's-ccas-bourg-en-bresse'))?.updatedAt).toBe(avant?.updatedAt)
  })

  it('un enregistrement modifié est « modifié », avec les champs changés ; un champ retiré du fichier est vidé', async () => {
    const donnees = fixture()
    donnees.structures[0]!.telephone = '0465719999' // sera mis en forme par la collection
    delete donnees.structures[0]!.site_web
    donnees.services[3]!.publics = ['seniors']
    const rapport = await importer(donnees)
    expect(rapport.modifies).toEqual({ structures: 1, services: 1 })
    expect(rapport.inchanges).toEqual({ structures: 258, services: 415 })
    expect(rapport.modifications).toEqual([
      { position: 'structures[0]', id: 's-ccas-bourg-en-bresse', champs: ['telephone', 'site_web'] },
      { position: 'services[3]', id: donnees.services[3]!.id, champs: ['publics'] },
    ])
    const s = await fiche('structures', 's-ccas-bourg-en-bresse')
    expect(s?.telephone).toBe('04 65 71 99 99')
    expect(s?.site_web ?? null).toBeNull()
    expect((await fiche('services', donnees.services[3]!.id as string))?.publics).toEqual(['seniors'])

    // Le même fichier une seconde fois : le téléphone mis en forme par la collection compte comme inchangé.
    expect((await importer(donnees)).modifies).toEqual({ structures: 0, services: 0 })
    // Retour au fichier d'origine pour la suite.
    expect((await importer(fixture())).modifies).toEqual({ structures: 1, services: 1 })
  })

  const fichiersCasses: [string, { position: string; champ: string; raison: RegExp }][] = [
    ['champ-manquant.json', { position: 'structures[2]', champ: 'nom', raison: /nom : champ obligatoire manquant/ }],
    [
      'thematique-inconnue.json',
      { position: 'services[2]', champ: 'thematiques[1]', raison: /thématique inconnue : « famille--code-qui-n-existe-pas »/ },
    ],
    ['id-en-double.json', { position: 'structures[2]', champ: 'id', raison: /identifiant en double : « s-test-import-nouvelle » figure aussi en structures\[0\]/ }],
    ['structure-inconnue.json', { position: 'services[2]', champ: 'structure_id', raison: /structure de rattachement inconnue : « s-structure-qui-n-existe-pas »/ }],
    ['telephone-international.json', { position: 'structures[2]', champ: 'telephone', raison: /refusé par l'annuaire : Téléphone : numéro à 10 chiffres/ }],
  ]

  it.each(fichiersCasses)('%s : rejeté avec position, champ et raison ; rien n’est écrit, rien n’est perdu', async (nom, attendu) => {
    const avant = await instantane()
    expect(avant.nouvelle).toBeUndefined()
    const rapport = await importer(casse(nom), { nomFichier: nom })
    expect(rapport.annule).toBe(true)
    expect(rapport.ecrit).toBe(false)
    expect(rapport.rejetes).toContainEqual(expect.objectContaining({ position: attendu.position, champ: attendu.champ, raison: expect.stringMatching(attendu.raison) }))
    // Les enregistrements valides du fichier (une création, deux modifications) n'ont pas été appliqués.
    expect(await instantane()).toEqual(avant)
    expect(imp.formaterRapport(rapport)).toMatch(/aucune donnée modifiée/)
  })

  it('signale tous les problèmes d’un coup, y compris un champ inconnu (faute de frappe) nommé tel quel', async () => {
    const donnees = fixture()
    donnees.structures[4]!.telefone = donnees.structures[4]!.telephone
    donnees.structures[7]!.code_insee = '1053'
    donnees.services[9]!.frais = 'offert'
    const rapport = await importer(donnees)
    expect(rapport.annule).toBe(true)
    expect(rapport.rejetes.map(({ position, champ }) => `${position} ${champ}`)).toEqual([
      'structures[4] ',
      'structures[7] code_insee',
      'services[9] frais',
    ])
    expect(rapport.rejetes[0]!.raison).toBe('champ inconnu : « telefone »')
    expect(rapport.rejetes[2]!.raison).toBe('frais : valeur inconnue : « offert »')
  })

  it('rejette un code bien formé qui ne désigne rien (commune, EPCI), en nommant l’enregistrement, le champ et le code ; un code réel hors de l’Ain passe', async () => {
    const avant = await instantane()
    const donnees = casse('valide.json')
    donnees.structures[0]!.code_insee = '01999'
    donnees.services[0]!.zone_eligibilite = ['01053', '123456789']
    const rapport = await importer(donnees)
    expect(rapport.annule).toBe(true)
    expect(rapport.rejetes).toEqual([
      expect.objectContaining({ position: 'structures[0]', id: 's-test-import-nouvelle', champ: 'code_insee', raison: expect.stringMatching(/« 01999 » ne désigne aucune commune/) }),
      expect.objectContaining({
        position: 'services[0]',
        id: 'sv-test-import-nouvelle-accueil',
        champ: 'zone_eligibilite',
        raison: expect.stringMatching(/« 123456789 » a la forme d’un code mais ne désigne aucun EPCI/),
      }),
    ])
    expect(await instantane()).toEqual(avant)

    // Une structure nationale ou d'un département voisin : des codes réels hors de l'Ain.
    const voisins = casse('valide.json')
    voisins.services[0]!.zone_eligibilite = ['69123', '69', '200046977', 'france']
    const simule = await importer(voisins, { simulation: true })
    expect(simule.rejetes).toEqual([])
  })

  it('ne recopie jamais la valeur d’un champ de contact dans le rapport', async () => {
    const rapport = await importer(casse('telephone-international.json'))
    expect(JSON.stringify(rapport)).not.toContain('65 71 99 02')
    expect(rapport.rejetes[0]!.raison).not.toMatch(/\+33/)
  })

  it('JSON tronqué : message en français avec ligne et colonne, rien n’est écrit', async () => {
    const avant = await instantane()
    await expect(imp.lireFichierJson(path.join(CASSES, 'tronque.json'))).rejects.toThrow(
      /^tronque\.json : ligne \d+, colonne \d+ : JSON invalide : fin de fichier inattendue \(fichier tronqué \?\)$/,
    )
    expect(() => imp.analyserJson('{\n  "structures": [\n    { "id": "s-x" "nom": "X" }\n  ]\n}', 'f.json')).toThrow(
      'f.json : ligne 3, colonne 19 : JSON invalide : « " » inattendu, « , » ou « } » attendu (virgule oubliée ?)',
    )
    expect(await instantane()).toEqual(avant)
  })

  it('simulation : rapporte ce qui serait fait (créations, modifications) sans rien écrire', async () => {
    const avant = await instantane()
    const progression: [number, number][] = []
    const rapport = await importer(casse('valide.json'), { simulation: true, surProgression: (f, t) => progression.push([f, t]) })
    expect(rapport).toMatchObject({
      simulation: true,
      ecrit: false,
      annule: false,
      crees: { structures: 1, services: 1 },
      modifies: { structures: 1, services: 1 },
      absents: { structures: 258, services: 415 },
    })
    expect(rapport.modifications.map((m) => m.champs)).toEqual([['nom'], ['description']])
    expect(progression.at(-1)).toEqual([4, 4])
    expect(imp.formaterRapport(rapport)).toMatch(/simulation : rien n'a été écrit/)
    expect(await instantane()).toEqual(avant)
  })

  it('une écriture refusée par la base en cours d’import annule tout, même en import partiel', async () => {
    // Le courriel passe le schéma data·inclusion mais pas la validation de la collection (domaine en « -. ») ;
    // il arrive après une création et deux modifications, qui doivent être annulées avec lui.
    const avant = await instantane()
    for (const partiel of [false, true]) {
      const essai = importer(casse('courriel-refuse-par-la-base.json'), { nomFichier: 'courriel-refuse-par-la-base.json', partiel })
      await expect(essai).rejects.toThrow(imp.ErreurImport)
      await expect(essai).rejects.toThrow(
        /^courriel-refuse-par-la-base\.json : import annulé, aucune donnée modifiée\. services\[2\] \(id sv-test-import-courriel\), champ courriel : refusé par la base/,
      )
      await expect(essai).rejects.not.toThrow(/ccas-\.example/)
      expect(await instantane()).toEqual(avant)
    }
  })

  it('une panne de la base au milieu d’un gros import annule les centaines d’écritures déjà faites', async () => {
    const avant = await instantane()
    const datesAvant = (await base.payload.find({ collection: 'structures', pagination: false, depth: 0 })).docs.map((s) => [s.id_source, s.date_maj])
    const donnees = fixture()
    for (const s of donnees.structures) s.date_maj = '2026-11-25'
    const db = base.payload.db
    const updateOne = db.updateOne
    let appels = 0
    db.updateOne = async (args) => {
      if (++appels === 200) throw new Error('panne simulée de la base')
      return updateOne.call(db, args)
    }
    try {
      await expect(importer(donnees, { nomFichier: 'gros.json' })).rejects.toThrow(
        /^gros\.json : import annulé, aucune donnée modifiée\. structures\[199\] \(id [a-z0-9-]+\) : erreur pendant l'écriture : panne simulée de la base$/,
      )
    } finally {
      db.updateOne = updateOne
    }
    expect(appels).toBe(200)
    const datesApres = (await base.payload.find({ collection: 'structures', pagination: false, depth: 0 })).docs.map((s) => [s.id_source, s.date_maj])
    expect(datesApres).toEqual(datesAvant)
    expect(await instantane()).toEqual(avant)
    // La base reste utilisable : le même fichier, sans panne, passe.
    expect((await importer(fixture())).inchanges).toEqual({ structures: 259, services: 416 })
  })

  it('import partiel : seuls les enregistrements valides sont importés, les services d’une structure rejetée aussi rejetés', async () => {
    const rapport = await importer(casse('champ-manquant.json'), { partiel: true })
    expect(rapport).toMatchObject({
      annule: false,
      ecrit: true,
      crees: { structures: 1, services: 1 },
      modifies: { structures: 1, services: 1 },
    })
    expect(rapport.rejetes).toEqual([
      { position: 'structures[2]', id: 's-test-import-sans-nom', champ: 'nom', raison: 'nom : champ obligatoire manquant' },
      {
        position: 'services[2]',
        id: 'sv-test-import-sans-nom-accueil',
        champ: 'structure_id',
        raison: 'structure de rattachement « s-test-import-sans-nom » rejetée (structures[2]) : service non importé',
      },
    ])
    expect(await fiche('structures', 's-test-import-nouvelle')).toBeDefined()
    expect(await fiche('services', 'sv-test-import-nouvelle-accueil')).toBeDefined()
    expect(await fiche('structures', 's-test-import-sans-nom')).toBeUndefined()
    expect(await fiche('services', 'sv-test-import-sans-nom-accueil')).toBeUndefined()
    expect((await fiche('structures', 's-ccas-bourg-en-bresse'))?.nom).toBe('CCAS de Bourg-en-Bresse (nom modifié par un import refusé)')
    expect(await compter()).toEqual({ structures: 260, services: 417 })

    // Le fichier d'origine rétablit les fiches modifiées ; ce qu'il ne contient pas est conservé, et le rapport le dit.
    const retour = await importer(fixture())
    expect(retour.modifies).toEqual({ structures: 1, services: 1 })
    expect(retour.absents).toEqual({ structures: 1, services: 1 })
    expect(imp.formaterRapport(retour)).toMatch(/1 structure et 1 service déjà dans l'annuaire, conservés \(l'import ne supprime rien\)/)
    expect(await compter()).toEqual({ structures: 260, services: 417 })
  })
})

// ---------------------------------------------------------------------------
// La commande, dans un vrai processus
// ---------------------------------------------------------------------------

type Sortie = { code: number | null; stdout: string; stderr: string }

function commande(...args: string[]): Promise<Sortie> {
  return new Promise((ok, ko) => {
    const enfant = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'cms/annuaire/cli/importer.ts', ...args], {
      cwd: racine,
      env: { ...process.env },
    })
    let stdout = ''
    let stderr = ''
    enfant.stdout.on('data', (d) => (stdout += d))
    enfant.stderr.on('data', (d) => (stderr += d))
    enfant.on('error', ko)
    enfant.on('close', (code) => ok({ code, stdout, stderr }))
  })
}

const demandes = () => {
  const dossier = path.join(base.dossier, 'publication', 'demandes')
  return existsSync(dossier) ? readdirSync(dossier).filter((n) => n.endsWith('.json')) : []
}

// La commande (codes de sortie, rapport, demande de publication) ne dépend pas de la base : l'import
// lui-même est vérifié ci-dessus sur les deux. Sur PostgreSQL seulement avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts), chaque lancement démarrant Payload
// dans un processus neuf (une minute de plus par `npm test` sur PostgreSQL).
describe.runIf(aussiSurPostgresSiLongs())(`npm run annuaire:import (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('--dry-run sur le fichier des partenaires : code 0, rapport en français, rien d’écrit ni de demande de publication', async () => {
    const avant = await instantane()
    const { code, stdout, stderr } = await commande(FIXTURE, '--dry-run')
    expect(stderr).not.toMatch(/erreur|error/i)
    expect(code).toBe(0)
    expect(stdout).toContain('Import data·inclusion de partenaires-ain.json (simulation)')
    expect(stdout).toContain('Structures : 0 créée, 0 modifiée, 259 inchangées')
    expect(stdout).toContain('Services   : 0 créé, 0 modifié, 416 inchangés')
    expect(stdout).toContain("simulation : rien n'a été écrit")
    expect(await instantane()).toEqual(avant)
    expect(demandes()).toEqual([])
  })

  it('fichier avec des rejets : code 1, positions et « aucune donnée modifiée »', async () => {
    const avant = await instantane()
    const { code, stdout } = await commande(path.join(CASSES, 'champ-manquant.json'))
    expect(code).toBe(1)
    expect(stdout).toContain('structures[2] (id s-test-import-sans-nom), champ nom : nom : champ obligatoire manquant')
    expect(stdout).toMatch(/Import annulé : aucune donnée modifiée \(1 enregistrement rejeté\)/)
    expect(await instantane()).toEqual(avant)
  })

  it('import réel qui change l’annuaire : code 0 et une demande de publication déposée pour le serveur', async () => {
    const { code, stdout } = await commande(path.join(CASSES, 'valide.json'))
    expect(code).toBe(0)
    expect(stdout).toContain('Structures : 0 créée, 1 modifiée, 1 inchangée')
    expect(stdout).toContain('Services   : 0 créé, 1 modifié, 1 inchangé')
    expect(stdout).toMatch(/Import terminé en .* : modifications enregistrées\./)
    const [demande, ...autres] = demandes()
    expect(autres).toEqual([])
    const contenu = JSON.parse(readFileSync(path.join(base.dossier, 'publication', 'demandes', demande!), 'utf8'))
    expect(contenu.raison).toBe('import data·inclusion')
    expect(new Date(contenu.quand).toISOString()).toBe(contenu.quand)
  })

  it('fichier tronqué : code 1 et message avec ligne et colonne ; erreur d’utilisation : code 2', async () => {
    const tronque = await commande(path.join(CASSES, 'tronque.json'))
    expect(tronque.code).toBe(1)
    expect(tronque.stderr).toMatch(/tronque\.json : ligne \d+, colonne \d+ : JSON invalide : fin de fichier inattendue/)
    const usage = await commande('--inconnue')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/Erreur d'utilisation : option inconnue : --inconnue/)
    expect((await commande()).code).toBe(2)
  })
})
