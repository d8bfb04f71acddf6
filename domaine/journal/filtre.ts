import { z } from 'zod'

import { ajouterJours, instantLocal, lireDateLocale, type DateLocale } from '../temps'
import { ACTIONS_JOURNAL, type ActionJournal } from './evenements'

/**
 * Les filtres de la consultation du journal d'audit (page et export CSV), lus
 * dans l'adresse de la page. Ils ne portent que des identifiants et des dates
 * (action, numéro de compte, enregistrement visé, adresse du poste, période) :
 * aucune donnée personnelle ne passe par l'URL, qui finit dans l'historique du
 * navigateur et les journaux des proxys.
 */

/** Lignes par page de la consultation. */
export const TAILLE_PAGE_JOURNAL = 50

export const CHAMPS_FILTRE = ['action', 'compte', 'cible', 'adresse', 'du', 'au'] as const
export type ChampFiltre = (typeof CHAMPS_FILTRE)[number]

/** Libellés des champs, pour nommer le champ fautif dans les messages. */
export const LIBELLES_FILTRE: Record<ChampFiltre, string> = {
  action: 'Action',
  compte: 'Compte (numéro)',
  cible: 'Enregistrement visé',
  adresse: 'Adresse du poste',
  du: 'Du',
  au: 'Au',
}

const dateCivile = (libelle: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${libelle} : une date au format AAAA-MM-JJ est attendue.` })
    .refine(
      (d) => {
        const { annee } = lireDateLocale(d)
        // 2026-02-30 se relirait 2026-03-02 : la date n'existe pas.
        return annee >= 2000 && annee <= 2100 && ajouterJours(d, 0) === d
      },
      { error: `${libelle} : cette date n’existe pas.` },
    )

/** Un schéma par champ : chaque erreur nomme son champ, et un champ faux n'empêche pas de relire les autres. */
const SCHEMAS = {
  action: z.enum(Object.keys(ACTIONS_JOURNAL) as [ActionJournal, ...ActionJournal[]], { error: 'Action : choisissez une action de la liste.' }),
  compte: z
    .string()
    .regex(/^\d{1,12}$/, { error: 'Compte (numéro) : le numéro du compte est un nombre entier (par exemple 12).' })
    .transform(Number)
    .refine((n) => n > 0, { error: 'Compte (numéro) : le numéro du compte est un nombre entier (par exemple 12).' }),
  cible: z
    .string()
    .regex(/^[a-z][a-z-]{0,40}:\d{1,12}$/, { error: 'Enregistrement visé : la forme attendue est « collection:numéro » (par exemple utilisateurs:12).' }),
  // Seulement des chiffres, points et deux-points (IPv4, IPv6) : rien d'autre ne passe dans la requête.
  adresse: z
    .string()
    .max(45, { error: 'Adresse du poste : 45 caractères au plus.' })
    .regex(/^[0-9a-fA-F.:]+$/, { error: 'Adresse du poste : une adresse IP est attendue (par exemple 10.0.0.12 ou ::1).' })
    .transform((a) => a.toLowerCase()),
  du: dateCivile('Du'),
  au: dateCivile('Au'),
} satisfies Record<ChampFiltre, z.ZodType>

export type FiltreJournal = {
  action?: ActionJournal
  compte?: number
  cible?: string
  adresse?: string
  du?: DateLocale
  au?: DateLocale
}

export type LectureFiltre = {
  /** Le filtre, quand tous les champs sont valides ; sinon `null` (rien n'est lu : on ne montre pas plus que demandé). */
  filtre: FiltreJournal | null
  /** Ce qui a été saisi, pour le réafficher tel quel. */
  valeurs: Record<ChampFiltre, string>
  erreurs: Partial<Record<ChampFiltre, string>>
  /** Page demandée (1 si absente ou fausse). */
  page: number
}

type Parametres = Pick<URLSearchParams, 'get'>

/** Lit et valide les filtres d'une adresse (`?action=connexion&du=2026-12-01…`). */
export function lireFiltreJournal(parametres: Parametres): LectureFiltre {
  const valeurs = Object.fromEntries(CHAMPS_FILTRE.map((c) => [c, (parametres.get(c) ?? '').trim()])) as Record<ChampFiltre, string>
  const erreurs: Partial<Record<ChampFiltre, string>> = {}
  const filtre: Record<string, unknown> = {}
  for (const champ of CHAMPS_FILTRE) {
    if (valeurs[champ] === '') continue
    const lu = SCHEMAS[champ].safeParse(valeurs[champ])
    if (lu.success) filtre[champ] = lu.data
    else erreurs[champ] = lu.error.issues[0]?.message ?? `${LIBELLES_FILTRE[champ]} : valeur invalide.`
  }
  if (!erreurs.du && !erreurs.au && typeof filtre.du === 'string' && typeof filtre.au === 'string' && filtre.du > filtre.au)
    erreurs.au = 'Au : la fin de la période doit être le même jour que le début ou après.'
  const page = /^\d{1,6}$/.test(parametres.get('page') ?? '') ? Math.max(1, Number(parametres.get('page'))) : 1
  return { filtre: Object.keys(erreurs).length > 0 ? null : (filtre as FiltreJournal), valeurs, erreurs, page }
}

/** Une condition de Payload (`Where`), écrite sans dépendre de Payload. */
export type ConditionJournal = { and: Record<string, Record<string, string | number>>[] }

/**
 * Le filtre en condition de requête. La période se lit en jours civils de
 * Paris : « du 1er au 3 décembre » va du 1er à 0 h (heure de Paris) au 4 à 0 h exclu.
 */
export function conditionJournal(filtre: FiltreJournal): ConditionJournal {
  const and: ConditionJournal['and'] = []
  if (filtre.action) and.push({ action: { equals: filtre.action } })
  if (filtre.compte !== undefined) and.push({ acteur: { equals: filtre.compte } })
  if (filtre.cible) and.push({ cible: { equals: filtre.cible } })
  if (filtre.adresse) and.push({ adresse: { equals: filtre.adresse } })
  if (filtre.du) and.push({ createdAt: { greater_than_equal: instantLocal(filtre.du, '00:00').toISOString() } })
  if (filtre.au) and.push({ createdAt: { less_than: instantLocal(ajouterJours(filtre.au, 1), '00:00').toISOString() } })
  return { and }
}

/** La requête d'adresse d'un filtre (pagination, lien d'export) : seulement les champs renseignés. */
export function requeteDuFiltre(filtre: FiltreJournal, page?: number): string {
  const p = new URLSearchParams()
  for (const champ of CHAMPS_FILTRE) if (filtre[champ] !== undefined) p.set(champ, String(filtre[champ]))
  if (page && page > 1) p.set('page', String(page))
  const texte = p.toString()
  return texte ? `?${texte}` : ''
}
