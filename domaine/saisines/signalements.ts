import { z } from 'zod'

import { aujourdhuiAParis, datePasseeOuDuJour, enumeration, refusInconnus, texte } from './champs'

/**
 * Les signalements à l'autorité judiciaire, enregistrés comme tels (issue 11 :
 * article, date, destinataire), pour qu'ils soient traçables.
 *
 * Cahier des charges, « Cadre juridique et déontologique de l'intervention » :
 * « Le secret professionnel est un élément constitutif de l'action de
 * l'intervenant social. La loi lui impose la transmission à l'autorité
 * judiciaire de l'information obtenue, dans les situations suivantes :
 * - privations et sévices, notamment lorsqu'il agit d'atteintes ou mutilations
 *   sexuelles dont il a eu connaissance et qui ont été infligées à un mineur ou
 *   à une personne qui n'est pas en mesure de se protéger en raison de son âge
 *   ou de son incapacité physique ou psychique (article 226-14 du code pénal)
 * - assistance à personne en danger ou en péril (article 223-6 du code pénal). »
 *
 * Destinataires : le cahier ne nomme que « l'autorité judiciaire », soit le
 * procureur de la République. La cellule départementale de recueil des
 * informations préoccupantes (CRIP) n'est pas une autorité judiciaire : elle
 * reçoit l'information préoccupante, procédure administrative de protection
 * de l'enfance que les sources ne citent qu'en passant (cadre opérationnel
 * ANISCG : fiches de liaison « à condition qu'il n'y ait pas d'information
 * préoccupante »). Elle n'est donc pas dans la liste fermée ; un envoi à un
 * autre destinataire (juge des enfants, parquet d'un autre ressort…) se dit
 * par « autre », précisé.
 *
 * Contenu sensible entre tous : visible de l'intervenant du poste et de la
 * coordination seulement (`operationPermise`, « voir-signalements »), jamais
 * de l'agent qui a saisi.
 */
export const ARTICLES_SIGNALEMENT = {
  '226-14': 'Article 226-14 du code pénal : privations, sévices ou atteintes sexuelles sur un mineur ou une personne hors d’état de se protéger',
  '223-6': 'Article 223-6 du code pénal : assistance à personne en danger ou en péril',
} as const
export type ArticleSignalement = keyof typeof ARTICLES_SIGNALEMENT

export const DESTINATAIRES_SIGNALEMENT = {
  procureur: 'Procureur de la République',
  autre: 'Autre destinataire (à préciser)',
} as const
export type DestinataireSignalement = keyof typeof DESTINATAIRES_SIGNALEMENT

export const TEXTE_SIGNALEMENT_MAX = 5000
export const PRECISION_DESTINATAIRE_MAX = 200

export function schemaSignalement({ maintenant }: { maintenant: Date }) {
  const aujourdhui = aujourdhuiAParis(maintenant)
  return z
    .object(
      {
        article: enumeration('Article du code pénal', ARTICLES_SIGNALEMENT),
        date: datePasseeOuDuJour('Date du signalement', aujourdhui),
        destinataire: enumeration('Destinataire du signalement', DESTINATAIRES_SIGNALEMENT),
        precisionDestinataire: texte('Précision du destinataire', PRECISION_DESTINATAIRE_MAX).optional(),
        texte: texte('Texte du signalement', TEXTE_SIGNALEMENT_MAX).optional(),
      },
      refusInconnus('Signalement'),
    )
    .strict()
    .superRefine((s, ctx) => {
      const precision = s.precisionDestinataire ?? ''
      if (s.destinataire === 'autre' && !precision)
        ctx.addIssue({ code: 'custom', path: ['precisionDestinataire'], message: 'Précision du destinataire : obligatoire quand le destinataire est « autre »' })
      // Une précision oubliée après un changement d'avis ne doit pas contredire le destinataire choisi.
      if (s.destinataire !== 'autre' && precision)
        ctx.addIssue({ code: 'custom', path: ['precisionDestinataire'], message: 'Précision du destinataire : seulement quand le destinataire est « autre »' })
    })
    .transform(({ precisionDestinataire, ...s }) => (precisionDestinataire ? { ...s, precisionDestinataire } : s))
}
export type Signalement = z.infer<ReturnType<typeof schemaSignalement>>

/** « Procureur de la République », ou la précision pour « autre ». */
export const destinataireEnMots = (s: { destinataire: DestinataireSignalement; precisionDestinataire?: string }): string =>
  s.destinataire === 'autre' ? (s.precisionDestinataire ?? DESTINATAIRES_SIGNALEMENT.autre) : DESTINATAIRES_SIGNALEMENT[s.destinataire]
