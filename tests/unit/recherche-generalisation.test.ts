import { existsSync, readFileSync } from 'node:fs'

import { beforeAll, describe, expect, it } from 'vitest'

import { validerFichierDataInclusion } from '../../content/schemas/data-inclusion.ts'
import { creerMoteurEmbarque, type MoteurEmbarque } from '../../search/adapters/embarque.ts'
import { documentsDepuisFichier } from '../../search/document.ts'
import type { DocumentService } from '../../search/port.ts'
import { replier } from '../../search/texte.ts'
import { vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'

/**
 * Requêtes écrites pour ce test, absentes du jeu public : d'autres
 * formulations, communes et fautes que celles qui ont servi aux réglages.
 * Elles vérifient que le moteur généralise par le vocabulaire et le
 * classement. L'attendu est une règle sur les fiches (type de partenaire,
 * commune), pas une liste d'identifiants : un des 3 premiers doit la respecter.
 */

const DONNEES = new URL('../../../shared/fixtures/partenaires-ain.json', import.meta.url)
const presentes = existsSync(DONNEES)

type Cas = { texte: string; commune?: string; attendu: (d: DocumentService) => boolean }
const type = (...types: string[]) => (d: DocumentService) => types.includes(d.type_partenaire)
const situe = (code: string, ...types: string[]) => (d: DocumentService) => d.code_insee === code && (types.length === 0 || types.includes(d.type_partenaire))
const VIF = ['association-vif', 'accueil-de-jour-vif', 'hebergement-vif', 'aide-aux-victimes', 'cidff', 'maison-protection-familles', 'numero-national']

const CAS: Cas[] = [
  { texte: 'CCAS Oyonnax', attendu: situe('01283', 'ccas-cias') },
  { texte: 'maison de la solidarité belley', attendu: situe('01034', 'mds') },
  { texte: 'cmp adulte amberieu', attendu: situe('01004', 'cmp-adultes') },
  { texte: 'france service gex', attendu: situe('01173', 'france-services') },
  { texte: 'misson locale belley', attendu: situe('01034', 'mission-locale') },
  { texte: 'ccas bellegarde', attendu: situe('01033', 'ccas-cias') },
  { texte: 'urgences hopital oyonnax', attendu: situe('01283', 'centre-hospitalier') },
  { texte: 'hebergement urgense', attendu: type('hebergement-urgence', 'siao-115') },
  { texte: 'violences conjuguales', attendu: type(...VIF) },
  { texte: 'femme frappée par son conjoint', commune: '01283', attendu: type(...VIF) },
  { texte: 'ado en fugue', attendu: type('maison-des-adolescents', 'ase-crip', 'prevention-specialisee', 'lieu-ecoute') },
  { texte: 'sans abri', attendu: type('siao-115', 'hebergement-urgence', 'accueil-de-jour', 'empp') },
  { texte: 'idées suicidaires', attendu: type('psychiatrie-hospitaliere', 'cmp-adultes', 'numero-national', 'centre-hospitalier') },
  { texte: 'cannabis', attendu: type('csapa', 'caarud') },
  { texte: 'curatelle', attendu: type('protection-majeurs') },
  { texte: 'rien a bouffer', commune: '01053', attendu: type('aide-alimentaire', 'ccas-cias', 'accueil-de-jour') },
  { texte: 'expulsé de son appartement', attendu: type('bailleur-social', 'info-logement', 'mds', 'caf') },
  { texte: 'maltraitance enfant', attendu: type('ase-crip', 'numero-national') },
  { texte: 'alcoolique', commune: '01283', attendu: type('csapa', 'groupe-entraide', 'centre-hospitalier') },
  { texte: 'vieille dame seule', commune: '01034', attendu: type('clic-personnes-agees', 'ccas-cias', 'aide-a-domicile') },
  { texte: 'medecine legale', attendu: type('umj') },
  { texte: 'sortie de prison', attendu: type('spip') },
  { texte: 'conflit de voisinage', attendu: type('acces-au-droit') },
  { texte: 'CMP', commune: '01034', attendu: situe('01034', 'cmp-adultes', 'cmpea') },
  { texte: 'PMI', commune: '01289', attendu: type('pmi', 'mds') },
]

const HORS_CHAMP = ['dentiste de garde', 'permis de chasse', 'fourrière', 'piscine municipale', 'objets trouvés', 'cours de danse', 'club de foot', 'coiffeur']

describe.skipIf(!presentes)('généralisation : formulations absentes du jeu public', () => {
  let moteur: MoteurEmbarque
  let structures: { id: string; nom: string }[] = []
  beforeAll(async () => {
    const fichier = validerFichierDataInclusion(JSON.parse(readFileSync(DONNEES, 'utf8')), 'partenaires-ain.json')
    structures = fichier.structures.map((s) => ({ id: s.id, nom: s.nom }))
    moteur = creerMoteurEmbarque({ vocabulaire: vocabulaireParDefaut() })
    await moteur.remplacerTout(documentsDepuisFichier(fichier))
  }, 120_000)

  /** Structures absentes des 3 premiers résultats pour une saisie dérivée de leur nom. */
  async function manquees(saisie: (nom: string) => string | undefined): Promise<string[]> {
    const ratees: string[] = []
    for (const s of structures) {
      const texte = saisie(s.nom)
      if (!texte) continue
      const r = await moteur.rechercher({ texte, enCours: false, limite: 3 })
      if (!r.resultats.some((x) => x.document.structure_id === s.id)) ratees.push(`${texte} (${s.id})`)
    }
    return ratees
  }

  it('trouve chaque structure par son nom, tel quel ou sans accents ni ponctuation', async () => {
    expect(await manquees((nom) => nom)).toEqual([])
    expect(await manquees((nom) => replier(nom).replace(/[^a-z0-9]+/g, ' '))).toEqual([])
  })

  it('trouve chaque structure par son nom avec une faute de frappe (une lettre oubliée)', async () => {
    const avecFaute = (nom: string) => {
      const mots = replier(nom).split(/[^a-z0-9]+/).filter(Boolean)
      const i = mots.reduce((m, w, k) => (w.length > mots[m]!.length ? k : m), 0)
      if (mots[i]!.length < 6) return undefined
      mots[i] = mots[i]!.slice(0, 2) + mots[i]!.slice(3)
      return mots.join(' ')
    }
    expect(await manquees(avecFaute)).toEqual([])
  })

  it.each(CAS)('« $texte » $commune', async ({ texte, commune, attendu }) => {
    const r = await moteur.rechercher({ texte, ...(commune ? { commune } : {}), enCours: false })
    const premiers = r.resultats.slice(0, 3).map((x) => x.document)
    expect(premiers.some(attendu), premiers.map((d) => d.id).join(', ')).toBe(true)
  })

  it.each(HORS_CHAMP)('« %s » : aucun résultat', async (texte) => {
    const r = await moteur.rechercher({ texte, enCours: false })
    expect(r.statut).toBe('aucun-resultat')
    expect(r.resultats).toEqual([])
  })
})
