/**
 * Des permanences aux occurrences datées, exceptions et jours fériés appliqués.
 *
 * Tout est déterministe : « maintenant » est toujours un paramètre (`depuis`),
 * jamais l'horloge de la machine, et aucun calcul ne lit son fuseau.
 *
 * Ordre d'application, du plus général au plus précis :
 * 1. la série (récurrence bornée par les dates de début et de fin) ;
 * 2. les jours fériés l'annulent (statut « annulee-ferie »), sauf si la
 *    permanence les maintient ;
 * 3. les fermetures l'annulent (statut « annulee », avec leur motif) ;
 * 4. un déplacement remplace la date de série qu'il vise (statut « deplacee »,
 *    même clé, donc même UID ICS : l'agenda déplace l'événement au lieu d'en
 *    créer un second) ;
 * 5. un ajout crée une date (statut « ajoutee ») ; s'il tombe sur une date de
 *    série à la même heure et au même lieu, il la remplace : c'est la façon de
 *    maintenir une permanence un jour férié précis.
 * Une date saisie à la main (nouvelle date d'un déplacement, ajout) est une
 * décision de l'opérateur : ni les jours fériés ni les fermetures ne l'annulent.
 */
import { z } from 'zod'

import { ajouterJours, type DateLocale, instantLocal, jourLocal } from '../temps/paris'
import { jourFerie } from './jours-feries'
import { joursDeLaSerie } from './recurrence'
import {
  type Creneau,
  ErreurPermanence,
  instantSchema,
  lirePermanences,
  type Occurrence,
  type Permanence,
  lireOuLever,
  type Reference,
} from './schema'

export { bandeauxActifs, type Bandeau } from './bandeaux'

/** Horizon par défaut quand `jusqua` n'est pas donné : un peu plus d'un an. */
export const HORIZON_PAR_DEFAUT_JOURS = 400
/** Au-delà, on refuse : une page n'a pas besoin de cinq ans de permanences. */
export const HORIZON_MAXIMAL_JOURS = 5 * 366

const optionsSchema = z
  .object({
    depuis: instantSchema,
    jusqua: instantSchema.optional(),
    limite: z.number().int({ error: 'entier attendu' }).positive({ error: 'au moins 1' }).optional(),
    /** Garder les occurrences annulées (pour afficher « annulée (congés) ») : oui par défaut. */
    inclureAnnulees: z.boolean().optional().default(true),
  })
  .transform((o) => ({ ...o, jusqua: o.jusqua ?? new Date(o.depuis.getTime() + HORIZON_PAR_DEFAUT_JOURS * 86_400_000) }))
  .refine((o) => o.jusqua > o.depuis, { error: 'doit suivre « depuis »', path: ['jusqua'] })
  .refine((o) => o.jusqua.getTime() - o.depuis.getTime() <= HORIZON_MAXIMAL_JOURS * 86_400_000, {
    error: 'période de cinq ans au plus',
    path: ['jusqua'],
  })

export type OptionsOccurrences = z.input<typeof optionsSchema>

/** Morceau d'UID sûr (RFC 5545 n'impose rien, mais les clients n'aiment pas tout). */
const nettoyer = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')

/**
 * Clé stable d'une permanence. L'identifiant CMS est la seule base qui survit
 * aux modifications (changer le jour ne doit pas dupliquer les événements des
 * agendas abonnés) ; sans lui (seed, test), on compose lieu, poste, rythme et heure.
 */
export function clePermanence(p: Permanence): string {
  if (p.id !== undefined) return `permanence-${nettoyer(String(p.id))}`
  const r = p.recurrence
  const rythme = 'jour' in r ? `${r.type}-${r.jour}` : r.type
  return ['permanence', p.site, p.poste, rythme, p.creneau?.debut.replace(':', '') ?? '']
    .map((m) => nettoyer(String(m)))
    .filter(Boolean)
    .join('-')
}

function occurrence(
  p: Permanence,
  cle: string,
  date: DateLocale,
  creneau: Creneau,
  site: Reference,
  statut: Occurrence['statut'],
  motif?: string,
): Occurrence {
  return {
    cle,
    ...(p.id !== undefined ? { permanence: p.id } : {}),
    site,
    poste: p.poste,
    debut: instantLocal(date, creneau.debut),
    fin: instantLocal(date, creneau.fin),
    creneau,
    statut,
    ...(motif !== undefined ? { motif } : {}),
    ...(p.updatedAt ? { revision: p.updatedAt } : {}),
  }
}

/** Toutes les occurrences d'une permanence dont un jour touche [du, au]. */
function occurrencesDe(p: Permanence, du: DateLocale, au: DateLocale): Occurrence[] {
  const cle = clePermanence(p)
  const resultat: Occurrence[] = []
  const deplacements = new Map(p.exceptions.flatMap((e) => (e.type === 'deplacement' ? [[e.date, e] as const] : [])))
  const fermetures = p.exceptions.flatMap((e) => (e.type === 'fermeture' ? [e] : []))
  const ajouts = p.exceptions.flatMap((e) => (e.type === 'ajout' ? [e] : []))
  const remplaceeParAjout = (date: DateLocale) =>
    ajouts.some((a) => a.date === date && (a.creneau ?? p.creneau)?.debut === p.creneau?.debut && (a.site ?? p.site) === p.site)

  if (p.creneau) {
    const creneau = p.creneau
    // 1 à 3 : la série, les jours fériés, les fermetures.
    for (const date of joursDeLaSerie(p, du, au)) {
      if (deplacements.has(date) || remplaceeParAjout(date)) continue
      const ferie = p.joursFeriesMaintenus ? undefined : jourFerie(date)
      const fermeture = fermetures.find((f) => f.du <= date && date <= f.au)
      const [statut, motif] = ferie
        ? (['annulee-ferie', ferie.nom] as const)
        : fermeture
          ? (['annulee', fermeture.motif] as const)
          : (['prevue', undefined] as const)
      resultat.push(occurrence(p, `${cle}-${date}`, date, creneau, p.site, statut, motif))
    }
    // 4 : les déplacements (la date d'origine est une date de la série, vérifié à la lecture).
    for (const d of deplacements.values()) {
      // Pas de filtre sur [du, au] ici : une permanence peut être déplacée depuis hors de la fenêtre vers elle.
      const nouvelleDate = d.nouvelleDate ?? d.date
      const ferie = !d.nouvelleDate && !p.joursFeriesMaintenus ? jourFerie(d.date) : undefined
      const o = ferie
        ? occurrence(p, `${cle}-${d.date}`, nouvelleDate, d.creneau ?? creneau, d.site ?? p.site, 'annulee-ferie', ferie.nom)
        : occurrence(p, `${cle}-${d.date}`, nouvelleDate, d.creneau ?? creneau, d.site ?? p.site, 'deplacee', d.motif)
      o.origine = { debut: instantLocal(d.date, creneau.debut), fin: instantLocal(d.date, creneau.fin), site: p.site }
      resultat.push(o)
    }
  }
  // 5 : les ajouts (une date de série remplacée garde sa clé, donc son UID).
  for (const a of ajouts) {
    if (a.date < du || a.date > au) continue
    const creneau = (a.creneau ?? p.creneau)!
    const remplace = p.creneau && remplaceeParAjout(a.date) && joursDeLaSerie(p, a.date, a.date).length === 1
    const cleAjout = remplace ? `${cle}-${a.date}` : `${cle}-ajout-${a.date}-${creneau.debut.replace(':', '')}`
    resultat.push(occurrence(p, cleAjout, a.date, creneau, a.site ?? p.site, 'ajoutee', a.motif))
  }
  return resultat
}

const comparer = (a: Occurrence, b: Occurrence) =>
  a.debut.getTime() - b.debut.getTime() ||
  String(a.site).localeCompare(String(b.site)) ||
  String(a.poste).localeCompare(String(b.poste)) ||
  a.cle.localeCompare(b.cle)

/**
 * Occurrences des permanences entre `depuis` et `jusqua` (par défaut `depuis`
 * + 400 jours), triées par début. Une permanence en cours à `depuis` est
 * incluse (elle finit après). Les annulées sont gardées avec leur statut,
 * sauf `inclureAnnulees: false`. `limite` coupe la liste triée.
 */
export function prochainesOccurrences(permanences: readonly unknown[], options: OptionsOccurrences): Occurrence[] {
  const lues = lirePermanences(permanences)
  const { depuis, jusqua, limite, inclureAnnulees } = lireOuLever(optionsSchema, options, 'Options de calcul invalides')

  const cles = new Map<string, number>()
  lues.forEach((p, i) => {
    const cle = clePermanence(p)
    if (cles.has(cle))
      throw new ErreurPermanence(
        [{ champ: 'identifiant', message: `les permanences n° ${cles.get(cle)! + 1} et n° ${i + 1} ont la même clé « ${cle} » : donner un identifiant à chacune` }],
        'Permanences en double',
      )
    cles.set(cle, i)
  })

  // Jours civils à Paris couvrant la fenêtre (un jour de marge de chaque côté, filtré ensuite à l'instant près).
  const du = ajouterJours(jourLocal(depuis), -1)
  const au = ajouterJours(jourLocal(jusqua), 1)
  const toutes = lues
    .flatMap((p) => occurrencesDe(p, du, au))
    .filter((o) => o.fin > depuis && o.debut < jusqua)
    .filter((o) => inclureAnnulees || (o.statut !== 'annulee' && o.statut !== 'annulee-ferie'))
    .sort(comparer)
  return limite ? toutes.slice(0, limite) : toutes
}
