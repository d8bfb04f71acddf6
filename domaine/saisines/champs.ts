import { z } from 'zod'

import { jourLocal } from '../temps'

/**
 * Les briques des schémas de saisine, de suivi, d'orientation et de
 * signalement, écrites une fois : chaque message commence par le nom du champ
 * tel que la personne le lit dans le formulaire, pour qu'elle corrige sans
 * deviner ; une date se lit « AAAA-MM-JJ » et « aujourd'hui » est celui de
 * Paris, jamais celui de la machine.
 */

const RE_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Date « AAAA-MM-JJ » réelle (pas de 31 février, 29 février des seules années bissextiles). */
export function dateCalendaire(texte: string): Date | undefined {
  if (!RE_DATE.test(texte)) return undefined
  const d = new Date(`${texte}T00:00:00Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== texte ? undefined : d
}

/**
 * Jour calendaire de `maintenant` à Paris (AAAA-MM-JJ) : à 0 h 30 le 4, heure
 * de Paris, il est encore le 3 en UTC, et un acte daté du 4 serait à tort
 * « dans le futur ».
 */
export const aujourdhuiAParis = (maintenant: Date) => jourLocal(maintenant)

export const texte = (champ: string, max: number) =>
  z
    // Un champ laissé vide arrive absent (versSaisie retire les textes vides) : c'est « obligatoire », pas « texte attendu ».
    .string({ error: (iss) => (iss.input === undefined ? `${champ} : champ obligatoire` : `${champ} : texte attendu`) })
    .trim()
    .max(max, `${champ} : ${max} caractères au plus`)

export const obligatoire = (champ: string, max: number) => texte(champ, max).min(1, `${champ} : champ obligatoire`)

export const enumeration = <T extends Record<string, string>>(champ: string, valeurs: T) =>
  z.enum(Object.keys(valeurs) as [keyof T & string, ...(keyof T & string)[]], {
    error: `${champ} : choisissez parmi ${Object.values(valeurs)
      .map((v) => `« ${v} »`)
      .join(', ')}`,
  })

export const identifiant = (champ: string) => {
  // Le message sur chaque branche aussi : sans cela, une chaîne vide sortirait le message anglais de zod.
  const message = `${champ} : identifiant attendu`
  return z.union([z.string().trim().min(1, message), z.number().int(message).positive(message)], { error: message })
}

/** Une date passée ou du jour (à Paris) : un acte, une orientation, un signalement ne se datent pas dans le futur. */
export const datePasseeOuDuJour = (champ: string, aujourdhui: string) =>
  z
    .string({ error: `${champ} : date attendue (AAAA-MM-JJ)` })
    .refine((t) => Boolean(dateCalendaire(t)), `${champ} : date invalide (attendu AAAA-MM-JJ)`)
    .refine((t) => t <= aujourdhui, `${champ} : la date ne peut pas être dans le futur`)

/**
 * Options d'un objet strict : un champ inconnu est refusé, pas ignoré, avec un
 * message qui nomme l'objet et le champ (« Acte : champ inconnu (auteur) »).
 */
export const refusInconnus = (objet: string) => ({
  error: (iss: { code?: string; keys?: readonly string[] }) =>
    iss.code === 'unrecognized_keys' ? `${objet} : champ inconnu (${(iss.keys ?? []).join(', ')})` : undefined,
})
