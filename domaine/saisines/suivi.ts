import { z } from 'zod'

import type { Role } from '../acces/roles'
import { jourLocal, versUtcFlottant } from '../temps'
import { aujourdhuiAParis, datePasseeOuDuJour, enumeration, identifiant, refusInconnus, texte } from './champs'
import { ajouterPassage, etatCourant, type Passage } from './historique'
import { roleQuiChangeLesStatuts, type Changement } from './statuts'

/**
 * Le suivi d'une saisine par l'intervenant : actes datés, orientations vers
 * les services de l'annuaire, situation déjà connue ou non du Département et
 * de la CAF, et ce qui s'en calcule (durée d'accompagnement, nombre d'actes).
 *
 * Cahier des charges, « Modalités de suivi de l'activité » : « Part des
 * dossiers déjà connus par les services du Département et de la CAF » ;
 * « Nombre d'orientations réalisées par nature ou type de partenaire » ;
 * « Durée d'accompagnement des bénéficiaires et nombre d'actes réalisés ».
 * Le suivi est du contenu social : seul l'intervenant du poste le voit
 * (`operationPermise`, « voir-contenu ») ; l'agent qui a saisi, jamais.
 */

/**
 * Les actes de l'intervenant (issue 11). La fiche de liaison est celle du
 * cadre opérationnel ANISCG (« La création de fiches de liaison avec la
 * circonscription d'action sociale ») : un acte de l'accompagnement, compté
 * comme les autres.
 */
export const TYPES_ACTE = {
  entretien: 'Entretien',
  appel: 'Appel téléphonique',
  'visite-a-domicile': 'Visite à domicile',
  'accompagnement-physique': 'Accompagnement physique',
  demarche: 'Démarche',
  'fiche-de-liaison': 'Fiche de liaison',
} as const
export type TypeActe = keyof typeof TYPES_ACTE

export const TEXTE_ACTE_MAX = 5000
export const COMMENTAIRE_ORIENTATION_MAX = 2000

/** Un acte tel que l'intervenant le saisit ; l'auteur et l'instant d'enregistrement viennent du compte et de l'horloge. */
export function schemaActe({ maintenant }: { maintenant: Date }) {
  const aujourdhui = aujourdhuiAParis(maintenant)
  return z
    .object(
      {
        type: enumeration('Type d’acte', TYPES_ACTE),
        date: datePasseeOuDuJour('Date de l’acte', aujourdhui),
        texte: texte('Compte rendu de l’acte', TEXTE_ACTE_MAX).optional(),
      },
      refusInconnus('Acte'),
    )
    .strict()
}
export type Acte = z.infer<ReturnType<typeof schemaActe>>

/**
 * Statuts d'une orientation vers un service partenaire :
 *
 *   proposée ─▶ acceptée ─▶ réalisée
 *       │          │
 *       └──────────┴─▶ refusée
 *
 * « Refusée » : par la personne (libre adhésion) ou par le service ; une
 * orientation refusée ou réalisée ne bouge plus, une nouvelle tentative est
 * une nouvelle orientation (l'indicateur compte les orientations réalisées
 * par type de partenaire, une réécriture fausserait le compte).
 */
export const STATUTS_ORIENTATION = {
  proposee: 'Proposée',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
  realisee: 'Réalisée',
} as const
export type StatutOrientation = keyof typeof STATUTS_ORIENTATION

export const STATUT_ORIENTATION_INITIAL: StatutOrientation = 'proposee'

export const TRANSITIONS_ORIENTATION: Readonly<Record<StatutOrientation, readonly StatutOrientation[]>> = {
  proposee: ['acceptee', 'refusee'],
  acceptee: ['realisee', 'refusee'],
  refusee: [],
  realisee: [],
}

export type ChangementOrientation = Passage<StatutOrientation>

const enumStatutOrientation = (champ: string) =>
  z.enum(Object.keys(STATUTS_ORIENTATION) as [StatutOrientation, ...StatutOrientation[]], { error: `${champ} : statut d’orientation inconnu` })

/** Un changement de statut d'orientation, relu de la base par ce schéma. */
export const schemaChangementOrientation = z.object({
  de: enumStatutOrientation('Statut précédent de l’orientation').nullable(),
  vers: enumStatutOrientation('Nouveau statut de l’orientation'),
  le: z.iso.datetime({ error: 'Date du changement : date et heure ISO attendues' }),
  par: z.union([z.string().min(1), z.number().int()], { error: 'Auteur du changement : identifiant de compte attendu' }),
})

export class TransitionOrientationRefusee extends Error {
  constructor(
    public readonly de: StatutOrientation,
    public readonly vers: StatutOrientation,
  ) {
    super(`Statut de l’orientation : passer de « ${STATUTS_ORIENTATION[de]} » à « ${STATUTS_ORIENTATION[vers]} » n’est pas permis`)
    this.name = 'TransitionOrientationRefusee'
  }
}

/** Comme pour la saisine, seul l'intervenant (de son poste) change le statut d'une orientation. */
export function transitionOrientationPermise(de: StatutOrientation, vers: StatutOrientation, role: Role): boolean {
  return roleQuiChangeLesStatuts(role) && (TRANSITIONS_ORIENTATION[de]?.includes(vers) ?? false)
}

export const statutOrientationCourant = (historique: readonly ChangementOrientation[]): StatutOrientation =>
  etatCourant(historique, STATUT_ORIENTATION_INITIAL)

/** Applique un changement daté et attribué ; lève `TransitionOrientationRefusee` si la table ou le rôle l'interdit. */
export function changerStatutOrientation(
  historique: readonly ChangementOrientation[],
  vers: StatutOrientation,
  acteur: { id: string | number; role: Role },
  le: Date,
): ChangementOrientation[] {
  return ajouterPassage(
    historique,
    vers,
    {
      initial: STATUT_ORIENTATION_INITIAL,
      permise: (de, v) => transitionOrientationPermise(de, v, acteur.role),
      refus: (de, v) => new TransitionOrientationRefusee(de, v),
    },
    acteur.id,
    le,
  )
}

/**
 * Une orientation telle que l'intervenant la saisit : la structure (et, s'il
 * y a lieu, le service) choisie dans l'annuaire, par identifiant ; elle naît
 * « proposée » (historique vide).
 */
export function schemaOrientation({ maintenant }: { maintenant: Date }) {
  const aujourdhui = aujourdhuiAParis(maintenant)
  return z
    .object(
      {
        structure: identifiant('Structure'),
        service: identifiant('Service').optional(),
        date: datePasseeOuDuJour('Date de l’orientation', aujourdhui),
        commentaire: texte('Commentaire de l’orientation', COMMENTAIRE_ORIENTATION_MAX).optional(),
      },
      refusInconnus('Orientation'),
    )
    .strict()
}
export type Orientation = z.infer<ReturnType<typeof schemaOrientation>>

/**
 * Situation déjà connue des services du Département, de la CAF : indicateur
 * « Part des dossiers déjà connus par les services du Département et de la
 * CAF ». « Inconnu » (l'intervenant ne sait pas, ou pas encore) est une
 * réponse à part entière : la compter comme « non » gonflerait la part des
 * situations nouvelles.
 */
export const CONNAISSANCES = { oui: 'Oui', non: 'Non', inconnu: 'Ne sait pas' } as const
export type Connaissance = keyof typeof CONNAISSANCES

export const QUESTIONS_CONNAISSANCE = {
  connueDuDepartement: 'Situation déjà connue des services du Département',
  connueDeLaCaf: 'Situation déjà connue de la CAF',
} as const

export const schemaSituationConnue = z
  .object(
    {
      connueDuDepartement: enumeration(QUESTIONS_CONNAISSANCE.connueDuDepartement, CONNAISSANCES),
      connueDeLaCaf: enumeration(QUESTIONS_CONNAISSANCE.connueDeLaCaf, CONNAISSANCES),
    },
    refusInconnus('Situation déjà connue'),
  )
  .strict()
export type SituationConnue = z.infer<typeof schemaSituationConnue>

const JOUR_MS = 86_400_000
const joursEntre = (debut: string, fin: string) => Math.round((versUtcFlottant(fin).getTime() - versUtcFlottant(debut).getTime()) / JOUR_MS)

/**
 * Durée d'accompagnement, en jours calendaires à Paris : du premier passage à
 * « prise en charge » jusqu'à la clôture, ou jusqu'à `maintenant` si la
 * saisine n'est pas clôturée. Calculée, jamais saisie.
 *
 * - Jours calendaires de Paris, pas tranches de 24 h : prise en charge le
 *   lundi à 23 h 30, clôturée le mardi à 0 h 30 (heure de Paris), c'est 1 jour ;
 *   le même jour, 0. Le passage à l'heure d'été ne retire pas un jour.
 * - `null` si la saisine n'a jamais été prise en charge (reçue puis clôturée
 *   comme doublon, ou encore en attente) : elle n'entre pas dans la moyenne.
 * - `maintenant` est l'instant de référence : pour un bilan trimestriel, la
 *   fin du trimestre. Les passages postérieurs sont ignorés, si bien qu'une
 *   saisine prise en charge au premier trimestre et clôturée au deuxième
 *   compte, au bilan du premier, sa durée jusqu'au 31 mars (en cours), et au
 *   bilan du deuxième, sa durée entière. Au compteur de dire à quel trimestre
 *   il rattache une durée (par exemple : celui de la clôture).
 */
export function dureeAccompagnementJours(historique: readonly Changement[], maintenant: Date): number | null {
  const avant = historique.filter((c) => Date.parse(c.le) <= maintenant.getTime())
  const debut = avant.findIndex((c) => c.vers === 'prise-en-charge')
  if (debut < 0) return null
  const cloture = avant.slice(debut).find((c) => c.vers === 'cloturee')
  return joursEntre(jourLocal(new Date(avant[debut]!.le)), jourLocal(cloture ? new Date(cloture.le) : maintenant))
}

/** Nombre d'actes réalisés (indicateur), éventuellement d'un seul type. Calculé, jamais saisi. */
export function nombreActes(actes: readonly { type: TypeActe }[], type?: TypeActe): number {
  return type === undefined ? actes.length : actes.filter((a) => a.type === type).length
}
