import type { Payload } from 'payload'

import { readFileSync } from 'node:fs'
import path from 'node:path'

import { chargerContenu, ErreurContenu } from '../../content/charger'
import { dossierContenu } from './dossier'
import { ErreurValidationDataInclusion, referentiels, validerFichierDataInclusion } from '../../content/schemas/data-inclusion'
import { fichierPermanences } from '../../domaine/permanences/fichier'
import { fichierPostes } from '../../content/schemas/poste'
import { fichierReferentiels } from '../../content/schemas/referentiel'
import { fichierSites } from '../../content/schemas/site'
import { serviceVersDocument, structureVersDocument } from '../annuaire/dataInclusion'
import { documentDepuisPermanence } from '../collections/Permanences/versDomaine'
import { chargerSeedFormation, seederFormation } from './formation'
import { chargerSeedLogigramme, seederLogigramme } from './logigramme'
import { seederVocabulaire } from './vocabulaire'

/**
 * Amorçage du contenu éditorial depuis content/ : idempotent (un second passage
 * ne change rien) et respectueux des modifications faites dans l'admin (une
 * entrée qui existe déjà n'est jamais réécrite ; seules les absentes sont créées).
 * Tous les fichiers sont validés avant la première écriture.
 */

export type Bilan = Record<string, { crees: number; existants: number }>

const CONTEXTE = { sansPublication: true, seed: true }

export function chargerSeed(dossier = dossierContenu(), { annuaire: avecAnnuaire = true } = {}) {
  const sites = chargerContenu(fichierSites, 'sites.json', dossier)
  const postes = chargerContenu(fichierPostes, 'postes.json', dossier)
  const refs = chargerContenu(fichierReferentiels, 'referentiels.json', dossier)
  const permanences = chargerContenu(fichierPermanences, 'permanences.json', dossier)
  const annuaire = avecAnnuaire ? chargerAnnuaireDemo(dossier) : undefined
  for (const [i, poste] of postes.postes.entries()) {
    for (const slug of poste.sites)
      if (!sites.sites.some((s) => s.slug === slug))
        throw new ErreurContenu('postes.json', [`postes[${i}] (${poste.slug}) › sites : site « ${slug} » absent de sites.json`])
  }
  for (const [i, p] of permanences.permanences.entries()) {
    if (!sites.sites.some((s) => s.slug === p.site))
      throw new ErreurContenu('permanences.json', [`permanences[${i}] › site : site « ${String(p.site)} » absent de sites.json`])
    if (!postes.postes.some((po) => po.slug === p.poste))
      throw new ErreurContenu('permanences.json', [`permanences[${i}] › poste : poste « ${String(p.poste)} » absent de postes.json`])
  }
  const logigramme = chargerSeedLogigramme(dossier)
  const formation = chargerSeedFormation(dossier)
  return { sites: sites.sites, postes: postes.postes, permanences: permanences.permanences, refs, annuaire, logigramme, formation }
}

function chargerAnnuaireDemo(dossier: string) {
  const fichierAnnuaire = 'annuaire-demo.json'
  let annuaireBrut: unknown
  try {
    annuaireBrut = JSON.parse(readFileSync(path.join(dossier, fichierAnnuaire), 'utf8'))
  } catch (e) {
    throw new ErreurContenu(fichierAnnuaire, [`illisible ou JSON invalide : ${(e as Error).message}`])
  }
  try {
    return validerFichierDataInclusion(annuaireBrut, fichierAnnuaire)
  } catch (e) {
    if (e instanceof ErreurValidationDataInclusion) throw new ErreurContenu(fichierAnnuaire, [e.message])
    throw e
  }
}

async function cartographie<T extends string>(payload: Payload, collection: 'sites' | 'postes' | 'structures' | 'services', cle: T) {
  const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })
  return new Map((docs as unknown as Record<string, unknown>[]).map((d) => [String(d[cle]), d.id as number]))
}

export async function seeder(payload: Payload, options: { dossier?: string; annuaire?: boolean } = {}): Promise<Bilan> {
  const contenu = chargerSeed(options.dossier, { annuaire: options.annuaire !== false })
  const bilan: Bilan = {}
  const compter = (collection: string, cree: boolean) => {
    bilan[collection] ??= { crees: 0, existants: 0 }
    bilan[collection][cree ? 'crees' : 'existants']++
  }
  const creer = <D>(collection: 'sites' | 'postes' | 'permanences' | 'structures' | 'services' | 'referentiels', data: D) =>
    payload.create({ collection, data: data as never, context: CONTEXTE, overrideAccess: true, depth: 0 })

  // Référentiels
  const { docs: refsExistants } = await payload.find({ collection: 'referentiels', pagination: false, depth: 0, overrideAccess: true })
  const cleRef = (r: string, c: string) => `${r}:${c}`
  const refs = new Set(refsExistants.map((r) => cleRef(r.referentiel, r.code)))
  const entrees = [
    ...(['profil', 'problematique', 'mode-saisine', 'numero-urgence'] as const).flatMap((r) => contenu.refs[r].map((e) => ({ referentiel: r, ...e }))),
    ...Object.entries(referentiels.typesPartenaires).map(([code, libelle], i) => ({
      referentiel: 'type-partenaire' as const,
      code,
      libelle,
      ordre: (i + 1) * 10,
    })),
  ]
  for (const e of entrees) {
    const existe = refs.has(cleRef(e.referentiel, e.code))
    if (!existe) await creer('referentiels', e)
    compter('referentiels', !existe)
  }

  // Sites : compagnies d'abord, pour rattacher les brigades.
  const sites = await cartographie(payload, 'sites', 'slug')
  const ordonnes = [...contenu.sites].sort((a, b) => Number(a.type === 'brigade') - Number(b.type === 'brigade'))
  for (const s of ordonnes) {
    const existe = sites.has(s.slug)
    if (!existe) {
      const { compagnie, ...reste } = s
      const doc = await creer('sites', { ...reste, compagnie: compagnie ? sites.get(compagnie) : undefined })
      sites.set(s.slug, doc.id)
    }
    compter('sites', !existe)
  }

  // Postes
  const postes = await cartographie(payload, 'postes', 'slug')
  for (const p of contenu.postes) {
    const existe = postes.has(p.slug)
    if (!existe) postes.set(p.slug, (await creer('postes', { ...p, sites: p.sites.map((slug) => sites.get(slug)) })).id)
    compter('postes', !existe)
  }

  // Permanences : une par couple lieu-poste ; une permanence déjà présente (même modifiée) est laissée telle quelle.
  const { docs: permanencesExistantes } = await payload.find({ collection: 'permanences', pagination: false, depth: 0, overrideAccess: true })
  const dejaLa = new Set(permanencesExistantes.map((p) => `${p.site}:${p.poste}`))
  for (const p of contenu.permanences) {
    const ids = { site: sites.get(String(p.site))!, poste: postes.get(String(p.poste))! }
    const existe = dejaLa.has(`${ids.site}:${ids.poste}`)
    if (!existe) await creer('permanences', documentDepuisPermanence(p, ids))
    compter('permanences', !existe)
  }

  // Logigramme et formation (après les sites : une session de formation désigne un lieu).
  Object.assign(bilan, await seederLogigramme(payload, { contenu: contenu.logigramme }), await seederFormation(payload, { contenu: contenu.formation }))
  // Vocabulaire de recherche (sigles, mots des policiers) : référentiel que l'opérateur enrichit ensuite.
  Object.assign(bilan, await seederVocabulaire(payload))

  // Annuaire de démonstration (format data·inclusion), jamais en production sans le demander.
  if (!contenu.annuaire) return bilan
  const structures = await cartographie(payload, 'structures', 'id_source')
  for (const s of contenu.annuaire.structures) {
    const existe = structures.has(s.id)
    if (!existe) structures.set(s.id, (await creer('structures', structureVersDocument(s))).id)
    compter('structures', !existe)
  }
  const services = await cartographie(payload, 'services', 'id_source')
  for (const sv of contenu.annuaire.services) {
    const existe = services.has(sv.id)
    if (!existe) await creer('services', serviceVersDocument(sv, structures.get(sv.structure_id) as number))
    compter('services', !existe)
  }
  return bilan
}

export const resumerBilan = (bilan: Bilan) =>
  Object.entries(bilan)
    .map(([c, { crees, existants }]) => `${c} : ${crees} créé(s), ${existants} déjà présent(s)`)
    .join(' ; ')
