import opening_hours from 'opening_hours'

import { composantes, heureEnMots, NOMS_JOURS, NOMS_MOIS } from '../temps'
import { fraicheur as fraicheurRecherche } from './fraicheur'

/**
 * Horaires d'accueil (syntaxe OpenStreetMap « opening_hours ») dits en
 * français : « Ouvert aujourd'hui jusqu'à 17 h », « Fermé, ouvre lundi à 8 h 30 ».
 * Tout est évalué à l'heure de Paris, quel que soit le fuseau du serveur.
 */
// Pour les jours fériés (« PH off ») : la bibliothèque les déduit du pays et de la région.
const LIEU = { lat: 46.2, lon: 5.22, address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } }

/**
 * Date « locale » dont les champs valent l'heure murale de Paris : la
 * bibliothèque opening_hours lit les champs locaux (getHours…) ; toutes les
 * dates de ce module sont de cette sorte, lues avec les accesseurs locaux.
 */
function heureDeParis(instant: Date): Date {
  const c = composantes(instant)
  return new Date(c.annee, c.mois - 1, c.jour, c.heure, c.minute, c.seconde)
}

/** « 14 h 30 » d'une date « locale » de ce module. */
const heure = (d: Date) => heureEnMots(`${d.getHours()}:${d.getMinutes()}`)

/** Horaires OpenStreetMap analysés (jours fériés de France compris) ; undefined s'ils sont absents ou illisibles. */
export function analyserHoraires(horaires: string | null | undefined) {
  if (!horaires) return undefined
  try {
    return new opening_hours(horaires, LIEU as never, { locale: 'fr' } as never)
  } catch {
    return undefined
  }
}

const memeJour = (a: Date, b: Date) => a.toDateString() === b.toDateString()
const lendemain = (a: Date, b: Date) => memeJour(new Date(a.getFullYear(), a.getMonth(), a.getDate() + 1), b)

function quand(reference: Date, d: Date): string {
  if (memeJour(reference, d)) return `aujourd’hui à ${heure(d)}`
  if (lendemain(reference, d)) return `demain à ${heure(d)}`
  const ecart = (d.getTime() - reference.getTime()) / 86_400_000
  return ecart < 6 ? `${NOMS_JOURS[d.getDay()]} à ${heure(d)}` : `le ${d.getDate() === 1 ? '1er' : d.getDate()} ${NOMS_MOIS[d.getMonth()]} à ${heure(d)}`
}

/** Ouvert à cet instant, lu à l'heure de Paris ? */
export const ouvertA = (oh: opening_hours, instant: Date): boolean => oh.getState(heureDeParis(instant))

export type EtatOuverture = { ouvert: boolean; texte: string }

/** « Ouvert aujourd'hui jusqu'à 17 h » ; undefined si les horaires sont absents ou illisibles. */
export function etatOuverture(horaires: string | null | undefined, maintenant: Date): EtatOuverture | undefined {
  const oh = analyserHoraires(horaires)
  if (!oh) return undefined
  const ici = heureDeParis(maintenant)
  const ouvert = oh.getState(ici)
  const changement = oh.getNextChange(ici) as Date | undefined
  if (ouvert) {
    if (!changement) return { ouvert, texte: 'Ouvert en continu' }
    return { ouvert, texte: memeJour(ici, changement) ? `Ouvert aujourd’hui jusqu’à ${heure(changement)}` : `Ouvert jusqu’à ${quand(ici, changement)}` }
  }
  if (!changement) return { ouvert, texte: 'Fermé' }
  return { ouvert, texte: `Fermé, ouvre ${quand(ici, changement)}` }
}

/** Horaires de la semaine, jour par jour : « lundi : 8 h 30 – 12 h, 13 h 30 – 17 h ». */
export function horairesDeLaSemaine(horaires: string | null | undefined): { jour: string; plages: string }[] | undefined {
  const oh = analyserHoraires(horaires)
  if (!oh) return undefined
  // Une semaine sans jour férié en France (lundi 7 au dimanche 13 juin 2027) sert de référence.
  const lignes: { jour: string; plages: string }[] = []
  for (let i = 0; i < 7; i++) {
    const debut = new Date(2027, 5, 7 + i)
    const fin = new Date(2027, 5, 8 + i)
    const plages = (oh.getOpenIntervals(debut, fin) as unknown as [Date, Date][]).map(([a, b]) => `${heure(a)} – ${memeJour(a, b) ? heure(b) : '24 h'}`)
    lignes.push({ jour: NOMS_JOURS[debut.getDay()], plages: plages.length ? plages.join(', ') : 'fermé' })
  }
  return lignes
}

/**
 * « mis à jour il y a 19 mois », signalé au-delà de 12 mois : la règle de la
 * recherche (domaine/annuaire/fraicheur.ts), pour que fiche et résultat disent la même chose.
 */
export function fraicheur(dateMaj: string | Date, maintenant: Date): { texte: string; ilYa: string; ancienne: boolean } {
  const iso = typeof dateMaj === 'string' ? dateMaj : dateMaj.toISOString()
  const f = fraicheurRecherche(iso.slice(0, 10), maintenant)
  return { texte: f.libelle, ilYa: f.libelle.replace(/^mis à jour /, ''), ancienne: f.ancienne }
}
