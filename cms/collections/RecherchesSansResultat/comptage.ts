import type { Payload } from 'payload'

import type { ExamenRecherche, RaisonRefus } from '../../../search/retour/examen'
import { limiteConservation } from '../../../search/retour/conservation'
import type { LimiteRetour } from '../../../search/retour/limite'

/**
 * Comptage et purge des « Recherches sans résultat », par le serveur seul
 * (overrideAccess : aucun compte n'a le droit de créer ces entrées par l'API).
 */
export const SLUG_RECHERCHES_SANS_RESULTAT = 'recherches-sans-resultat'

type FicheRecherche = { id: number | string; requete: string; nombre: number }
/** API locale vue sans les types générés (la collection peut manquer à payload-types.ts). */
type Api = {
  find(a: Record<string, unknown>): Promise<{ docs: FicheRecherche[] }>
  create(a: Record<string, unknown>): Promise<FicheRecherche>
  update(a: Record<string, unknown>): Promise<FicheRecherche>
  delete(a: Record<string, unknown>): Promise<{ docs: unknown[]; errors: unknown[] }>
}
const api = (payload: Payload) => payload as unknown as Api
const collection = SLUG_RECHERCHES_SANS_RESULTAT

export type IssueComptage = { comptee: true; requete: string; nouvelle: boolean } | { comptee: false; raison: RaisonRefus | 'plafond' }

export type OptionsComptage = {
  /** Examen de la saisie (le moteur du serveur : son vocabulaire et le lexique de ses fiches). */
  examiner: (texte: string) => ExamenRecherche
  limite: LimiteRetour
  maintenant?: Date
}

const trouver = async (payload: Payload, requete: string) =>
  (await api(payload).find({ collection, where: { requete: { equals: requete } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })).docs[0]

const incrementer = (payload: Payload, fiche: FicheRecherche, instant: string) =>
  api(payload).update({ collection, id: fiche.id, data: { nombre: (fiche.nombre ?? 0) + 1, derniere_recherche: instant }, overrideAccess: true, depth: 0 })

/**
 * Compte une recherche du portail qui n'a rien trouvé. Seule sa forme
 * normalisée est gardée, et jamais quand l'examen la refuse (nom, téléphone,
 * adresse, courriel) ; l'adresse du poste ne sert qu'aux plafonds en mémoire.
 */
export async function compterRechercheSansResultat(payload: Payload, saisie: { texte: string; adresse: string }, options: OptionsComptage): Promise<IssueComptage> {
  const examen = options.examiner(saisie.texte)
  if (!examen.conservee) return { comptee: false, raison: examen.raison }
  const { requete } = examen
  const instant = (options.maintenant ?? new Date()).toISOString()
  const existante = await trouver(payload, requete)
  if (!options.limite.autoriser(saisie.adresse, !existante)) return { comptee: false, raison: 'plafond' }
  if (existante) {
    await incrementer(payload, existante, instant)
    return { comptee: true, requete, nouvelle: false }
  }
  try {
    await api(payload).create({
      collection,
      data: { requete, nombre: 1, premiere_recherche: instant, derniere_recherche: instant, statut: 'a-traiter' },
      overrideAccess: true,
      depth: 0,
    })
    return { comptee: true, requete, nouvelle: true }
  } catch (e) {
    // Deux recherches identiques au même instant : la seconde trouve l'entrée (requête unique) et l'incrémente.
    const creee = await trouver(payload, requete)
    if (!creee) throw e
    await incrementer(payload, creee, instant)
    return { comptee: true, requete, nouvelle: false }
  }
}

/** Supprime les entrées dont la dernière recherche a plus de 90 jours ; rend leur nombre. */
export async function purgerRecherchesSansResultat(payload: Payload, maintenant: Date = new Date()): Promise<number> {
  const { docs } = await api(payload).delete({
    collection,
    where: { derniere_recherche: { less_than: limiteConservation(maintenant).toISOString() } },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}
