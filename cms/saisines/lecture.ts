import type { Payload, Where } from 'payload'

import { cible } from '../../domaine/journal/evenements'
import {
  dureeAccompagnementJours,
  nombreActes,
  operationPermise,
  retourPourUnite,
  schemaChangement,
  schemaChangementOrientation,
  statutOrientationCourant,
  schemaRetourArticle4,
  statutCourant,
  STATUTS,
  type Changement,
  type ChangementOrientation,
  type StatutOrientation,
  type TypeActe,
  type RetourArticle4,
  type RetourPourUnite,
  type Statut,
} from '../../domaine/saisines'
import { journaliser } from '../journalAudit'
import type { Acte, Orientation, Saisine, SignalementsJudiciaire } from '../payload-types'
import { idNumerique as idDe } from '../../domaine/reference'
import { type ActeurEspace } from './acteur'
import { dechiffrerChamp, dechiffrerIdentite, type Identite } from './chiffrement'

/**
 * Lire les saisines, selon qui lit. Chaque fonction redécide avec
 * `operationPermise` sur l'enregistrement lu, filtre en base sur la portée
 * (auteur pour l'agent, poste pour l'intervenant) et journalise la lecture
 * (identifiant seul). L'agent ne reçoit que `retourPourUnite` : la vue est
 * construite champ par champ, jamais une copie de l'enregistrement.
 */

export const historiqueDe = (brut: unknown): Changement[] =>
  (Array.isArray(brut) ? brut : []).flatMap((c) => {
    const r = schemaChangement.safeParse(c)
    return r.success ? [r.data] : []
  })
export const historiqueOrientationDe = (brut: unknown): ChangementOrientation[] =>
  (Array.isArray(brut) ? brut : []).flatMap((c) => {
    const r = schemaChangementOrientation.safeParse(c)
    return r.success ? [r.data] : []
  })
export const retoursDe = (brut: unknown): RetourArticle4[] =>
  (Array.isArray(brut) ? brut : []).flatMap((c) => {
    const r = schemaRetourArticle4.safeParse(c)
    return r.success ? [r.data] : []
  })

export type FiltresSaisines = { statut?: string; unite?: string; du?: string; au?: string }
const RE_JOUR = /^\d{4}-\d{2}-\d{2}$/

/** La portée de l'acteur en base ; null : il ne lit aucune saisine. */
function portee(acteur: ActeurEspace | null): Where | null {
  if (!acteur || acteur.suspendu) return null
  if (acteur.role === 'agent-fsi') return { auteur: { equals: acteur.id } }
  if (acteur.role === 'intervenant' && acteur.poste !== null) return { poste: { equals: acteur.poste } }
  return null
}

export type LigneAgent = { id: number; retour: RetourPourUnite }
export type LigneIntervenant = {
  id: number
  date: string
  statut: Statut
  libelleStatut: string
  urgence: boolean
  unite: string | null
  personnes: string[]
  profil: string
  problematique: string
}
export type ListeSaisines = { vue: 'unite'; lignes: LigneAgent[] } | { vue: 'intervenant'; lignes: LigneIntervenant[] }

export async function listerSaisines(
  payload: Payload,
  acteur: ActeurEspace | null,
  filtres: FiltresSaisines = {},
  adresse: string | null = null,
): Promise<ListeSaisines | null> {
  const base = portee(acteur)
  if (!base || !acteur) return null
  const et: Where[] = [base]
  if (filtres.statut && Object.hasOwn(STATUTS, filtres.statut) && acteur.role === 'intervenant') et.push({ statut: { equals: filtres.statut } })
  if (filtres.unite && /^\d+$/.test(filtres.unite)) et.push({ unite: { equals: Number(filtres.unite) } })
  if (filtres.du && RE_JOUR.test(filtres.du)) et.push({ date: { greater_than_equal: filtres.du } })
  if (filtres.au && RE_JOUR.test(filtres.au)) et.push({ date: { less_than_equal: filtres.au } })
  const { docs } = await payload.find({ collection: 'saisines', where: { and: et }, sort: '-date', limit: 200, depth: 1, overrideAccess: true })
  await journaliser(payload, { action: 'saisines-listees', acteur: acteur.id, adresse })
  const saisines = docs as Saisine[]
  if (acteur.role === 'agent-fsi')
    return { vue: 'unite', lignes: saisines.map((s) => ({ id: s.id, retour: retourPourUnite({ date: s.date, historique: historiqueDe(s.historique), retoursArticle4: retoursDe(s.retoursArticle4) }) })) }
  return {
    vue: 'intervenant',
    lignes: saisines.map((s) => {
      const statut = statutCourant(historiqueDe(s.historique))
      return {
        id: s.id,
        date: s.date,
        statut,
        libelleStatut: STATUTS[statut],
        urgence: Boolean(s.urgence),
        unite: s.unite && typeof s.unite === 'object' ? s.unite.nom : null,
        personnes: (s.personnes ?? []).map((p) => {
          const identite = lireIdentite(s.jeton, p.id ?? '', p.identite)
          return identite ? `${identite.prenom} ${identite.nom}` : 'Identité effacée'
        }),
        profil: s.profil,
        problematique: s.problematique,
      }
    }),
  }
}

function lireIdentite(jeton: string, rang: string, chiffre: string | null | undefined): Identite | null {
  return chiffre ? dechiffrerIdentite(jeton, rang, chiffre) : null
}

type PersonneEnBase = NonNullable<Saisine['personnes']>[number]
export type PersonneLue = {
  rang: string
  identite: Identite | null
  age: number | null
  sexe: PersonneEnBase['sexe']
  situationFamiliale: PersonneEnBase['situationFamiliale']
  commune: string | null
  dejaSaisie: number
}
export type ActeLu = { id: number; type: TypeActe; date: string; texte: string | null }
export type OrientationLue = { id: number; structure: number | null; service: number | null; nomStructure: string; typePartenaire: string | null; statut: StatutOrientation; date: string; commentaire: string | null; historique: ChangementOrientation[] }
export type SignalementLu = { id: number; article: string; date: string; destinataire: string; precision: string | null; texte: string | null }

export type SaisineComplete = {
  id: number
  enregistrement: Saisine
  statut: Statut
  historique: Changement[]
  retours: RetourArticle4[]
  personnes: PersonneLue[]
  ditALaPersonne: string | null
  texteLibre: string | null
  actes: ActeLu[]
  orientations: OrientationLue[]
  signalements: SignalementLu[]
  dureeAccompagnementJours: number | null
  nombreActes: number
  effacee: boolean
}

export type VueSaisine = { vue: 'unite'; id: number; retour: RetourPourUnite } | ({ vue: 'complete' } & SaisineComplete)

async function saisineParId(payload: Payload, id: number | string): Promise<Saisine | null> {
  const n = idDe(id)
  if (n === null) return null
  const { docs } = await payload.find({ collection: 'saisines', where: { id: { equals: n } }, limit: 1, pagination: false, depth: 1, overrideAccess: true })
  return (docs[0] as Saisine | undefined) ?? null
}

/** La saisine visée et ce que l'acteur peut y faire, ou null (introuvable ou hors de sa portée). */
export async function saisineVisee(payload: Payload, acteur: ActeurEspace | null, id: number | string, operation: 'voir-retour' | 'voir-contenu' | 'traiter') {
  const s = await saisineParId(payload, id)
  if (!s || !acteur) return null
  const visee = { auteur: idDe(s.auteur), poste: idDe(s.poste) }
  return operationPermise(acteur, operation, visee) ? s : null
}

/** Lit une saisine pour l'acteur : la vue de l'unité, la vue complète, ou null (404). */
export async function lireSaisine(payload: Payload, acteur: ActeurEspace | null, id: number | string, adresse: string | null = null, maintenant = new Date()): Promise<VueSaisine | null> {
  const s = await saisineParId(payload, id)
  if (!s || !acteur) return null
  const visee = { auteur: idDe(s.auteur), poste: idDe(s.poste) }
  if (operationPermise(acteur, 'voir-contenu', visee)) {
    const complete = await contenuComplet(payload, s, maintenant)
    await journaliser(payload, { action: 'saisine-consultee', acteur: acteur.id, cible: cible('saisines', s.id), adresse })
    return { vue: 'complete', ...complete }
  }
  if (operationPermise(acteur, 'voir-retour', visee)) {
    await journaliser(payload, { action: 'saisine-consultee', acteur: acteur.id, cible: cible('saisines', s.id), adresse })
    return { vue: 'unite', id: s.id, retour: retourPourUnite({ date: s.date, historique: historiqueDe(s.historique), retoursArticle4: retoursDe(s.retoursArticle4) }) }
  }
  return null
}

/** Tout ce que la base tient sur une saisine, déchiffré (réservé à l'intervenant du poste et à l'export du droit d'accès). */
export async function contenuComplet(payload: Payload, s: Saisine, maintenant = new Date()): Promise<SaisineComplete> {
  const parSaisine = { saisine: { equals: s.id } }
  const [actes, orientations, signalements] = await Promise.all([
    payload.find({ collection: 'actes', where: parSaisine, sort: 'date', pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'orientations', where: parSaisine, sort: 'date', pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'signalements-judiciaires', where: parSaisine, sort: 'date', pagination: false, depth: 0, overrideAccess: true }),
  ])
  const historique = historiqueDe(s.historique)
  const cles = (s.personnes ?? []).map((p) => p.clePersonne).filter((c): c is string => Boolean(c))
  // Une personne déjà saisie : repérée par sa clé pseudonyme, sans déchiffrer les autres saisines.
  const autres = cles.length
    ? await payload.find({ collection: 'saisines', where: { and: [{ 'personnes.clePersonne': { in: cles } }, { id: { not_equals: s.id } }] }, pagination: false, depth: 0, overrideAccess: true, select: { personnes: true } })
    : { docs: [] as Saisine[] }
  const actesLus: ActeLu[] = (actes.docs as Acte[]).map((a) => ({ id: a.id, type: a.type as TypeActe, date: a.date, texte: dechiffrerChamp('actes', a.jeton, 'texte', a.texte) }))
  return {
    id: s.id,
    enregistrement: s,
    statut: statutCourant(historique),
    historique,
    retours: retoursDe(s.retoursArticle4),
    personnes: (s.personnes ?? []).map((p) => ({
      rang: p.id ?? '',
      identite: lireIdentite(s.jeton, p.id ?? '', p.identite),
      age: p.age ?? null,
      sexe: p.sexe,
      situationFamiliale: p.situationFamiliale,
      commune: p.commune ?? null,
      dejaSaisie: p.clePersonne ? (autres.docs as Saisine[]).filter((a) => a.personnes?.some((q) => q.clePersonne === p.clePersonne)).length : 0,
    })),
    ditALaPersonne: dechiffrerChamp('saisines', s.jeton, 'ditALaPersonne', s.ditALaPersonne),
    texteLibre: dechiffrerChamp('saisines', s.jeton, 'texteLibre', s.texteLibre),
    actes: actesLus,
    orientations: (orientations.docs as Orientation[]).map((o) => ({
      id: o.id,
      structure: idDe(o.structure),
      service: idDe(o.service),
      nomStructure: o.nomStructure,
      typePartenaire: o.typePartenaire ?? null,
      statut: statutOrientationCourant(historiqueOrientationDe(o.historique)),
      date: o.date,
      commentaire: dechiffrerChamp('orientations', o.jeton, 'commentaire', o.commentaire),
      historique: historiqueOrientationDe(o.historique),
    })),
    signalements: (signalements.docs as SignalementsJudiciaire[]).map((g) => ({
      id: g.id,
      article: g.article,
      date: g.date,
      destinataire: g.destinataire,
      precision: dechiffrerChamp('signalements-judiciaires', g.jeton, 'precision', g.precision),
      texte: dechiffrerChamp('signalements-judiciaires', g.jeton, 'texte', g.texte),
    })),
    dureeAccompagnementJours: dureeAccompagnementJours(historique, maintenant),
    nombreActes: nombreActes(actesLus),
    effacee: Boolean(s.donneesEffaceesLe),
  }
}

export type SignalementPourCoordination = { id: number; saisine: number; poste: string | null; article: string; date: string; destinataire: string; precision: string | null }

/**
 * Les signalements judiciaires, pour la coordination qui en suit la traçabilité :
 * article, date, destinataire, poste ; ni identité ni texte.
 */
export async function listerSignalements(payload: Payload, acteur: ActeurEspace | null, adresse: string | null = null): Promise<SignalementPourCoordination[] | null> {
  if (!acteur || !operationPermise(acteur, 'voir-signalements', {}) || acteur.role !== 'coordination') return null
  const { docs } = await payload.find({ collection: 'signalements-judiciaires', sort: '-date', limit: 500, depth: 1, overrideAccess: true })
  await journaliser(payload, { action: 'signalements-judiciaires-consultes', acteur: acteur.id, adresse })
  return (docs as SignalementsJudiciaire[]).map((g) => ({
    id: g.id,
    saisine: idDe(g.saisine) ?? 0,
    poste: g.poste && typeof g.poste === 'object' ? g.poste.intitule : null,
    article: g.article,
    date: g.date,
    destinataire: g.destinataire,
    precision: dechiffrerChamp('signalements-judiciaires', g.jeton, 'precision', g.precision),
  }))
}

/**
 * Le compteur de la notification dans l'espace de l'intervenant : combien de
 * saisines de son poste attendent encore (« reçue », ou « à trier » : venues de
 * la synthèse du GGD). Un nombre, rien d'autre :
 * ni identifiant ni contenu, donc pas de lecture à journaliser.
 */
export async function compterSaisinesRecues(payload: Payload, acteur: ActeurEspace | null, statut: 'recue' | 'a-trier' = 'recue'): Promise<number> {
  if (!acteur || acteur.suspendu || acteur.role !== 'intervenant' || acteur.poste === null) return 0
  if (!operationPermise(acteur, 'voir-contenu', { poste: acteur.poste })) return 0
  const { totalDocs } = await payload.count({ collection: 'saisines', where: { and: [{ poste: { equals: acteur.poste } }, { statut: { equals: statut } }] }, overrideAccess: true })
  return totalDocs
}
