import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

import type { FichierDataInclusion } from '../../content/schemas/data-inclusion'
import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Export de l'annuaire (cms/annuaire/export) sur une vraie base, SQLite et
 * PostgreSQL : JSON data·inclusion qui se revalide et se réimporte à
 * l'identique, CSV pour tableur, classeur XLSX relu avec exceljs, secteur.
 */

const FIXTURE = path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json')

let base: BaseDeTest
let exp: typeof import('../../cms/annuaire/export')
let imp: typeof import('../../cms/annuaire/import')
let schemas: typeof import('../../content/schemas/data-inclusion')
let fixture: FichierDataInclusion

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  exp = await import('../../cms/annuaire/export')
  imp = await import('../../cms/annuaire/import')
  schemas = await import('../../content/schemas/data-inclusion')
  fixture = schemas.validerFichierDataInclusion(JSON.parse(readFileSync(FIXTURE, 'utf8')), 'partenaires-ain.json')
  const rapport = await imp.importerDataInclusion(base.payload, JSON.parse(readFileSync(FIXTURE, 'utf8')), { nomFichier: 'partenaires-ain.json' })
  expect(rapport.crees).toEqual({ structures: 259, services: 416 })
})
afterAll(async () => base?.fermer())

/** Analyse CSV (« ; », guillemets doublés, retours à la ligne dans les champs) pour relire l'export. */
function lireCsv(texte: string): string[][] {
  const lignes: string[][] = []
  let ligne: string[] = []
  let champ = ''
  let entreGuillemets = false
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]!
    if (entreGuillemets) {
      if (c === '"' && texte[i + 1] === '"') {
        champ += '"'
        i++
      } else if (c === '"') entreGuillemets = false
      else champ += c
    } else if (c === '"') entreGuillemets = true
    else if (c === ';') {
      ligne.push(champ)
      champ = ''
    } else if (c === '\r' && texte[i + 1] === '\n') {
      ligne.push(champ)
      lignes.push(ligne)
      ligne = []
      champ = ''
      i++
    } else champ += c
  }
  if (champ || ligne.length) lignes.push([...ligne, champ])
  return lignes
}

const structuresSansService = () => fixture.structures.filter((s) => !fixture.services.some((sv) => sv.structure_id === s.id))

describe(`export de l'annuaire (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('JSON data·inclusion : se revalide, rend chaque enregistrement du fichier d’origine, et se réimporte en « inchangé »', async () => {
    const { donnees, problemes } = await exp.exporterAnnuaire(base.payload)
    expect(problemes).toEqual([])
    const relu = JSON.parse(exp.versJson(donnees))
    const valide = schemas.validerFichierDataInclusion(relu, 'export.json')
    expect(valide.structures).toHaveLength(259)
    expect(valide.services).toHaveLength(416)
    expect(relu._meta).toMatchObject({ schema: { version: '1.0.8' }, extensions: ['type_partenaire', 'numero_court'], nombres: { structures: 259, services: 416 } })

    // Même contenu que le fichier importé (aux valeurs nulles et listes vides près).
    const exportees = new Map(valide.structures.map((s) => [s.id, s]))
    for (const s of fixture.structures) expect(exportees.get(s.id), s.id).toEqual(exp.structureNormalisee(s))
    const services = new Map(valide.services.map((s) => [s.id, s]))
    for (const sv of fixture.services) expect(services.get(sv.id), sv.id).toEqual(exp.serviceNormalise(sv))

    const rapport = await imp.importerDataInclusion(base.payload, relu, { nomFichier: 'export.json' })
    expect(rapport).toMatchObject({
      rejetes: [],
      crees: { structures: 0, services: 0 },
      modifies: { structures: 0, services: 0 },
      inchanges: { structures: 259, services: 416 },
      ecrit: false,
    })
  })

  it('CSV : BOM UTF-8, « ; », une ligne par service avec les colonnes de sa structure, listes jointes par « | »', async () => {
    const { donnees } = await exp.exporterAnnuaire(base.payload)
    const texte = exp.versCsv(donnees)
    expect(texte.startsWith('\uFEFF')).toBe(true)
    expect(texte.endsWith('\r\n')).toBe(true)
    const [entete, ...lignes] = lireCsv(texte.slice(1))
    expect(entete!.slice(0, 3)).toEqual(['structure_id', 'structure_source', 'structure_nom'])
    expect(entete).toContain('service_id')
    expect(entete).toContain('service_zone_eligibilite')
    expect(lignes.every((l) => l.length === entete!.length)).toBe(true)
    // 416 services, plus une ligne pour chaque structure qui n'a aucun service.
    expect(lignes).toHaveLength(416 + structuresSansService().length)

    const col = (nom: string) => entete!.indexOf(nom)
    const ligne = lignes.find((l) => l[col('service_id')] === 'sv-ccas-bourg-en-bresse-accueil-social')!
    expect(ligne[col('structure_id')]).toBe('s-ccas-bourg-en-bresse')
    expect(ligne[col('structure_nom')]).toBe('CCAS de Bourg-en-Bresse')
    expect(ligne[col('structure_code_insee')]).toBe('01053')
    expect(ligne[col('structure_latitude')]).toBe('46.2034')
    expect(ligne[col('structure_reseaux_porteurs')]).toBe('ccas-cias|communes')
    expect(ligne[col('service_modes_accueil')]).toBe('en-presentiel|a-distance')
    expect(ligne[col('service_thematiques')]!.split('|')).toHaveLength(3)
    expect(ligne[col('service_date_maj')]).toBe('2025-09-30')
    // Chaque description (virgules, apostrophes, guillemets éventuels) se relit à l'identique.
    for (const sv of fixture.services) {
      const l = lignes.find((x) => x[col('service_id')] === sv.id)!
      expect(l[col('service_description')]).toBe(sv.description)
    }
  })

  it('CSV : une valeur qui serait prise pour une formule par le tableur est neutralisée', () => {
    const s = { ...fixture.structures[0]!, nom: '=HYPERLINK("http://x","clic")', description: 'Texte; avec "guillemets"\net retour' }
    const texte = exp.versCsv({ structures: [s], services: [] })
    const [entete, ligne] = lireCsv(texte.slice(1))
    expect(ligne![entete!.indexOf('structure_nom')]).toBe(`'=HYPERLINK("http://x","clic")`)
    expect(ligne![entete!.indexOf('structure_description')]).toBe('Texte; avec "guillemets"\net retour')
  })

  it('XLSX : feuilles « Structures » et « Services », en-tête gras et figé, largeurs, codes en texte', async () => {
    const { donnees } = await exp.exporterAnnuaire(base.payload)
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load((await exp.versXlsx(donnees)) as never)
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Structures', 'Services'])
    const structures = classeur.getWorksheet('Structures')!
    const services = classeur.getWorksheet('Services')!
    expect(structures.rowCount).toBe(1 + 259)
    expect(services.rowCount).toBe(1 + 416)
    for (const feuille of [structures, services]) {
      expect(feuille.getRow(1).getCell(1).font?.bold).toBe(true)
      expect(feuille.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      feuille.columns.forEach((c) => {
        // exceljs relit une largeur de 9 (sa largeur par défaut) comme « undefined ».
        expect(c.width ?? 9).toBeGreaterThanOrEqual(8)
        expect(c.width ?? 9).toBeLessThanOrEqual(60)
      })
      expect(feuille.columns.some((c) => (c.width ?? 9) >= 40)).toBe(true)
    }
    const entete = (feuille: ExcelJS.Worksheet) => (feuille.getRow(1).values as unknown[]).slice(1) as string[]
    const colS = (nom: string) => entete(structures).indexOf(nom) + 1
    const colV = (nom: string) => entete(services).indexOf(nom) + 1
    expect(entete(structures)[0]).toBe('id')
    expect(entete(services).slice(0, 4)).toEqual(['id', 'source', 'structure_id', 'structure_nom'])

    const ligneS = structures.getRows(2, 259)!.find((r) => r.getCell(1).value === 's-ccas-bourg-en-bresse')!
    expect(ligneS.getCell(colS('code_insee')).value).toBe('01053')
    expect(ligneS.getCell(colS('code_postal')).value).toBe('01000')
    expect(ligneS.getCell(colS('latitude')).value).toBe(46.2034)
    expect(ligneS.getCell(colS('reseaux_porteurs')).value).toBe('ccas-cias|communes')
    expect(ligneS.getCell(colS('date_maj')).value).toEqual(new Date('2025-09-30T00:00:00Z'))

    const ligneV = services.getRows(2, 416)!.find((r) => r.getCell(1).value === 'sv-ccas-bourg-en-bresse-accueil-social')!
    expect(ligneV.getCell(colV('structure_nom')).value).toBe('CCAS de Bourg-en-Bresse')
    expect(ligneV.getCell(colV('zone_eligibilite')).value).toBe('01053')
    expect(String(ligneV.getCell(colV('thematiques')).value).split('|')).toHaveLength(3)
    const ids = services.getRows(2, 416)!.map((r) => r.getCell(1).value)
    expect(new Set(ids)).toEqual(new Set(fixture.services.map((s) => s.id)))
  })

  it('secteur : seuls les services éligibles dans les communes (commune, département, EPCI, France), avec leurs structures', async () => {
    for (const communes of [['01283'], ['01053', '01004'], ['01173']]) {
      const { donnees, problemes } = await exp.exporterPourSecteur(base.payload, communes)
      expect(problemes).toEqual([])
      const ids = new Set(donnees.services.map((s) => s.id))
      expect(ids.size).toBeGreaterThan(0)
      expect(ids.size).toBeLessThan(416)
      expect(new Set(donnees.structures.map((s) => s.id))).toEqual(new Set(donnees.services.map((s) => s.structure_id)))
      expect(donnees._meta.secteur).toEqual({ communes })
      schemas.validerFichierDataInclusion(JSON.parse(exp.versJson(donnees)), 'secteur.json')
    }
    // Un service d'une autre commune seulement n'est pas retenu pour Oyonnax ; ceux de son EPCI, du département et nationaux le sont.
    const oyonnax = new Set((await exp.exporterPourSecteur(base.payload, ['01283'])).donnees.services.map((s) => s.id))
    expect(oyonnax.has('sv-ccas-bourg-en-bresse-accueil-social')).toBe(false)
    expect(oyonnax.has('sv-ccas-oyonnax-accueil-social')).toBe(true)
    const parZone = (z: string) => fixture.services.filter((sv) => sv.zone_eligibilite?.length === 1 && sv.zone_eligibilite[0] === z).map((sv) => sv.id)
    for (const z of ['200042935', '01', 'france']) {
      expect(parZone(z).length).toBeGreaterThan(0)
      for (const id of parZone(z)) expect(oyonnax.has(id)).toBe(true)
    }
    for (const id of parZone('69')) expect(oyonnax.has(id)).toBe(false)
    // Un ancien code de commune donne le même secteur que la commune actuelle (Châtillon-en-Michaille → Valserhône).
    const ancien = (await exp.exporterPourSecteur(base.payload, ['01091'])).donnees.services.map((s) => s.id)
    const actuel = (await exp.exporterPourSecteur(base.payload, ['01033'])).donnees.services.map((s) => s.id)
    expect(ancien).toEqual(actuel)
  })
})

// ---------------------------------------------------------------------------
// La commande, dans un vrai processus
// ---------------------------------------------------------------------------

function commande(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, ko) => {
    const enfant = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'cms/annuaire/cli/exporter.ts', ...args], {
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

// La commande (sorties, codes) ne dépend pas de la base, l'export lui-même est vérifié ci-dessus sur les
// deux : sur PostgreSQL seulement avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts), chaque lancement démarrant Payload dans un processus neuf.
describe.runIf(aussiSurPostgresSiLongs())(`npm run annuaire:export (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('--format json sans --sortie : le JSON seul sur la sortie standard, le bilan sur la sortie d’erreur', async () => {
    const { code, stdout, stderr } = await commande('--format', 'json')
    expect(code).toBe(0)
    const donnees = schemas.validerFichierDataInclusion(JSON.parse(stdout), 'stdout')
    expect(donnees.services).toHaveLength(416)
    expect(stderr).toContain('Export JSON : 259 structures, 416 services.')
  })

  it('erreurs d’utilisation : code 2', async () => {
    const sansSortie = await commande('--format', 'xlsx')
    expect(sansSortie.code).toBe(2)
    expect(sansSortie.stderr).toContain('le format xlsx exige --sortie FICHIER')
    expect((await commande('--format', 'pdf')).code).toBe(2)
    const commune = await commande('--format', 'csv', '--communes', '01283,99999')
    expect(commune.code).toBe(2)
    expect(commune.stderr).toContain("commune(s) inconnue(s) dans l'Ain : 99999")
  })
})
