/**
 * Bandeaux des exceptions (« Permanence fermée le mardi 8 décembre (formation) »).
 *
 * Un bandeau s'affiche sur les pages concernées (lieu, poste, semaine du
 * département) pendant que l'exception s'applique, et dès quelques jours
 * avant : un agent qui consulte la page le lundi doit apprendre que la
 * permanence du mardi n'a pas lieu, pas le découvrir sur place. Il disparaît
 * le lendemain du dernier jour concerné. Le préavis vaut `PREAVIS_JOURS` par
 * défaut ; l'opérateur le règle exception par exception (« afficher dès le »).
 */
import { z } from 'zod'

import { dateEnMots } from '../temps/en-mots'
import { ajouterJours, type DateLocale, jourLocal } from '../temps/paris'
import { type AnnuaireLieux, lieuDe } from './lieux'
import { type Exception, instantSchema, lireOuLever, lirePermanences, type Permanence, type Reference } from './schema'
import { plageEnMots } from '../temps/en-mots'

export const PREAVIS_JOURS = 14

export type Bandeau = {
  /** Clé stable (permanence + exception), pour les listes rendues. */
  cle: string
  type: Exception['type']
  motif: string
  permanence?: string | number
  /** Pages de lieu concernées : le lieu habituel, et le nouveau lieu d'un déplacement. */
  sites: Reference[]
  poste: Reference
  /** Premier et dernier jours concernés (dates civiles à Paris). */
  du: DateLocale
  au: DateLocale
  /** Premier jour d'affichage. */
  afficherDes: DateLocale
  texte: string
}

const optionsSchema = z.object({
  lieux: z.custom<AnnuaireLieux>().optional(),
  preavisJours: z.number().int().min(0, { error: '0 jour ou plus' }).max(366, { error: '366 jours au plus' }).optional(),
})

function periode(e: Exception): { du: DateLocale; au: DateLocale } {
  switch (e.type) {
    case 'fermeture':
      return { du: e.du, au: e.au }
    case 'deplacement': {
      const autre = e.nouvelleDate ?? e.date
      return autre < e.date ? { du: autre, au: e.date } : { du: e.date, au: autre }
    }
    case 'ajout':
      return { du: e.date, au: e.date }
  }
}

function texte(p: Permanence, e: Exception, reference: DateLocale, lieux?: AnnuaireLieux): string {
  const annee = reference.slice(0, 4)
  const date = (d: DateLocale) => dateEnMots(d, { avecAnnee: d.slice(0, 4) !== annee })
  const lieu = lieuDe(p.site, lieux).nom
  switch (e.type) {
    case 'fermeture':
      return e.du === e.au
        ? `${lieu} : permanence fermée le ${date(e.du)} (${e.motif}).`
        : `${lieu} : permanence fermée du ${date(e.du)} au ${date(e.au)} (${e.motif}).`
    case 'deplacement': {
      const tete = e.nouvelleDate ? `déplacée au ${date(e.nouvelleDate)}` : e.site !== undefined ? 'déplacée' : 'avec un horaire modifié'
      const details = [
        e.creneau ? plageEnMots(e.creneau.debut, e.creneau.fin) : '',
        e.site !== undefined ? `lieu : ${lieuDe(e.site, lieux).nom}` : '',
      ].filter(Boolean)
      return `${lieu} : permanence du ${date(e.date)} ${[tete, ...details].join(', ')} (${e.motif}).`
    }
    case 'ajout': {
      const creneau = e.creneau ?? p.creneau
      const heures = creneau ? `, ${plageEnMots(creneau.debut, creneau.fin)}` : ''
      const ou = e.site !== undefined && e.site !== p.site ? `${lieuDe(e.site, lieux).nom}` : lieu
      const motif = e.motif === 'permanence supplémentaire' ? '' : ` (${e.motif})`
      return `${ou} : permanence supplémentaire le ${date(e.date)}${heures}${motif}.`
    }
  }
}

/**
 * Bandeaux à afficher à l'instant `date` (lu à Paris, à la journée près) :
 * ceux dont la période d'affichage [afficher dès, dernier jour concerné] le contient.
 */
export function bandeauxActifs(
  permanences: readonly unknown[],
  date: Date,
  options: { lieux?: AnnuaireLieux; preavisJours?: number } = {},
): Bandeau[] {
  const lues = lirePermanences(permanences)
  const jour = jourLocal(lireOuLever(instantSchema, date, 'Date des bandeaux invalide'))
  const { lieux, preavisJours = PREAVIS_JOURS } = lireOuLever(optionsSchema, options, 'Options des bandeaux invalides')
  const bandeaux: Bandeau[] = []
  lues.forEach((p, indice) => {
    const base = p.id !== undefined ? `permanence-${String(p.id)}` : `permanence-n${indice + 1}`
    p.exceptions.forEach((e, i) => {
      const { du, au } = periode(e)
      const afficherDes = e.afficherDes ?? ajouterJours(du, -preavisJours)
      if (jour < afficherDes || jour > au) return
      const sites = e.type !== 'fermeture' && e.site !== undefined && e.site !== p.site ? [p.site, e.site] : [p.site]
      bandeaux.push({
        cle: `${base}-exception-${i + 1}`,
        type: e.type,
        motif: e.motif,
        ...(p.id !== undefined ? { permanence: p.id } : {}),
        sites,
        poste: p.poste,
        du,
        au,
        afficherDes,
        texte: texte(p, e, jour, lieux),
      })
    })
  })
  return bandeaux.sort((a, b) => a.du.localeCompare(b.du) || a.cle.localeCompare(b.cle))
}
