import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Service } from '../../cms/payload-types'
import { communesDeLAin, filtreSecteur } from '../../domaine/territoire'
import type { MoteurRecherche } from '../../search'
import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

/**
 * Une seule règle d'éligibilité : pour chaque commune de l'Ain, la liste
 * imprimée d'un secteur (page /annuaire/secteur), l'export filtré par la
 * commune et la recherche filtrée par la commune donnent les mêmes services.
 * Avant, trois versions de la règle donnaient trois réponses (anciennes
 * communes, communes membres de plusieurs EPCI).
 */
const FIXTURE = path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json')

let base: BaseDeTest
let services: Service[]
let moteur: MoteurRecherche
let exp: typeof import('../../cms/annuaire/export')

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  const imp = await import('../../cms/annuaire/import')
  exp = await import('../../cms/annuaire/export')
  const { documentsDepuisCms } = await import('../../cms/recherche/documents')
  const { creerMoteurEmbarque, vocabulaireParDefaut } = await import('../../search')
  const rapport = await imp.importerDataInclusion(base.payload, JSON.parse(readFileSync(FIXTURE, 'utf8')), { nomFichier: 'partenaires-ain.json' })
  expect(rapport.crees).toEqual({ structures: 259, services: 416 })
  services = (await base.payload.find({ collection: 'services', pagination: false, depth: 0, overrideAccess: false })).docs as Service[]
  moteur = creerMoteurEmbarque({ vocabulaire: vocabulaireParDefaut() })
  await moteur.remplacerTout(await documentsDepuisCms(base.payload))
})
afterAll(async () => base?.fermer())

/** Tous les services que la recherche présente pour une commune, sans texte, page après page. */
async function parRecherche(commune: string): Promise<Set<string>> {
  const ids = new Set<string>()
  for (let decalage = 0; ; decalage += 100) {
    const r = await moteur.rechercher({ texte: '', commune, limite: 100, decalage })
    for (const res of r.resultats) ids.add(res.document.id)
    if (decalage + 100 >= r.total) return ids
  }
}

// Une règle sans base (domaine/territoire) appliquée à trois lectures : sur PostgreSQL avec PASSERELLE_TESTS_LONGS=oui.
describe.runIf(aussiSurPostgresSiLongs())('éligibilité par commune : liste du secteur, export et recherche concordent', () => {
  it('pour chacune des communes de l’Ain', async () => {
    const enBase = await exp.lireAnnuaireEnBase(base.payload)
    const ecarts: string[] = []
    let verifiees = 0
    for (const commune of communesDeLAin()) {
      const eligible = filtreSecteur([commune.code])
      const liste = new Set(services.filter((sv) => eligible(sv.zone_eligibilite)).map((sv) => sv.id_source))
      const exporte = new Set(exp.composerExport(enBase, { communes: [commune.code] }).donnees.services.map((s) => s.id))
      const trouve = await parRecherche(commune.code)
      const egaux = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x))
      if (!egaux(liste, exporte) || !egaux(liste, trouve))
        ecarts.push(`${commune.nom} (${commune.code}) : liste ${liste.size}, export ${exporte.size}, recherche ${trouve.size}`)
      if (liste.size > 0) verifiees++
    }
    expect(ecarts).toEqual([])
    // Chaque commune a au moins les services départementaux et nationaux.
    expect(verifiees).toBe(communesDeLAin().length)
  })
})
