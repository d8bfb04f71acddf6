import { z } from 'zod'

import type { Changement } from './statuts'

/**
 * Ce que l'unité qui a saisi a le droit d'apprendre, et rien d'autre.
 *
 * Cahier des charges, « Cadre juridique et déontologique de l'intervention » :
 * « Le secret professionnel est un élément constitutif de l'action de
 * l'intervenant social. » et « L'article 4 du protocole-cadre de 2013 […]
 * mentionne également les obligations suivantes incombant aux intervenants
 * sociaux : d'informer les services de police et les unités de gendarmerie de
 * ce que la victime n'a pas pris contact avec leurs services ou a refusé leur
 * aide ; en cas de dégradation de la situation ou de nouveau passage à l'acte
 * à son encontre, en rendre compte au service enquêteur et inciter la victime
 * à déposer plainte. » ; « L'intervenant social ne participe pas aux
 * investigations menées dans le cadre d'une enquête judiciaire. »
 *
 * D'où la forme de `retourPourUnite` :
 * - le statut est réduit à « reçue » ou « prise en charge » : « injoignable »,
 *   « refus », « orientée », « clôturée » diraient quelque chose du suivi ;
 * - les retours de l'article 4 ne sont JAMAIS déduits du statut : chacun est un
 *   acte explicite et daté de l'intervenant (`RetourArticle4`), qui juge s'il
 *   doit le faire ;
 * - la sortie est construite champ par champ depuis des valeurs vérifiées
 *   (énumérations, dates ISO) : aucune copie d'objet, aucun champ de la saisine
 *   (identité, texte libre, suivi, orientations, signalements) ne peut suivre
 *   par mégarde, même si l'enregistrement en gagne de nouveaux.
 */

export const RETOURS_ARTICLE_4 = {
  'absence-de-contact': 'La personne n’a pas pris contact avec l’intervenant social.',
  'refus-aide': 'La personne a refusé l’aide de l’intervenant social.',
  degradation:
    'Dégradation de la situation ou nouveau passage à l’acte : l’intervenant social en rend compte au service enquêteur. Encouragez la personne à déposer plainte.',
} as const
export type TypeRetour = keyof typeof RETOURS_ARTICLE_4

/** Un retour de l'article 4, tel que l'intervenant l'enregistre (acte daté et attribué). */
export const schemaRetourArticle4 = z.object({
  type: z.enum(Object.keys(RETOURS_ARTICLE_4) as [TypeRetour, ...TypeRetour[]], {
    error: 'Retour à l’unité : choisissez « pas de prise de contact », « refus de l’aide » ou « dégradation de la situation »',
  }),
  le: z.iso.datetime({ error: 'Date du retour : date et heure ISO attendues' }),
  par: z.union([z.string().min(1), z.number().int()], { error: 'Auteur du retour : identifiant de compte attendu' }),
})
export type RetourArticle4 = z.infer<typeof schemaRetourArticle4>

/** Ce dont `retourPourUnite` a besoin ; l'enregistrement réel porte bien d'autres champs, ignorés. */
export type SaisinePourRetour = {
  /** Date de la saisine (AAAA-MM-JJ), donnée par l'unité elle-même. */
  date: string
  historique: readonly Changement[]
  retoursArticle4?: readonly RetourArticle4[] | null
}

export const STATUTS_VUS_PAR_L_UNITE = { recue: 'Reçue', 'prise-en-charge': 'Prise en charge' } as const
export type StatutVuParLUnite = keyof typeof STATUTS_VUS_PAR_L_UNITE

export type RetourVuParLUnite = { type: TypeRetour; le: string; message: string }
export type RetourPourUnite = {
  statut: StatutVuParLUnite
  libelleStatut: string
  /** Date de la saisine. */
  date: string
  /** Date de la prise en charge, si elle a eu lieu. */
  priseEnChargeLe: string | null
  retours: RetourVuParLUnite[]
}

/** Clés permises, pour les tests et pour qui sérialise la réponse (API JSON de l'espace). */
export const CLES_RETOUR_POUR_UNITE: readonly (keyof RetourPourUnite)[] = ['statut', 'libelleStatut', 'date', 'priseEnChargeLe', 'retours']
export const CLES_RETOUR_VU: readonly (keyof RetourVuParLUnite)[] = ['type', 'le', 'message']

const RE_DATE_ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/
const dateSure = (v: unknown): string | null => (typeof v === 'string' && RE_DATE_ISO.test(v) && !Number.isNaN(Date.parse(v)) ? v : null)
const estTypeRetour = (v: unknown): v is TypeRetour => typeof v === 'string' && Object.hasOwn(RETOURS_ARTICLE_4, v)

export function retourPourUnite(saisine: SaisinePourRetour): RetourPourUnite {
  const historique: readonly Changement[] = Array.isArray(saisine.historique) ? saisine.historique : []
  const priseEnCharge = historique.find((c) => c?.vers === 'prise-en-charge')
  // Tout chemin au-delà de « reçue » passe par « prise en charge » (statuts.ts), sauf la clôture
  // directe (doublon, hors du champ) : celle-là reste « reçue » pour l'unité.
  const statut: StatutVuParLUnite = priseEnCharge ? 'prise-en-charge' : 'recue'
  const retours: RetourVuParLUnite[] = []
  const enregistres: readonly Partial<RetourArticle4>[] = Array.isArray(saisine.retoursArticle4) ? saisine.retoursArticle4 : []
  for (const r of enregistres) {
    const type = r?.type
    const le = dateSure(r?.le)
    if (!estTypeRetour(type) || !le) continue
    retours.push({ type, le, message: RETOURS_ARTICLE_4[type] })
  }
  retours.sort((a, b) => a.le.localeCompare(b.le))
  return {
    statut,
    libelleStatut: STATUTS_VUS_PAR_L_UNITE[statut],
    date: dateSure(saisine.date) ?? '',
    priseEnChargeLe: dateSure(priseEnCharge?.le),
    retours,
  }
}
