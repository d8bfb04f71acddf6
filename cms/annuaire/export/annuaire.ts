import type { Payload } from 'payload'

import {
  serviceDataInclusion,
  structureDataInclusion,
  type FichierDataInclusion,
  type ServiceDataInclusion,
  type StructureDataInclusion,
} from '../../../content/schemas/data-inclusion'
import type { Service, Structure } from '../../payload-types'
import { cheminChamp, masquerValeurs, type Rejet } from '../../../domaine/annuaire/rejets'
import { filtreSecteur } from '../../../domaine/territoire'
import { documentVersService, documentVersStructure } from './versDataInclusion'

/**
 * Lecture de l'annuaire au format data·inclusion v1 (structures + services,
 * extensions `type_partenaire` et `numero_court`), pour l'export JSON, CSV et
 * XLSX. Chaque enregistrement est revalidé avec le schéma zod : une fiche
 * saisie dans l'admin qui ne respecte pas le schéma (service sans description,
 * par exemple) est exportée quand même et signalée dans `problemes`.
 */

export type OptionsExport = {
  /**
   * Secteur : codes INSEE de communes. Seuls les services éligibles dans au
   * moins une de ces communes sont exportés (zone contenant la commune, son
   * département, son EPCI, ou « france » / « 99100 »), avec leurs structures.
   */
  communes?: readonly string[]
}

export type ExportAnnuaire = {
  donnees: FichierDataInclusion & { _meta: MetaExport }
  /** Enregistrements exportés qui ne passent pas le schéma data·inclusion (identifiant, champ, raison ; jamais de valeur). */
  problemes: Rejet[]
}

export type MetaExport = {
  titre: string
  genere_le: string
  schema: { nom: string; version: string; depot: string }
  extensions: string[]
  secteur?: { communes: string[] }
  nombres: { structures: number; services: number }
}

/** L'annuaire tel qu'il est en base, lu une fois (un export par commune n'a pas à relire la base). */
export type AnnuaireEnBase = { structures: Structure[]; services: Service[] }

export async function lireAnnuaireEnBase(payload: Payload): Promise<AnnuaireEnBase> {
  const commun = { overrideAccess: true, depth: 0, pagination: false, sort: 'id' } as const
  const structures = (await payload.find({ collection: 'structures', ...commun })).docs as Structure[]
  const services = (await payload.find({ collection: 'services', ...commun })).docs as Service[]
  return { structures, services }
}

export async function exporterAnnuaire(payload: Payload, options: OptionsExport = {}): Promise<ExportAnnuaire> {
  return composerExport(await lireAnnuaireEnBase(payload), options)
}

/** L'export lui-même : filtre du secteur, conversion data·inclusion et revalidation. */
export function composerExport({ structures: structuresEnBase, services: servicesEnBase }: AnnuaireEnBase, options: OptionsExport = {}): ExportAnnuaire {
  const idSource = new Map<number | string, string>(structuresEnBase.map((s) => [s.id, s.id_source]))
  const problemes: Rejet[] = []

  const eligible = options.communes && options.communes.length > 0 ? filtreSecteur(options.communes) : undefined
  const services: ServiceDataInclusion[] = []
  for (const doc of servicesEnBase) {
    const idStructure = typeof doc.structure === 'object' ? doc.structure.id : doc.structure
    const sid = idSource.get(idStructure)
    if (!sid) {
      problemes.push({ position: `services (id ${doc.id_source})`, id: doc.id_source, champ: 'structure_id', raison: 'structure de rattachement introuvable : service non exporté' })
      continue
    }
    if (eligible && !eligible(doc.zone_eligibilite)) continue
    services.push(documentVersService(doc, sid))
  }
  const avecService = new Set(services.map((s) => s.structure_id))
  const structures: StructureDataInclusion[] = structuresEnBase
    .filter((s) => !eligible || avecService.has(s.id_source))
    .map(documentVersStructure)

  const verifier = (collection: 'structures' | 'services', liste: { id: string }[], schema: typeof structureDataInclusion | typeof serviceDataInclusion) =>
    liste.forEach((e, i) => {
      const r = schema.safeParse(e)
      if (!r.success)
        for (const iss of r.error.issues) {
          const champ = cheminChamp(iss.path)
          problemes.push({ position: `${collection}[${i}]`, id: e.id, champ, raison: masquerValeurs(champ, iss.message) })
        }
    })
  verifier('structures', structures, structureDataInclusion)
  verifier('services', services, serviceDataInclusion)

  const _meta: MetaExport = {
    titre: 'Annuaire des partenaires des intervenants sociaux en commissariat et gendarmerie (ISCG) de l’Ain — Passerelle',
    genere_le: new Date().toISOString(),
    schema: { nom: 'data·inclusion', version: '1.0.8', depot: 'https://github.com/gip-inclusion/data-inclusion-schema' },
    extensions: ['type_partenaire', 'numero_court'],
    ...(options.communes && options.communes.length > 0 ? { secteur: { communes: [...options.communes] } } : {}),
    nombres: { structures: structures.length, services: services.length },
  }
  return { donnees: { _meta, structures, services }, problemes }
}

/** Export limité aux services éligibles dans les communes d'un secteur (codes INSEE). */
export const exporterPourSecteur = (payload: Payload, communes: readonly string[]) => exporterAnnuaire(payload, { communes })
