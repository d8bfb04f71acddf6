import { createLocalReq, ValidationError, type Payload, type PayloadRequest } from 'payload'

import type { ServiceDataInclusion, StructureDataInclusion } from '../../../content/schemas/data-inclusion'
import type { Service, Structure } from '../../payload-types'
import { serviceVersDocument, structureVersDocument } from '../dataInclusion'
import { CHAMPS_LISTES, CHAMPS_SERVICE, CHAMPS_STRUCTURE } from '../../../domaine/annuaire/champs'
import { champsDifferents, documentVersService, documentVersStructure, serviceNormalise, structureNormalisee } from '../export/versDataInclusion'
import { annulerTransaction, ouvrirTransaction, transactionOuverte, validerTransaction } from './transaction'
import { masquerValeurs, type Rejet } from '../../../domaine/annuaire/rejets'
import { validerDonnees } from './validation'

/**
 * Import d'un fichier data·inclusion v1 dans l'annuaire (structures, services),
 * par identifiant source (`id_source`), en UNE transaction :
 * - tout est validé d'abord (zod, règles de la collection, règles entre
 *   enregistrements) ; un fichier qui a un enregistrement rejeté n'importe rien,
 *   sauf en mode `partiel` (seuls les enregistrements valides sont importés ;
 *   les services d'une structure rejetée le sont aussi) ;
 * - toute erreur imprévue en cours d'écriture annule la transaction : ce qui
 *   était enregistré avant reste intact ;
 * - en `simulation`, l'import va jusqu'au bout (mêmes contrôles, y compris
 *   ceux de la base) puis la transaction est annulée : rien n'est conservé ;
 * - les enregistrements absents du fichier ne sont jamais supprimés ;
 * - chaque écriture porte `context: { sansPublication, import }` : pas de
 *   publication par document ; l'appelant signale le changement une fois à la fin.
 */

export type OptionsImport = {
  /** Nom du fichier, pour le rapport. */
  nomFichier: string
  /** Importer les enregistrements valides même si d'autres sont rejetés. */
  partiel?: boolean
  /** Tout vérifier et compter, sans rien conserver. */
  simulation?: boolean
  /** Appelé après chaque enregistrement traité. */
  surProgression?: (fait: number, total: number) => void
}

export type Compteurs = { structures: number; services: number }

export type RapportImport = {
  fichier: string
  simulation: boolean
  partiel: boolean
  /** Des changements ont été enregistrés en base (jamais en simulation, jamais si `annule`). */
  ecrit: boolean
  /** Rien n'a été importé parce que des enregistrements sont rejetés (sans `partiel`) ou que le fichier est mal formé. */
  annule: boolean
  crees: Compteurs
  modifies: Compteurs
  inchanges: Compteurs
  rejetes: Rejet[]
  /** Remarques qui n'empêchent pas l'import (champ personnel ignoré…). */
  avertissements: Rejet[]
  /** Champs changés, par enregistrement modifié (noms seulement, jamais les valeurs). */
  modifications: { position: string; id: string; champs: string[] }[]
  /** Enregistrements déjà dans l'annuaire mais absents du fichier : conservés (l'import ne supprime rien). */
  absents: Compteurs
  dureeMs: number
}

/** Erreur imprévue pendant l'écriture : l'import entier a été annulé. */
export class ErreurImport extends Error {
  constructor(
    readonly fichier: string,
    readonly raison: string,
    readonly rejet?: Rejet,
    options?: { cause?: unknown },
  ) {
    const ou = rejet ? `${rejet.position}${rejet.id ? ` (id ${rejet.id})` : ''}${rejet.champ ? `, champ ${rejet.champ}` : ''} : ` : ''
    super(`${fichier} : import annulé, aucune donnée modifiée. ${ou}${raison}`, options)
    this.name = 'ErreurImport'
  }
}

export const CONTEXTE_IMPORT = { sansPublication: true, import: true } as const

const zero = (): Compteurs => ({ structures: 0, services: 0 })

/** Données complètes pour une mise à jour : un champ absent du fichier est vidé dans l'annuaire. */
function complet(donnees: object, champs: readonly string[]): Record<string, unknown> {
  const sortie: Record<string, unknown> = { ...donnees }
  for (const champ of champs) {
    if (champ === 'id' || champ === 'structure_id') continue
    if (sortie[champ] === undefined) sortie[champ] = CHAMPS_LISTES.has(champ) ? [] : null
  }
  return sortie
}

/** Raison lisible d'une erreur imprévue, sans valeurs (les erreurs SQL de drizzle citent les paramètres). */
function raisonDe(erreur: unknown): { champ: string; raison: string } {
  if (erreur instanceof ValidationError) {
    const erreurs = erreur.data?.errors ?? []
    const champ = erreurs.map((e) => e.path).join(', ')
    const raison = erreurs.map((e) => `${e.path} : ${e.message}`).join(' ; ') || erreur.message
    return { champ, raison: `refusé par la base : ${masquerValeurs(champ, raison)}` }
  }
  const message = erreur instanceof Error ? erreur.message : String(erreur)
  const premiereLigne = (message.split('\n', 1)[0] ?? '').replace(/params:.*$/i, '').trim()
  return { champ: '', raison: `erreur pendant l'écriture : ${premiereLigne.length > 300 ? `${premiereLigne.slice(0, 297)}…` : premiereLigne}` }
}

export async function importerDataInclusion(payload: Payload, donnees: unknown, options: OptionsImport): Promise<RapportImport> {
  const debut = performance.now()
  const partiel = options.partiel === true
  const simulation = options.simulation === true
  const contexte = { ...CONTEXTE_IMPORT, ...(simulation ? { simulation: true } : {}) }
  const rapport: RapportImport = {
    fichier: options.nomFichier,
    simulation,
    partiel,
    ecrit: false,
    annule: false,
    crees: zero(),
    modifies: zero(),
    inchanges: zero(),
    rejetes: [],
    avertissements: [],
    modifications: [],
    absents: zero(),
    dureeMs: 0,
  }
  const fin = () => ({ ...rapport, dureeMs: Math.round(performance.now() - debut) })

  const req: PayloadRequest = await createLocalReq({ context: contexte }, payload)
  await ouvrirTransaction(req)
  let position: { position: string; id: string } | undefined
  try {
    const commun = { req, overrideAccess: true, depth: 0, pagination: false } as const
    const structuresEnBase = (await payload.find({ collection: 'structures', ...commun })).docs as Structure[]
    const servicesEnBase = (await payload.find({ collection: 'services', ...commun })).docs as Service[]
    const structureParIdSource = new Map(structuresEnBase.map((s) => [s.id_source, s]))
    const serviceParIdSource = new Map(servicesEnBase.map((s) => [s.id_source, s]))
    const idSourceDeStructure = new Map<number | string, string>(structuresEnBase.map((s) => [s.id, s.id_source]))

    const validation = validerDonnees(donnees, { idsStructuresEnBase: new Set(structureParIdSource.keys()), partiel })
    rapport.rejetes = validation.rejetes
    rapport.avertissements = validation.avertissements
    if (!validation.illisible && Array.isArray((donnees as { structures?: unknown }).structures)) {
      const idsDe = (liste: unknown) =>
        new Set((Array.isArray(liste) ? liste : []).map((e) => (e as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string'))
      const tousStructures = idsDe((donnees as { structures: unknown }).structures)
      const tousServices = idsDe((donnees as { services?: unknown }).services)
      rapport.absents = {
        structures: structuresEnBase.filter((s) => !tousStructures.has(s.id_source)).length,
        services: servicesEnBase.filter((s) => !tousServices.has(s.id_source)).length,
      }
    }
    if (validation.illisible || (validation.rejetes.length > 0 && !partiel)) {
      rapport.annule = true
      await annulerTransaction(req)
      return fin()
    }

    const total = validation.structures.length + validation.services.length
    let fait = 0
    const avancer = () => options.surProgression?.(++fait, total)
    const verifierTransaction = () => {
      if (!transactionOuverte(req)) throw new Error('transaction interrompue')
    }
    const idPayloadDeStructure = new Map<string, number | string>(structuresEnBase.map((s) => [s.id_source, s.id]))

    for (const { position: pos, donnees: s } of validation.structures) {
      position = { position: pos, id: s.id }
      const existant = structureParIdSource.get(s.id)
      const data = structureVersDocument(s as StructureDataInclusion)
      if (existant) {
        const champs = champsDifferents(structureNormalisee(s), documentVersStructure(existant), CHAMPS_STRUCTURE)
        if (champs.length === 0) rapport.inchanges.structures++
        else {
          verifierTransaction()
          await payload.update({
            collection: 'structures',
            id: existant.id,
            data: complet(data, CHAMPS_STRUCTURE) as never,
            req,
            context: contexte,
            overrideAccess: true,
            depth: 0,
          })
          rapport.modifies.structures++
          rapport.modifications.push({ position: pos, id: s.id, champs })
        }
      } else {
        verifierTransaction()
        const cree = await payload.create({ collection: 'structures', data: data as never, req, context: contexte, overrideAccess: true, depth: 0 })
        idPayloadDeStructure.set(s.id, cree.id)
        idSourceDeStructure.set(cree.id, s.id)
        rapport.crees.structures++
      }
      avancer()
    }

    for (const { position: pos, donnees: sv } of validation.services) {
      position = { position: pos, id: sv.id }
      const idStructure = idPayloadDeStructure.get(sv.structure_id)
      if (idStructure === undefined) throw new Error(`structure de rattachement « ${sv.structure_id} » introuvable`)
      const existant = serviceParIdSource.get(sv.id)
      const data = serviceVersDocument(sv as ServiceDataInclusion, idStructure as number)
      if (existant) {
        const idStructureActuelle = typeof existant.structure === 'object' ? existant.structure.id : existant.structure
        const actuel = documentVersService(existant, idSourceDeStructure.get(idStructureActuelle) ?? '')
        const champs = champsDifferents(serviceNormalise(sv), actuel, CHAMPS_SERVICE)
        if (champs.length === 0) rapport.inchanges.services++
        else {
          verifierTransaction()
          await payload.update({
            collection: 'services',
            id: existant.id,
            data: complet(data, CHAMPS_SERVICE) as never,
            req,
            context: contexte,
            overrideAccess: true,
            depth: 0,
          })
          rapport.modifies.services++
          rapport.modifications.push({ position: pos, id: sv.id, champs })
        }
      } else {
        verifierTransaction()
        await payload.create({ collection: 'services', data: data as never, req, context: contexte, overrideAccess: true, depth: 0 })
        rapport.crees.services++
      }
      avancer()
    }
    position = undefined

    const changements =
      rapport.crees.structures + rapport.crees.services + rapport.modifies.structures + rapport.modifies.services
    verifierTransaction()
    if (simulation || changements === 0) await annulerTransaction(req)
    else {
      await validerTransaction(req)
      rapport.ecrit = true
    }
    return fin()
  } catch (erreur) {
    await annulerTransaction(req)
    const { champ, raison } = raisonDe(erreur)
    throw new ErreurImport(
      options.nomFichier,
      raison,
      position ? { position: position.position, id: position.id, champ, raison } : undefined,
      { cause: erreur },
    )
  }
}
