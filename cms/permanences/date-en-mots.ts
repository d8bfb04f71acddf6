/**
 * « mardi 1er décembre » pour une date civile. Module sans dépendance vers les
 * schémas, pour que les messages de validation puissent dire les dates comme
 * l'opérateur les lit (sans cycle d'imports avec `en-mots.ts`).
 */
import { type DateLocale, jourDeSemaine, lireDateLocale } from './fuseau'
import { NOMS_JOURS, NOMS_MOIS } from './vocabulaire'

export function dateCivileEnMots(date: DateLocale, avecAnnee = false): string {
  const { annee, mois, jour } = lireDateLocale(date)
  const texte = `${NOMS_JOURS[jourDeSemaine(date)]} ${jour === 1 ? '1er' : jour} ${NOMS_MOIS[mois - 1]}`
  return avecAnnee ? `${texte} ${annee}` : texte
}
