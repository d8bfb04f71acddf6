import { ajouterJours, dateDocument, type DateLocale, formaterDateLocale, instantLocal, jourLocal, lireDateLocale } from '../temps'
import { type Brouillon, DUREE_BROUILLON_JOURS, estExpire } from './brouillon'
import { STATUTS_CLOS } from './statuts'

/**
 * Conservation des données personnelles d'une saisine (issue 11) : une fois
 * la saisine clôturée depuis N mois (24 par défaut, réglable), ses données
 * personnelles sont effacées et ses champs statistiques restent, pour que les
 * indicateurs des années passées ne bougent pas.
 *
 * Effacé : l'identité des personnes (nom, prénom, date de naissance,
 * téléphone), les textes libres de la saisine (ce qui a été dit à la
 * personne, texte libre) et du suivi (comptes rendus d'actes, commentaires
 * d'orientation, textes et précisions de signalement), la clé pseudonyme.
 * Gardé : âge à la date de la saisine, sexe, situation familiale, commune,
 * profil, problématique, unité, mode et nature, dates, statuts et leur
 * historique, types et dates d'actes, structures et statuts d'orientation,
 * articles et dates de signalement, situation connue du Département et de la
 * CAF. Le service qui efface suit cette liste ; ce module dit quand.
 *
 * « Depuis au moins N mois » se compte en mois du calendrier, à Paris, pas en
 * tranches de 30 jours : la saisine clôturée le 3 décembre 2024 est effacée à
 * partir du 3 décembre 2026. Quand le jour n'existe pas dans le mois visé, on
 * prend le dernier jour de ce mois (comme pour les délais en mois du code de
 * procédure civile, art. 641) : le 29 février 2028, la limite à 12 mois est le
 * 28 février 2027 ; une saisine clôturée le 29 février 2024 est effacée le
 * 1er mars 2025, quand douze mois pleins sont passés.
 *
 * Les brouillons de saisine expirés (7 jours sans modification, brouillon.ts)
 * sont supprimés par la même tâche : une identité tapée puis abandonnée ne
 * doit pas survivre à la saisine qu'elle n'est pas devenue.
 */

/** En mois. */
export const dureeConservationParDefaut = 24

export class DureeConservationInvalide extends Error {
  constructor(mois: unknown) {
    super(`Durée de conservation : nombre entier de mois, au moins 1, attendu (reçu « ${String(mois)} »)`)
    this.name = 'DureeConservationInvalide'
  }
}

function verifierMois(mois: number): number {
  if (!Number.isInteger(mois) || mois < 1) throw new DureeConservationInvalide(mois)
  return mois
}

/** Recule une date civile de `mois` mois ; le jour est ramené au dernier du mois s'il n'y existe pas (31 → 30, 29 février → 28). */
export function retrancherMois(jour: DateLocale, mois: number): DateLocale {
  const { annee, mois: m, jour: j } = lireDateLocale(jour)
  const total = annee * 12 + (m - 1) - mois
  const an = Math.floor(total / 12)
  const moisVise = (total % 12) + 1
  const dernier = new Date(Date.UTC(an, moisVise, 0)).getUTCDate()
  return formaterDateLocale(an, moisVise, Math.min(j, dernier))
}

/** Dernier jour de clôture (à Paris) dont les données sont à effacer aujourd'hui : clôturée ce jour-là ou avant. */
export const limiteConservation = (maintenant: Date, mois: number = dureeConservationParDefaut): DateLocale =>
  retrancherMois(jourLocal(maintenant), verifierMois(mois))

/**
 * La même limite en instant, pour une requête : à effacer si `clotureeLe`
 * est STRICTEMENT antérieur (minuit à Paris le lendemain de la limite).
 */
export const clotureeAvant = (maintenant: Date, mois: number = dureeConservationParDefaut): Date =>
  instantLocal(ajouterJours(limiteConservation(maintenant, mois), 1), '00:00')

type Instant = Date | string | null | undefined
const instant = (i: Instant): Date | null => {
  if (i === null || i === undefined || i === '') return null
  const d = new Date(i)
  return Number.isNaN(d.getTime()) ? null : d
}

export type SaisinePourRetention = { statut: string; clotureeLe?: Instant; donneesEffaceesLe?: Instant }

/** Clôturée (ou écartée au tri) depuis au moins `mois` mois, et pas déjà effacée. */
export function aEffacer(saisine: SaisinePourRetention, maintenant: Date, mois: number = dureeConservationParDefaut): boolean {
  const limite = limiteConservation(maintenant, mois)
  if (!(STATUTS_CLOS as readonly string[]).includes(saisine.statut) || instant(saisine.donneesEffaceesLe)) return false
  const cloture = instant(saisine.clotureeLe)
  return cloture !== null && jourLocal(cloture) <= limite
}

/** Brouillon à supprimer : expiré (sans modification depuis `dureeJours` jours). */
export const brouillonAEffacer = (brouillon: Brouillon, maintenant: Date, dureeJours: number = DUREE_BROUILLON_JOURS): boolean =>
  estExpire(brouillon, maintenant, dureeJours)

export type ResultatRetention = {
  /** `limiteConservation` du passage. */
  limite: DateLocale
  /** Saisines dont les données personnelles ont été (ou, en simulation, seraient) effacées. */
  saisines: number
  /** Brouillons expirés supprimés (ou à supprimer). */
  brouillons: number
  /** `--dry-run` : rien n'a été écrit. */
  simulation: boolean
}

const pluriel = (n: number, un: string, plusieurs: string) => (n > 1 ? plusieurs : un)

/**
 * Le compte rendu de `npm run retention`, en français : des nombres et une
 * date, jamais un nom ni un identifiant de saisine.
 */
export function rapportRetention(r: ResultatRetention): string {
  // Midi à Paris : la date écrite est celle de la limite, quel que soit le fuseau de la machine.
  const limite = dateDocument(instantLocal(r.limite, '12:00'))
  const lignes: string[] = []
  if (r.saisines === 0) lignes.push(`Aucune saisine clôturée au plus tard le ${limite} n’a encore de données personnelles à effacer.`)
  else
    lignes.push(
      `${r.saisines} ${pluriel(r.saisines, 'saisine clôturée', 'saisines clôturées')} au plus tard le ${limite} : données personnelles ${
        r.simulation ? 'à effacer' : 'effacées'
      } (identités, textes libres, suivis) ; les champs statistiques ${r.simulation ? 'resteront' : 'restent'}.`,
    )
  if (r.brouillons === 0) lignes.push('Aucun brouillon de saisine expiré.')
  else
    lignes.push(
      `${r.brouillons} ${pluriel(r.brouillons, 'brouillon de saisine expiré', 'brouillons de saisine expirés')} : ${
        r.simulation ? 'à supprimer' : pluriel(r.brouillons, 'supprimé', 'supprimés')
      }.`,
    )
  if (r.simulation) lignes.push('Simulation (--dry-run) : rien n’a été effacé.')
  return lignes.join('\n')
}
