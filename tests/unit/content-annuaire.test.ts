import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import {
  ErreurValidationDataInclusion,
  validerFichierDataInclusion,
} from '../../content/schemas/data-inclusion'

const require = createRequire(import.meta.url)

type Brut = Record<string, unknown>
type FichierBrut = { _meta: Brut; structures: Brut[]; services: Brut[] }

const lireJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as FichierBrut
const demo = lireJson(new URL('../../content/annuaire-demo.json', import.meta.url))
const URL_FIXTURE = new URL('../../../shared/fixtures/partenaires-ain.json', import.meta.url)

const communes: { code: string; departement?: string; type: string; codesPostaux?: string[]; nom: string }[] = require(
  '@etalab/decoupage-administratif/data/communes.json',
)
const epcis: { code: string; membres: { code: string }[] }[] = require('@etalab/decoupage-administratif/data/epci.json')
const communesAin = new Map(
  communes.filter((c) => c.departement === '01' && c.type === 'commune-actuelle').map((c) => [c.code, c]),
)
const sirensEpci = new Set(epcis.map((e) => e.code))

const NUMEROS_COURTS = ['115', '119', '3919', '3114', '3977', '116 006', '3018']
const entrees = () => [...demo.structures, ...demo.services]
const copie = <T>(x: T): T => structuredClone(x)

/** Capture le message de l'erreur levée par la validation. */
function messageErreur(donnees: unknown, nomFichier: string): string {
  try {
    validerFichierDataInclusion(donnees, nomFichier)
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurValidationDataInclusion)
    return (e as Error).message
  }
  throw new Error('la validation aurait dû échouer')
}

describe('annuaire de démonstration (content/annuaire-demo.json)', () => {
  it('est un fichier data·inclusion v1 valide', () => {
    const fichier = validerFichierDataInclusion(demo, 'annuaire-demo.json')
    expect(fichier.structures.length).toBe(demo.structures.length)
    expect(fichier.services.length).toBe(demo.services.length)
  })

  it('compte au moins 110 structures et 170 services', () => {
    expect(demo.structures.length).toBeGreaterThanOrEqual(110)
    expect(demo.services.length).toBeGreaterThanOrEqual(170)
  })

  it('se déclare comme données de démonstration aux contacts fictifs', () => {
    const meta = JSON.stringify(demo._meta).toLowerCase()
    expect(meta).toContain('données de démonstration')
    expect(meta).toContain('contacts fictifs')
    for (const e of entrees()) expect(e.source).toBe('passerelle-demo')
  })

  it("n'utilise que des téléphones de la tranche fictive 04 65 71 xx xx", () => {
    const telephones = entrees().flatMap((e) => (e.telephone == null ? [] : [e.telephone]))
    expect(telephones.length).toBeGreaterThan(100)
    for (const t of telephones) expect(t).toMatch(/^04 65 71 \d\d \d\d$/)
  })

  it("ne met les numéros nationaux que dans numero_court, jamais dans telephone", () => {
    const courts = entrees().flatMap((e) => (e.numero_court == null ? [] : [e.numero_court]))
    expect(new Set(courts)).toEqual(new Set(NUMEROS_COURTS))
    for (const e of entrees()) {
      if (e.numero_court != null) expect(NUMEROS_COURTS).toContain(e.numero_court)
      if (typeof e.telephone === 'string') expect(NUMEROS_COURTS).not.toContain(e.telephone.replace(/\s/g, ''))
    }
  })

  it('utilise des courriels en @example.org et des sites en https://….example.org', () => {
    const courriels = entrees().flatMap((e) => (e.courriel == null ? [] : [String(e.courriel)]))
    expect(courriels.length).toBeGreaterThan(100)
    for (const c of courriels) expect(c.endsWith('@example.org')).toBe(true)
    for (const e of entrees()) {
      for (const champ of ['site_web', 'lien_mobilisation', 'lien_source', 'accessibilite_lieu']) {
        if (e[champ] != null) expect(new URL(String(e[champ])).hostname).toMatch(/(^|\.)example\.org$/)
      }
    }
  })

  it("n'emploie que des codes INSEE, codes postaux et EPCI réels de l'Ain", () => {
    for (const e of entrees()) {
      if (e.code_insee == null) continue
      const commune = communesAin.get(String(e.code_insee))
      expect(commune, `code INSEE ${String(e.code_insee)} (${String(e.id)})`).toBeDefined()
      expect(commune!.codesPostaux).toContain(e.code_postal)
      expect(commune!.nom).toBe(e.commune)
    }
    for (const sv of demo.services) {
      for (const code of sv.zone_eligibilite as string[]) {
        if (/^\d{9}$/.test(code)) expect(sirensEpci.has(code), `EPCI ${code} (${String(sv.id)})`).toBe(true)
        else if (code.length === 5 && code !== '99100')
          expect(communesAin.has(code), `commune ${code} (${String(sv.id)})`).toBe(true)
        else expect(['01', '69', 'france', '99100']).toContain(code)
      }
    }
  })

  it('couvre tout le département et les principaux types de partenaires', () => {
    const villes = new Set(demo.structures.map((s) => s.commune))
    for (const ville of [
      'Bourg-en-Bresse', 'Oyonnax', 'Ambérieu-en-Bugey', 'Belley', 'Gex', 'Saint-Genis-Pouilly', 'Ferney-Voltaire',
      'Divonne-les-Bains', 'Valserhône', 'Nantua', 'Trévoux', 'Miribel', 'Montluel', 'Meximieux',
      'Châtillon-sur-Chalaronne', 'Saint-Laurent-sur-Saône', 'Villars-les-Dombes', 'Pont-de-Vaux', 'Lagnieu',
      "Plateau d'Hauteville",
    ])
      expect(villes, ville).toContain(ville)
    const types = new Set(demo.structures.map((s) => s.type_partenaire))
    for (const t of [
      'ccas-cias', 'mds', 'pmi', 'ase-crip', 'caf', 'cpam', 'msa', 'france-services', 'siao-115', 'hebergement-urgence',
      'chrs', 'accueil-de-jour', 'aide-aux-victimes', 'cidff', 'association-vif', 'hebergement-vif', 'auteurs-violences',
      'lieu-ecoute', 'centre-hospitalier', 'umj', 'cmp-adultes', 'cmpea', 'csapa', 'caarud', 'mdph', 'protection-majeurs',
      'acces-au-droit', 'mission-locale', 'maison-des-adolescents', 'numero-national',
    ])
      expect(types, t).toContain(t)
  })

  it("donne aux numéros nationaux une localisation nulle et la zone « france »", () => {
    const nationaux = demo.structures.filter((s) => s.type_partenaire === 'numero-national')
    expect(nationaux.length).toBeGreaterThanOrEqual(6)
    for (const s of nationaux) {
      for (const champ of ['adresse', 'code_postal', 'commune', 'code_insee', 'latitude', 'longitude'])
        expect(s[champ]).toBeNull()
      const services = demo.services.filter((v) => v.structure_id === s.id)
      expect(services.length).toBeGreaterThan(0)
      for (const v of services) expect(v.zone_eligibilite).toEqual(['france'])
    }
  })

  it('a des horaires au format OpenStreetMap opening_hours', () => {
    const OpeningHours = require('opening_hours') as new (valeur: string, nominatim: object) => unknown
    const nominatim = { lat: '46.2', lon: '5.22', address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } }
    for (const e of entrees()) {
      if (e.horaires_accueil == null) continue
      expect(() => new OpeningHours(String(e.horaires_accueil), nominatim), String(e.horaires_accueil)).not.toThrow()
    }
  })

  it('a des dates de mise à jour entre 2024-03 et 2026-11, dont environ 10 % de plus de 18 mois', () => {
    const dates = entrees().map((e) => String(e.date_maj))
    for (const d of dates) {
      expect(d >= '2024-03-01').toBe(true)
      expect(d <= '2026-11-30').toBe(true)
    }
    const part = demo.structures.filter((s) => String(s.date_maj) < '2025-05-26').length / demo.structures.length
    expect(part).toBeGreaterThan(0.05)
    expect(part).toBeLessThan(0.15)
  })
})

describe('référentiels data·inclusion (content/codes)', () => {
  it('contiennent les listes officielles complètes en { code: libellé }', () => {
    const attendus: Record<string, number> = {
      thematiques: 69,
      publics: 14,
      'types-de-services': 6,
      frais: 2,
      'modes-accueil': 2,
      'modes-mobilisation': 4,
      'mobilisable-par': 2,
      'reseaux-porteurs': 108,
      'types-partenaires': 56,
    }
    for (const [nom, n] of Object.entries(attendus)) {
      const liste = JSON.parse(readFileSync(new URL(`../../content/codes/${nom}.json`, import.meta.url), 'utf8'))
      expect(Object.keys(liste), nom).toHaveLength(n)
      for (const [code, libelle] of Object.entries(liste)) {
        expect(code).toMatch(/^[a-z0-9-]+$/)
        expect(typeof libelle).toBe('string')
      }
    }
  })
})

describe('validerFichierDataInclusion : rejet des fichiers invalides', () => {
  const base = (): FichierBrut => copie(demo)

  it('rejette une thématique inconnue', () => {
    const f = base()
    ;(f.services[3].thematiques as string[]).push('sante--thematique-imaginaire')
    const message = messageErreur(f, 'essai-thematique.json')
    expect(message).toContain('essai-thematique.json')
    expect(message).toContain(`services[3] (id ${String(f.services[3].id)})`)
    expect(message).toMatch(/thematiques\[\d+\]/)
    expect(message).toContain('thématique inconnue : « sante--thematique-imaginaire »')
  })

  it('rejette un code INSEE invalide', () => {
    const f = base()
    f.structures[12].code_insee = '1053'
    const message = messageErreur(f, 'essai-insee.json')
    expect(message).toContain('essai-insee.json')
    expect(message).toContain(`structures[12] (id ${String(f.structures[12].id)})`)
    expect(message).toContain('code_insee')
    expect(message).toContain('code INSEE invalide (5 caractères attendus)')
  })

  it("rejette un code invalide dans la zone d'éligibilité", () => {
    const f = base()
    f.services[0].zone_eligibilite = ['01', '0105', 'europe']
    const message = messageErreur(f, 'essai-zone.json')
    expect(message).toContain('zone_eligibilite[1]')
    expect(message).toContain('code INSEE invalide (5 caractères attendus)')
    expect(message).toContain('zone_eligibilite[2]')
  })

  it('rejette un identifiant en double', () => {
    const f = base()
    const doublon = String(f.structures[2].id)
    f.structures[7].id = doublon
    const message = messageErreur(f, 'essai-doublon.json')
    expect(message).toContain('essai-doublon.json')
    expect(message).toContain(`structures[7] (id ${doublon})`)
    expect(message).toContain('champ id')
    expect(message).toContain(`identifiant en double : « ${doublon} » (déjà utilisé par structures[2])`)
  })

  it('rejette un service rattaché à une structure inconnue', () => {
    const f = base()
    f.services[5].structure_id = 's-structure-fantome'
    const message = messageErreur(f, 'essai-rattachement.json')
    expect(message).toContain('essai-rattachement.json')
    expect(message).toContain(`services[5] (id ${String(f.services[5].id)})`)
    expect(message).toContain('structure_id')
    expect(message).toContain('structure de rattachement inconnue : « s-structure-fantome »')
  })

  it('signale tous les problèmes, en français, avec un message par champ', () => {
    const f = base()
    f.services[1].telephone = '115'
    f.services[2].publics = ['tous-publics', 'femmes']
    f.services[4].date_maj = '2025-02-30'
    f.structures[0].courriel = 'pas-un-courriel'
    delete f.services[6].nom
    f.services[8].thematique = ['sante--addictions']
    const erreur = (() => {
      try {
        validerFichierDataInclusion(f, 'essai-multiple.json')
      } catch (e) {
        return e as ErreurValidationDataInclusion
      }
      throw new Error('la validation aurait dû échouer')
    })()
    expect(erreur.problemes).toHaveLength(6)
    expect(erreur.message).toMatch(/^essai-multiple\.json : 6 problèmes de validation/)
    expect(erreur.message).toContain('« 115 » est un numéro court, à mettre dans numero_court')
    expect(erreur.message).toContain('« tous-publics » ne peut pas être combiné')
    expect(erreur.message).toContain('date de mise à jour (date_maj) invalide : « 2025-02-30 »')
    expect(erreur.message).toContain('courriel invalide : « pas-un-courriel »')
    expect(erreur.message).toContain('nom : champ obligatoire manquant')
    expect(erreur.message).toContain('champ inconnu : « thematique »')
    expect(erreur.message).not.toMatch(/Invalid|expected|received/)
  })

  it('rejette un fichier qui n’a pas la bonne forme', () => {
    expect(messageErreur(null, 'vide.json')).toContain('vide.json, racine du fichier : objet attendu')
    expect(messageErreur({ structures: [] }, 'partiel.json')).toContain('services : champ obligatoire manquant')
  })
})

describe('fixture partagée (shared/fixtures/partenaires-ain.json)', () => {
  it('est aussi acceptée par le validateur', () => {
    const fixture = lireJson(URL_FIXTURE)
    const fichier = validerFichierDataInclusion(fixture, 'partenaires-ain.json')
    expect(fichier.structures).toHaveLength(259)
    expect(fichier.services).toHaveLength(416)
  })
})
