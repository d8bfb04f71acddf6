import { z } from 'zod'

import type { Role } from '../acces/roles'
import { ajouterPassage, etatCourant } from './historique'

/**
 * Le cycle de vie d'une saisine, écrit une fois.
 *
 *   reçue ─▶ prise en charge ─▶ personne contactée ─▶ accompagnement ⇄ orientée ─▶ clôturée
 *                │                  ▲      │                                      ▲
 *                │                  │      └──────────────────────────────────────┤
 *                ├─▶ injoignable ───┤ (puis refus ou clôture)                     │
 *                └─▶ refus ─────────┘ (la personne revient : libre adhésion) ─────┘
 *
 * D'où viennent ces étapes :
 * - « reçue » puis « prise en charge » : ce que l'unité qui a saisi a le droit
 *   d'apprendre (issue 11 ; cahier, « Cadre juridique et déontologique »).
 * - « injoignable » et « refus » : les deux retours de l'article 4 du
 *   protocole-cadre de 2013 cité par le cahier (« la victime n'a pas pris
 *   contact avec leurs services ou a refusé leur aide ») ; ils restent
 *   réversibles, car l'accueil « doit reposer sur la libre adhésion et le
 *   volontariat du bénéficiaire » (cahier, « Description des besoins »).
 * - « accompagnement » puis « orientée » : l'intervention « ne consiste pas à
 *   assurer une prise en charge sociale globale sur le long terme mais à saisir
 *   les partenaires et professionnels compétents » (cahier) ; la fiche de
 *   liaison du cadre opérationnel ANISCG est un acte de l'accompagnement, et une
 *   orientation peut relancer l'accompagnement (« un retour permettant à l'IS de
 *   s'assurer que l'orientation était pertinente »).
 * - « clôturée » est terminal : une dégradation ou un nouveau passage à l'acte
 *   fait l'objet d'une nouvelle saisine (comptée par les indicateurs) et du
 *   retour de l'article 4 sur l'ancienne, pas d'une réouverture silencieuse.
 *   Une saisine reçue peut être clôturée sans prise en charge (doublon, hors
 *   du champ de l'intervenant) : le motif est un acte de l'intervenant.
 *
 * - « à trier » puis « écartée » : l'auto-saisine à partir de la synthèse
 *   hebdomadaire du GGD 01 (cahier, « Modalités de saisine » ;
 *   synthese-ggd.ts). Chaque ligne importée naît « à trier » : c'est
 *   l'intervenant qui se saisit, ou non. Il la valide (« reçue », ou
 *   directement « prise en charge ») ou l'écarte (terminal, conservée comme
 *   une saisine clôturée pour que le même fichier ne la recrée pas). Tant
 *   qu'elle n'est pas validée, elle ne compte dans aucun indicateur
 *   (`STATUTS_HORS_INDICATEURS`, domaine/indicateurs/regles.ts).
 *
 * Chaque changement est daté et attribué (`Changement`) ; seul l'intervenant
 * du poste change un statut (l'opérateur, employeur, n'a pas accès au contenu :
 * le secret professionnel est celui de l'intervenant). L'agent FSI dépose (la saisine naît « reçue ») et ne voit que le
 * statut réduit de ses propres saisines (`retours.ts`).
 */
export const STATUTS = {
  'a-trier': 'À trier',
  ecartee: 'Écartée au tri',
  recue: 'Reçue',
  'prise-en-charge': 'Prise en charge',
  contactee: 'Personne contactée',
  injoignable: 'Personne injoignable',
  refus: 'Refus de l’aide',
  accompagnement: 'Accompagnement',
  orientee: 'Orientée',
  cloturee: 'Clôturée',
} as const
export type Statut = keyof typeof STATUTS

export const STATUT_INITIAL: Statut = 'recue'

/** Statut de naissance d'une saisine importée de la synthèse du GGD 01 : l'intervenant la trie. */
export const STATUT_A_TRIER: Statut = 'a-trier'

/** Les saisines que l'intervenant n'a pas (encore) validées : ni comptées par les indicateurs, ni suivies (actes, orientations). */
export const STATUTS_HORS_INDICATEURS: readonly Statut[] = ['a-trier', 'ecartee']
export const saisineValidee = (statut: string) => !(STATUTS_HORS_INDICATEURS as readonly string[]).includes(statut)

/** Statuts terminaux dont la date (`clotureeLe`) fait courir la conservation (retention.ts). */
export const STATUTS_CLOS: readonly Statut[] = ['cloturee', 'ecartee']

/** Transitions permises, en table : de → vers. Tout ce qui n'y est pas est refusé. */
export const TRANSITIONS: Readonly<Record<Statut, readonly Statut[]>> = {
  'a-trier': ['recue', 'prise-en-charge', 'ecartee'],
  ecartee: [],
  recue: ['prise-en-charge', 'cloturee'],
  'prise-en-charge': ['contactee', 'injoignable', 'refus'],
  injoignable: ['contactee', 'refus', 'cloturee'],
  refus: ['contactee', 'cloturee'],
  contactee: ['accompagnement', 'orientee', 'cloturee'],
  accompagnement: ['orientee', 'cloturee'],
  orientee: ['accompagnement', 'cloturee'],
  cloturee: [],
}

/** Rôles qui changent un statut (sur les saisines de leur poste pour l'intervenant : voir `operationPermise`). */
const ROLES_QUI_CHANGENT: ReadonlySet<Role> = new Set(['intervenant'])

/** Le rôle change-t-il des statuts (saisine, orientation) ? La portée (son poste) se vérifie par `operationPermise`. */
export const roleQuiChangeLesStatuts = (role: Role): boolean => ROLES_QUI_CHANGENT.has(role)

export function transitionPermise(de: Statut, vers: Statut, role: Role): boolean {
  return roleQuiChangeLesStatuts(role) && (TRANSITIONS[de]?.includes(vers) ?? false)
}

const enumStatut = (champ: string) =>
  z.enum(Object.keys(STATUTS) as [Statut, ...Statut[]], { error: `${champ} : statut inconnu` })

/** Un changement de statut, daté et attribué (id du compte, jamais de nom) ; relu de la base par ce schéma. */
export const schemaChangement = z.object({
  de: enumStatut('Statut précédent').nullable(),
  vers: enumStatut('Nouveau statut'),
  le: z.iso.datetime({ error: 'Date du changement : date et heure ISO attendues' }),
  par: z.union([z.string().min(1), z.number().int()], { error: 'Auteur du changement : identifiant de compte attendu' }),
})
export type Changement = z.infer<typeof schemaChangement>

export class TransitionRefusee extends Error {
  constructor(
    public readonly de: Statut,
    public readonly vers: Statut,
  ) {
    super(`Statut : passer de « ${STATUTS[de]} » à « ${STATUTS[vers]} » n’est pas permis`)
    this.name = 'TransitionRefusee'
  }
}

/**
 * Applique un changement à un historique ; le statut courant est le dernier
 * « vers ». Lève `TransitionRefusee` si la table ou le rôle l'interdit.
 */
export function changerStatut(
  historique: readonly Changement[],
  vers: Statut,
  acteur: { id: string | number; role: Role },
  le: Date,
): Changement[] {
  return ajouterPassage(
    historique,
    vers,
    { initial: STATUT_INITIAL, permise: (de, v) => transitionPermise(de, v, acteur.role), refus: (de, v) => new TransitionRefusee(de, v) },
    acteur.id,
    le,
  )
}

export const statutCourant = (historique: readonly Changement[]): Statut => etatCourant(historique, STATUT_INITIAL)

/**
 * Opérations sur une saisine, et qui peut les faire. La portée compte autant
 * que le rôle : l'agent FSI ne voit que SES saisines, l'intervenant que celles
 * de SON poste (secteur), la coordination les signalements judiciaires pour
 * les tracer (issue 11) mais jamais le contenu social.
 */
export type Operation =
  /** Déposer une saisine (formulaire du portail ou enregistrement par l'intervenant). */
  | 'deposer'
  /**
   * Importer la synthèse hebdomadaire du GGD 01 : créer des saisines « à trier »
   * pour le poste qui couvre l'unité de chaque ligne. L'intervenant pour son
   * poste ; la coordination, qui reçoit la synthèse du département, pour tous
   * (elle crée, elle ne relit pas : aucun autre droit ne lui en vient).
   */
  | 'importer-synthese'
  /** Voir le statut réduit et les retours de l'article 4 (`retourPourUnite`). */
  | 'voir-retour'
  /** Voir la saisine entière : identité, texte libre, suivi, orientations. */
  | 'voir-contenu'
  /** Changer le statut, enregistrer actes, orientations, retours de l'article 4. */
  | 'traiter'
  /** Voir les signalements judiciaires (art. 226-14, 223-6 du code pénal). */
  | 'voir-signalements'
  /**
   * Exporter tout ce qui est tenu sur une personne, pour répondre à une demande
   * de droit d'accès (RGPD, art. 15) : la coordination (préfecture, responsable
   * du traitement) répond aux demandes, pas l'intervenant ni l'employeur.
   */
  | 'exporter-personne'

export type ActeurSaisine = { id: string | number; role: Role; poste?: string | number | null; suspendu?: boolean | null }
export type SaisineVisee = { auteur?: string | number | null; poste?: string | number | null }

const meme = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b)

/**
 * L'acteur peut-il faire cette opération sur cette saisine ? Pour « deposer »,
 * `saisine` est celle qui va être créée (son poste de destination).
 */
export function operationPermise(acteur: ActeurSaisine | null | undefined, operation: Operation, saisine: SaisineVisee): boolean {
  if (!acteur || acteur.suspendu) return false
  switch (acteur.role) {
    case 'agent-fsi':
      if (operation === 'deposer') return true
      return operation === 'voir-retour' && meme(acteur.id, saisine.auteur)
    case 'intervenant':
      return operation !== 'exporter-personne' && meme(acteur.poste, saisine.poste)
    // L'opérateur (employeur) et le financeur n'ont rien à voir d'une saisine : le secret
    // professionnel est celui de l'intervenant, les chiffres passent par les indicateurs.
    case 'coordination':
      return operation === 'voir-signalements' || operation === 'exporter-personne' || operation === 'importer-synthese'
    default:
      return false
  }
}
