import { z } from 'zod'

/**
 * Contrat de la boucle de retour « Recherches sans résultat » (issue 13) :
 * ce que le portail signale, ce qui est compté, et comment l'admin le lit.
 * Aucune personne n'est comptée : pas d'utilisateur, pas d'adresse IP, pas
 * d'heure, seulement le texte normalisé d'une recherche (jamais quand il
 * ressemble à un nom, un téléphone, une adresse : search/retour/examen.ts),
 * le jour, le motif et un nombre. La collection de l'admin
 * (cms/collections/RecherchesSansResultat/) garde plus simple : une entrée par
 * recherche normalisée (nombre, première et dernière fois), motif
 * « aucun-resultat » seulement ; les comptes par jour et le motif
 * « resultats-non-ouverts » attendent le suivi des résultats ouverts.
 */

/** Jours de conservation des comptes ; au-delà, ils sont supprimés. */
export const RETENTION_JOURS = 90
/** L'écran de l'admin montre les recherches des 30 derniers jours… */
export const FENETRE_JOURS = 30
/** … les 50 plus fréquentes. */
export const NOMBRE_AFFICHE = 50
/** Longueur maximale d'une recherche normalisée conservée. */
export const LONGUEUR_MAX_REQUETE = 100

/**
 * Pourquoi une recherche est comptée : elle n'a rien trouvé, ou elle a
 * trouvé des résultats dont aucun n'a été ouvert.
 */
export const motifRechercheSansResultat = z.enum(['aucun-resultat', 'resultats-non-ouverts'], {
  error: 'motif : « aucun-resultat » ou « resultats-non-ouverts » attendu',
})
export type MotifRechercheSansResultat = z.infer<typeof motifRechercheSansResultat>

/** Ce que le portail envoie après une recherche décevante (texte brut, examiné puis normalisé côté serveur). */
export const signalementRecherche = z.object({
  texte: z.string({ error: 'texte : chaîne attendue' }).trim().min(1, { error: 'texte : ne doit pas être vide' }).max(200, { error: 'texte : 200 caractères maximum' }),
  motif: motifRechercheSansResultat,
})
export type SignalementRecherche = z.infer<typeof signalementRecherche>

/** Un compte : une recherche normalisée, un jour, un motif, un nombre. */
export const compteRechercheSansResultat = z.object({
  requete: z
    .string({ error: 'requête : chaîne attendue' })
    .min(1, { error: 'requête : ne doit pas être vide' })
    .max(LONGUEUR_MAX_REQUETE, { error: `requête : ${LONGUEUR_MAX_REQUETE} caractères maximum` })
    .regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, { error: 'requête : forme normalisée attendue (minuscules sans accents, mots séparés par une espace)' }),
  jour: z.iso.date({ error: 'jour : date AAAA-MM-JJ attendue' }),
  motif: motifRechercheSansResultat,
  nombre: z.number({ error: 'nombre : entier attendu' }).int({ error: 'nombre : entier attendu' }).min(1, { error: 'nombre : au moins 1' }),
})
export type CompteRechercheSansResultat = z.infer<typeof compteRechercheSansResultat>

/** Une ligne de l'écran « Recherches sans résultat ». */
export type RechercheSansResultatFrequente = {
  requete: string
  aucun_resultat: number
  resultats_non_ouverts: number
  total: number
  dernier_jour: string
}

const jourIso = (d: Date) => d.toISOString().slice(0, 10)
const joursAvant = (aujourdhui: Date, jours: number) => jourIso(new Date(aujourdhui.getTime() - jours * 86_400_000))

/** Premier jour encore conservé : les comptes d'un jour antérieur sont à supprimer. */
export function premierJourConserve(aujourdhui: Date): string {
  return joursAvant(aujourdhui, RETENTION_JOURS - 1)
}

/**
 * Les recherches les plus fréquentes de la fenêtre (30 derniers jours, jour
 * courant compris), tous motifs additionnés, les plus fréquentes d'abord puis
 * les plus récentes, puis dans l'ordre alphabétique.
 */
export function plusFrequentes(
  comptes: readonly CompteRechercheSansResultat[],
  aujourdhui: Date,
  options: { jours?: number; limite?: number } = {},
): RechercheSansResultatFrequente[] {
  const debut = joursAvant(aujourdhui, (options.jours ?? FENETRE_JOURS) - 1)
  const fin = jourIso(aujourdhui)
  const parRequete = new Map<string, RechercheSansResultatFrequente>()
  for (const c of comptes) {
    if (c.jour < debut || c.jour > fin) continue
    let ligne = parRequete.get(c.requete)
    if (!ligne) {
      ligne = { requete: c.requete, aucun_resultat: 0, resultats_non_ouverts: 0, total: 0, dernier_jour: c.jour }
      parRequete.set(c.requete, ligne)
    }
    if (c.motif === 'aucun-resultat') ligne.aucun_resultat += c.nombre
    else ligne.resultats_non_ouverts += c.nombre
    ligne.total += c.nombre
    if (c.jour > ligne.dernier_jour) ligne.dernier_jour = c.jour
  }
  return [...parRequete.values()]
    .sort((a, b) => b.total - a.total || (a.dernier_jour < b.dernier_jour ? 1 : a.dernier_jour > b.dernier_jour ? -1 : 0) || (a.requete < b.requete ? -1 : 1))
    .slice(0, options.limite ?? NOMBRE_AFFICHE)
}
