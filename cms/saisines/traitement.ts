import type { Payload } from 'payload'

import { cible, type ActionJournal } from '../../domaine/journal/evenements'
import {
  changerStatut,
  changerStatutOrientation,
  CONNAISSANCES,
  erreursParChamp,
  schemaActe,
  schemaOrientation,
  schemaRetourArticle4,
  schemaSignalement,
  saisineValidee,
  STATUT_ORIENTATION_INITIAL,
  STATUTS_CLOS,
  TransitionRefusee,
  type Statut,
  type StatutOrientation,
} from '../../domaine/saisines'
import { journaliser } from '../journalAudit'
import type { Orientation, Structure } from '../payload-types'
import { idNumerique as idDe } from '../../domaine/reference'
import { type ActeurEspace } from './acteur'
import { chiffrerChamp } from './chiffrement'
import { nouveauJeton } from './depot'
import { historiqueDe, historiqueOrientationDe, retoursDe, saisineVisee } from './lecture'
import { INTROUVABLE, refus, type Resultat } from './resultat'

/**
 * Ce que l'intervenant du poste fait d'une saisine : statut, retours de
 * l'article 4, actes, orientations, signalements. Chaque fonction redécide
 * « traiter » sur la saisine visée (404 hors portée), valide avec le schéma du
 * domaine, écrit, et journalise (identifiant seul).
 */

type Options = { maintenant?: Date; adresse?: string | null }
type Champs = Record<string, string | undefined>

/** Saisine dont la conservation a effacé les données personnelles : plus rien ne s'y écrit. */
const EFFACEE = refus(409, 'Cette saisine est close et ses données personnelles ont été effacées.')
/** Saisine importée de la synthèse du GGD, pas encore validée (ou écartée) : aucun suivi avant le tri. */
const NON_VALIDEE = refus(409, 'Cette saisine est à trier : validez-la (« Reçue » ou « Prise en charge ») avant d’y enregistrer un suivi.')
const horsSuivi = (s: { statut: string; donneesEffaceesLe?: string | null }) => (s.donneesEffaceesLe ? EFFACEE : saisineValidee(s.statut) ? null : NON_VALIDEE)

const vide = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v)
const journal = (payload: Payload, action: ActionJournal, acteur: ActeurEspace, collection: string, id: number, adresse?: string | null) =>
  journaliser(payload, { action, acteur: acteur.id, cible: cible(collection, id), adresse: adresse ?? null })

export async function changerStatutSaisine(payload: Payload, acteur: ActeurEspace | null, id: number | string, vers: string, o: Options = {}): Promise<Resultat> {
  const maintenant = o.maintenant ?? new Date()
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  if (s.donneesEffaceesLe) return EFFACEE
  let historique
  try {
    historique = changerStatut(historiqueDe(s.historique), vers as Statut, acteur, maintenant)
  } catch (e) {
    if (e instanceof TransitionRefusee) return refus(409, e.message, { statut: e.message })
    return refus(400, 'Statut : statut inconnu', { statut: 'Statut : statut inconnu' })
  }
  const data: Record<string, unknown> = { statut: vers, historique }
  if (vers === 'prise-en-charge' && !s.priseEnChargeLe) data.priseEnChargeLe = maintenant.toISOString()
  if ((STATUTS_CLOS as readonly string[]).includes(vers)) data.clotureeLe = maintenant.toISOString()
  await payload.update({ collection: 'saisines', id: s.id, data, overrideAccess: true, depth: 0 })
  await journal(payload, 'saisine-statut-change', acteur, 'saisines', s.id, o.adresse)
  return { ok: true }
}

/** Un retour de l'article 4 : acte explicite et daté de l'intervenant, seul contenu que l'unité voit. */
export async function enregistrerRetour(payload: Payload, acteur: ActeurEspace | null, id: number | string, type: string, o: Options = {}): Promise<Resultat> {
  const maintenant = o.maintenant ?? new Date()
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  const r = schemaRetourArticle4.safeParse({ type, le: maintenant.toISOString(), par: acteur.id })
  if (!r.success) return { ok: false, statut: 400, erreurs: { type: r.error.issues[0]!.message } }
  await payload.update({ collection: 'saisines', id: s.id, data: { retoursArticle4: [...retoursDe(s.retoursArticle4), r.data] }, overrideAccess: true, depth: 0 })
  await journal(payload, 'retour-unite-enregistre', acteur, 'saisines', s.id, o.adresse)
  return { ok: true }
}

/** Situation déjà connue des services du Département, de la CAF (indicateur 7). */
export async function modifierConnaissance(payload: Payload, acteur: ActeurEspace | null, id: number | string, champs: Champs, o: Options = {}): Promise<Resultat> {
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  const erreurs: Record<string, string> = {}
  const valeur = (nom: 'connueDepartement' | 'connueCaf', libelle: string) => {
    const v = champs[nom] ?? 'inconnu'
    if (!Object.hasOwn(CONNAISSANCES, v)) erreurs[nom] = `${libelle} : choisissez « Oui », « Non » ou « Inconnu »`
    return v as 'oui' | 'non' | 'inconnu'
  }
  const data = { connueDepartement: valeur('connueDepartement', 'Connue des services du Département'), connueCaf: valeur('connueCaf', 'Connue de la CAF') }
  if (Object.keys(erreurs).length) return { ok: false, statut: 400, erreurs }
  await payload.update({ collection: 'saisines', id: s.id, data, overrideAccess: true, depth: 0 })
  await journal(payload, 'saisine-modifiee', acteur, 'saisines', s.id, o.adresse)
  return { ok: true }
}

export async function ajouterActe(payload: Payload, acteur: ActeurEspace | null, id: number | string, champs: Champs, o: Options = {}): Promise<Resultat<{ id: number }>> {
  const maintenant = o.maintenant ?? new Date()
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  const bloque = horsSuivi(s)
  if (bloque) return bloque
  const r = schemaActe({ maintenant }).safeParse({ type: champs.type, date: champs.date, texte: vide(champs.texte) })
  if (!r.success) return { ok: false, statut: 400, erreurs: erreursParChamp(r.error) }
  const jeton = nouveauJeton()
  const cree = await payload.create({
    collection: 'actes',
    data: { jeton, saisine: s.id, poste: idDe(s.poste), type: r.data.type, date: r.data.date, texte: chiffrerChamp('actes', jeton, 'texte', r.data.texte), auteur: acteur.id },
    overrideAccess: true,
    depth: 0,
  })
  await journal(payload, 'acte-enregistre', acteur, 'actes', cree.id, o.adresse)
  return { ok: true, id: cree.id }
}

export async function ajouterOrientation(payload: Payload, acteur: ActeurEspace | null, id: number | string, champs: Champs, o: Options = {}): Promise<Resultat<{ id: number }>> {
  const maintenant = o.maintenant ?? new Date()
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  const bloque = horsSuivi(s)
  if (bloque) return bloque
  const r = schemaOrientation({ maintenant }).safeParse({ structure: champs.structure, service: vide(champs.service), date: champs.date, commentaire: vide(champs.commentaire) })
  if (!r.success) return { ok: false, statut: 400, erreurs: erreursParChamp(r.error) }
  const structure = (
    await payload.find({ collection: 'structures', where: { id: { equals: Number(r.data.structure) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  ).docs[0] as Structure | undefined
  if (!structure) return { ok: false, statut: 400, erreurs: { structure: 'Structure : absente de l’annuaire' } }
  const service = r.data.service === undefined ? null : Number(r.data.service)
  if (service !== null && !(await payload.find({ collection: 'services', where: { and: [{ id: { equals: service } }, { structure: { equals: structure.id } }] }, limit: 1, pagination: false, depth: 0, overrideAccess: true })).docs.length) return { ok: false, statut: 400, erreurs: { service: 'Service : n’appartient pas à cette structure' } }
  const jeton = nouveauJeton()
  const cree = await payload.create({
    collection: 'orientations',
    data: {
      jeton,
      saisine: s.id,
      poste: idDe(s.poste),
      structure: structure.id,
      service,
      nomStructure: structure.nom,
      typePartenaire: structure.type_partenaire ?? null,
      statut: STATUT_ORIENTATION_INITIAL,
      // Elle naît « proposée » : l'historique ne garde que les changements qui suivent.
      historique: [],
      date: r.data.date,
      commentaire: chiffrerChamp('orientations', jeton, 'commentaire', r.data.commentaire),
      auteur: acteur.id,
    },
    overrideAccess: true,
    depth: 0,
  })
  await journal(payload, 'orientation-enregistree', acteur, 'orientations', cree.id, o.adresse)
  return { ok: true, id: cree.id }
}

export async function changerStatutDOrientation(payload: Payload, acteur: ActeurEspace | null, idOrientation: number | string, vers: string, o: Options = {}): Promise<Resultat> {
  const maintenant = o.maintenant ?? new Date()
  if (!/^\d+$/.test(String(idOrientation)) || !acteur) return INTROUVABLE
  const orientation = (
    await payload.find({ collection: 'orientations', where: { id: { equals: Number(idOrientation) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
  ).docs[0] as Orientation | undefined
  if (!orientation) return INTROUVABLE
  const s = await saisineVisee(payload, acteur, idDe(orientation.saisine) ?? 0, 'traiter')
  if (!s) return INTROUVABLE
  let historique
  try {
    historique = changerStatutOrientation(historiqueOrientationDe(orientation.historique), vers as StatutOrientation, acteur, maintenant)
  } catch (e) {
    const message = e instanceof Error ? e.message : 'Statut de l’orientation : changement refusé'
    return refus(409, message, { statut: message })
  }
  await payload.update({ collection: 'orientations', id: orientation.id, data: { statut: vers, historique }, overrideAccess: true, depth: 0 })
  await journal(payload, 'orientation-modifiee', acteur, 'orientations', orientation.id, o.adresse)
  return { ok: true }
}

export async function enregistrerSignalement(payload: Payload, acteur: ActeurEspace | null, id: number | string, champs: Champs, o: Options = {}): Promise<Resultat<{ id: number }>> {
  const maintenant = o.maintenant ?? new Date()
  const s = await saisineVisee(payload, acteur, id, 'traiter')
  if (!s || !acteur) return INTROUVABLE
  // Comme un acte : une saisine effacée n'a plus de personne à qui rattacher le signalement (une
  // situation nouvelle fait une nouvelle saisine), une saisine à trier se valide d'abord.
  const bloque = horsSuivi(s)
  if (bloque) return bloque
  const r = schemaSignalement({ maintenant }).safeParse({ article: champs.article, date: champs.date, destinataire: champs.destinataire, precisionDestinataire: vide(champs.precisionDestinataire), texte: vide(champs.texte) })
  if (!r.success) return { ok: false, statut: 400, erreurs: erreursParChamp(r.error) }
  const jeton = nouveauJeton()
  const cree = await payload.create({
    collection: 'signalements-judiciaires',
    data: {
      jeton,
      saisine: s.id,
      poste: idDe(s.poste),
      article: r.data.article,
      date: r.data.date,
      destinataire: r.data.destinataire,
      // Texte libre (« substitut X… ») : un nom peut s'y glisser, il est chiffré comme le texte.
      precision: chiffrerChamp('signalements-judiciaires', jeton, 'precision', 'precisionDestinataire' in r.data ? r.data.precisionDestinataire : null),
      texte: chiffrerChamp('signalements-judiciaires', jeton, 'texte', r.data.texte),
      auteur: acteur.id,
    },
    overrideAccess: true,
    depth: 0,
  })
  await journal(payload, 'signalement-judiciaire-enregistre', acteur, 'signalements-judiciaires', cree.id, o.adresse)
  return { ok: true, id: cree.id }
}
