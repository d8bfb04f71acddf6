import type { CollectionConfig, Field } from 'payload'
import type { z } from 'zod'

import {
  serviceDataInclusion,
  structureDataInclusion,
  type ServiceDataInclusion,
  type StructureDataInclusion,
} from '../../../content/schemas/data-inclusion'
import { Services } from '../../collections/Services'
import { Structures } from '../../collections/Structures'
import { serviceVersDocument, structureVersDocument } from '../dataInclusion'
import { cheminChamp, masquerValeurs, type Rejet } from '../../../domaine/annuaire/rejets'

export type { Rejet } from '../../../domaine/annuaire/rejets'

/**
 * Validation d'un fichier data·inclusion avant toute écriture : chaque
 * enregistrement est validé (on ne s'arrête pas au premier problème), puis les
 * règles entre enregistrements (identifiants en double, structure de
 * rattachement ni dans le fichier ni en base).
 *
 * Les raisons ne citent jamais la valeur d'un champ de texte libre ou de
 * contact : seulement les identifiants, les noms de champs et les codes de
 * référentiel (utiles pour corriger, sans caractère personnel).
 */

export type EntreeValide<T> = { index: number; position: string; donnees: T }

export type ResultatValidation = {
  /** Le fichier n'a pas la forme attendue (pas de liste `structures`…) : rien n'est importable. */
  illisible: boolean
  structures: EntreeValide<StructureDataInclusion>[]
  services: EntreeValide<ServiceDataInclusion>[]
  rejetes: Rejet[]
  avertissements: Rejet[]
}

const idDe = (entree: unknown): string | undefined =>
  entree && typeof entree === 'object' && typeof (entree as { id?: unknown }).id === 'string'
    ? (entree as { id: string }).id
    : undefined

const messageDeSecours = (iss: { code?: string }) => `valeur invalide (${iss.code ?? 'inconnue'})`

// ---------------------------------------------------------------------------
// Contrôles propres à la base
// ---------------------------------------------------------------------------

type ValidateurChamp = { nom: string; avant?: (valeur: unknown) => unknown; valider: (valeur: unknown) => true | string }

/**
 * Validateurs écrits dans les collections (format d'identifiant, téléphone à
 * 10 chiffres, horaires OpenStreetMap, codes INSEE…), plus stricts que le
 * schéma data·inclusion sur certains points (un « +33 4 … » est valide pour
 * data·inclusion mais pas pour la collection). On les applique avant d'écrire
 * pour rejeter l'enregistrement fautif avec sa position, au lieu d'annuler
 * tout l'import à la première écriture refusée. Ce sont les fonctions mêmes des
 * collections (aucune règle recopiée), pour les champs qui en ont une à eux :
 * Payload donne aux autres un validateur par défaut qui attend une vraie
 * requête ; ceux-là sont vérifiés à l'écriture.
 */
const CHAMPS_A_VALIDATEUR_PROPRE = new Set(['id_source', 'telephone', 'horaires_accueil', 'code_postal', 'code_insee', 'thematiques', 'zone_eligibilite'])

function validateursPersonnalises(collection: CollectionConfig): ValidateurChamp[] {
  const sortie: ValidateurChamp[] = []
  const parcourir = (champs: Field[]) => {
    for (const champ of champs) {
      if (champ.type === 'row' || champ.type === 'collapsible') {
        parcourir(champ.fields)
        continue
      }
      if (!('name' in champ) || !CHAMPS_A_VALIDATEUR_PROPRE.has(champ.name)) continue
      if (!('validate' in champ) || typeof champ.validate !== 'function') continue
      const hook = champ.hooks?.beforeValidate?.[0] as ((args: { value: unknown }) => unknown) | undefined
      const validate = champ.validate as (valeur: unknown, options: unknown) => unknown
      sortie.push({
        nom: champ.name,
        avant: hook ? (value) => hook({ value }) : undefined,
        valider: (v) => {
          const r = validate(v, {})
          return typeof r === 'string' ? r : true
        },
      })
    }
  }
  parcourir(collection.fields)
  return sortie
}

let validateurs: { structures: ValidateurChamp[]; services: ValidateurChamp[] } | undefined
const validateursDe = (collection: 'structures' | 'services') =>
  (validateurs ??= { structures: validateursPersonnalises(Structures), services: validateursPersonnalises(Services) })[collection]

const NOMS_DATA_INCLUSION: Record<string, string> = { id_source: 'id', structure: 'structure_id' }

function controlesDeLaBase(collection: 'structures' | 'services', document: Record<string, unknown>): { champ: string; raison: string }[] {
  const problemes: { champ: string; raison: string }[] = []
  for (const { nom, avant, valider } of validateursDe(collection)) {
    if (!(nom in document)) continue
    try {
      const valeur = avant ? avant(document[nom]) : document[nom]
      const resultat = valider(valeur)
      if (resultat !== true) problemes.push({ champ: NOMS_DATA_INCLUSION[nom] ?? nom, raison: `refusé par l'annuaire : ${resultat}` })
    } catch {
      // Validateur qui attend le contexte d'une requête : l'écriture le vérifiera.
    }
  }
  return problemes
}

// ---------------------------------------------------------------------------
// Validation du fichier
// ---------------------------------------------------------------------------

const CLES_RACINE = new Set(['_meta', 'structures', 'services'])

export function validerDonnees(
  donnees: unknown,
  { idsStructuresEnBase, partiel }: { idsStructuresEnBase: ReadonlySet<string>; partiel: boolean },
): ResultatValidation {
  const resultat: ResultatValidation = { illisible: false, structures: [], services: [], rejetes: [], avertissements: [] }
  // Messages écrits ici, sans valeur du fichier : rien à masquer.
  const rejeter = (r: Rejet) => resultat.rejetes.push(r)

  // Forme générale du fichier
  const racine = 'racine du fichier'
  if (!donnees || typeof donnees !== 'object' || Array.isArray(donnees)) {
    rejeter({ position: racine, champ: '', raison: 'objet JSON attendu : { "structures": [...], "services": [...] }' })
    return { ...resultat, illisible: true }
  }
  const objet = donnees as Record<string, unknown>
  for (const cle of ['structures', 'services'])
    if (!Array.isArray(objet[cle]))
      rejeter({ position: racine, champ: cle, raison: objet[cle] === undefined ? 'liste obligatoire manquante' : 'liste attendue' })
  for (const cle of Object.keys(objet))
    if (!CLES_RACINE.has(cle)) rejeter({ position: racine, champ: cle, raison: 'champ inconnu (attendus : _meta, structures, services)' })
  if (resultat.rejetes.length > 0) return { ...resultat, illisible: true }
  const structures = objet.structures as unknown[]
  const services = objet.services as unknown[]

  // Chaque enregistrement, avec le schéma zod data·inclusion puis les règles de la collection
  const problemesParEntree = { structures: new Map<number, Rejet[]>(), services: new Map<number, Rejet[]>() }
  /** `brut` : la raison ne cite que des noms de champs (champ inconnu), elle n'est pas masquée. */
  const noter = (collection: 'structures' | 'services', index: number, champ: string, raison: string, brut = false) => {
    const liste = collection === 'structures' ? structures : services
    const r: Rejet = { position: `${collection}[${index}]`, id: idDe(liste[index]), champ, raison: brut ? raison : masquerValeurs(champ, raison) }
    const map = problemesParEntree[collection]
    map.set(index, [...(map.get(index) ?? []), r])
  }
  const valides = { structures: new Map<number, StructureDataInclusion>(), services: new Map<number, ServiceDataInclusion>() }

  structures.forEach((entree, i) => {
    const r = structureDataInclusion.safeParse(entree, { error: messageDeSecours })
    if (!r.success) return r.error.issues.forEach((iss: z.core.$ZodIssue) => noter('structures', i, cheminChamp(iss.path), iss.message, iss.code === 'unrecognized_keys'))
    const pb = controlesDeLaBase('structures', structureVersDocument(r.data) as unknown as Record<string, unknown>)
    if (pb.length > 0) return pb.forEach((p) => noter('structures', i, p.champ, p.raison))
    valides.structures.set(i, r.data)
  })
  services.forEach((entree, i) => {
    const r = serviceDataInclusion.safeParse(entree, { error: messageDeSecours })
    if (!r.success) return r.error.issues.forEach((iss: z.core.$ZodIssue) => noter('services', i, cheminChamp(iss.path), iss.message, iss.code === 'unrecognized_keys'))
    const pb = controlesDeLaBase('services', serviceVersDocument(r.data, 0) as unknown as Record<string, unknown>)
    if (pb.length > 0) return pb.forEach((p) => noter('services', i, p.champ, p.raison))
    if (r.data.contact_nom_prenom != null)
      resultat.avertissements.push({
        position: `services[${i}]`,
        id: r.data.id,
        champ: 'contact_nom_prenom',
        raison: "ignoré : donnée personnelle, jamais conservée par l'annuaire",
      })
    valides.services.set(i, r.data)
  })

  // Identifiants en double (toutes les occurrences sont rejetées : laquelle serait la bonne ?)
  for (const collection of ['structures', 'services'] as const) {
    const liste = collection === 'structures' ? structures : services
    const positions = new Map<string, number[]>()
    liste.forEach((entree, i) => {
      const id = idDe(entree)
      if (id !== undefined) positions.set(id, [...(positions.get(id) ?? []), i])
    })
    for (const [id, indices] of positions) {
      if (indices.length < 2) continue
      for (const i of indices) {
        const autres = indices.filter((j) => j !== i).map((j) => `${collection}[${j}]`)
        noter(collection, i, 'id', `identifiant en double : « ${id} » figure aussi en ${autres.join(', ')}`)
      }
    }
  }

  // Structure de rattachement : dans le fichier, ou déjà en base
  const idsDuFichier = new Map<string, number>()
  structures.forEach((entree, i) => {
    const id = idDe(entree)
    if (id !== undefined && !idsDuFichier.has(id)) idsDuFichier.set(id, i)
  })
  services.forEach((entree, i) => {
    const sid = entree && typeof entree === 'object' ? (entree as { structure_id?: unknown }).structure_id : undefined
    if (typeof sid !== 'string') return
    if (!idsDuFichier.has(sid) && !idsStructuresEnBase.has(sid))
      noter('services', i, 'structure_id', `structure de rattachement inconnue : « ${sid} » (ni dans ce fichier ni déjà dans l'annuaire)`)
  })

  // Import partiel : le service d'une structure rejetée est rejeté aussi
  if (partiel) {
    services.forEach((entree, i) => {
      if (problemesParEntree.services.has(i)) return
      const sid = (entree as { structure_id?: unknown }).structure_id
      const j = typeof sid === 'string' ? idsDuFichier.get(sid) : undefined
      if (j !== undefined && problemesParEntree.structures.has(j))
        noter('services', i, 'structure_id', `structure de rattachement « ${sid} » rejetée (structures[${j}]) : service non importé`)
    })
  }

  for (const collection of ['structures', 'services'] as const) {
    const pb = problemesParEntree[collection]
    for (const i of [...pb.keys()].sort((a, b) => a - b)) resultat.rejetes.push(...pb.get(i)!)
  }
  for (const [i, donneesStructure] of valides.structures)
    if (!problemesParEntree.structures.has(i)) resultat.structures.push({ index: i, position: `structures[${i}]`, donnees: donneesStructure })
  for (const [i, donneesService] of valides.services)
    if (!problemesParEntree.services.has(i)) resultat.services.push({ index: i, position: `services[${i}]`, donnees: donneesService })
  resultat.structures.sort((a, b) => a.index - b.index)
  resultat.services.sort((a, b) => a.index - b.index)
  return resultat
}
