import type { Role } from './roles'

/**
 * La politique d'autorisation, en un seul endroit : « cet acteur peut-il faire
 * cette action sur cette ressource, et sur quels enregistrements ? ». Les
 * fonctions d'accès de Payload (cms/access/) et les routes du portail la
 * consultent ; aucune ne refait la règle.
 *
 * Refus par défaut : une ressource ou une action absente du tableau est
 * refusée à tous. Un compte suspendu n'a plus aucun droit. La portée « soi »
 * limite l'accès aux enregistrements de l'acteur (filtre appliqué en base par
 * Payload, pas après coup en code).
 *
 * Les saisines (et leurs actes, orientations, signalements) ne sont pas dans
 * ce tableau : leur accès dépend de l'enregistrement visé (l'auteur pour
 * l'agent, le poste pour l'intervenant) et la vue de l'agent est construite,
 * pas filtrée ; leur règle est `operationPermise` (domaine/saisines/statuts.ts),
 * appliquée par cms/saisines/, et leurs collections sont fermées à l'API.
 *
 * Sources : cahier des charges ISCG de l'Ain (« Modalités de mise en œuvre » :
 * l'opérateur publie et tient à jour ; « Cadre juridique et déontologique » :
 * secret professionnel, moindre privilège).
 */

export type Action = 'lire' | 'creer' | 'modifier' | 'supprimer'

export type Ressource =
  /** Sites, postes, annuaire, référentiels, permanences, plaquettes, médias, formation, logigramme : publiés sur le portail. */
  | 'contenu-editorial'
  /** Erreurs signalées sur l'annuaire depuis le portail. */
  | 'signalements'
  /** Vocabulaire de recherche (référentiel de l'admin). */
  | 'vocabulaire'
  /**
   * Recherches du portail qui n'ont rien trouvé (requête normalisée et comptes,
   * sans personne) : seul le serveur les crée ; l'opérateur les lit, les
   * rattache à une entrée du vocabulaire (modifier) et les supprime.
   */
  | 'recherches-sans-resultat'
  /** État de la publication du portail. */
  | 'publication'
  /** Comptes. */
  | 'utilisateurs'
  /** Champs sensibles d'un compte : rôle et rattachement (unité, poste). */
  | 'utilisateurs.habilitation'
  /** Entrée dans l'admin (/admin). */
  | 'admin'
  /** Sessions ouvertes (appareil, dernière activité) : chacun voit les siennes ; seul le serveur les crée et les révoque. */
  | 'sessions'
  /** Journal d'audit : personne ne l'écrit par l'API (le serveur seul y ajoute), personne ne le modifie. */
  | 'journal'
  /**
   * Invitations à créer un compte : l'opérateur et la coordination invitent
   * (lire la liste, inviter, annuler) ; les rôles qu'ils peuvent donner sont
   * bornés par `rolesAttribuables`. Aucune n'est supprimée : elles restent la
   * trace de qui a invité qui.
   */
  | 'invitations'
  /**
   * Gestion des comptes des autres depuis l'espace connecté (/espace/comptes) :
   * liste, suspension, réactivation, rôle et rattachement. Le compte visé est
   * vérifié par `peutGererCompte` (la coordination ne touche pas aux comptes
   * de l'opérateur, personne ne se gère soi-même).
   */
  | 'comptes'
  /**
   * Indicateurs d'activité (/espace/indicateurs et ses exports) : des
   * agrégats, jamais une personne. L'opérateur et la coordination voient
   * les chiffres entiers ; le financeur les voit toujours au secret
   * statistique (`vueIndicateurs`).
   */
  | 'indicateurs'

export type Acteur = { id: number | string; role: Role; suspendu?: boolean | null }

export type Portee = 'tout' | 'soi'
export type Decision = { permis: false } | { permis: true; portee: Portee }

type Regle = Partial<Record<Role | 'anonyme', Portee>>
const OPERATEUR_SEUL: Regle = { operateur: 'tout' }
const OPERATEUR_COORDINATION: Regle = { operateur: 'tout', coordination: 'tout' }

/**
 * Le tableau des droits. Une case absente est un refus. `anonyme` désigne le
 * visiteur du portail non connecté (l'intranet de l'État, ou tout le monde si
 * le portail est exposé : le contenu éditorial ne contient aucune donnée personnelle).
 */
const TABLEAU: Record<Ressource, Partial<Record<Action, Regle>>> = {
  'contenu-editorial': {
    lire: { anonyme: 'tout', operateur: 'tout', intervenant: 'tout', 'agent-fsi': 'tout', coordination: 'tout', financeur: 'tout' },
    creer: OPERATEUR_SEUL,
    modifier: OPERATEUR_SEUL,
    supprimer: OPERATEUR_SEUL,
  },
  signalements: { lire: OPERATEUR_SEUL, creer: OPERATEUR_SEUL, modifier: OPERATEUR_SEUL, supprimer: OPERATEUR_SEUL },
  vocabulaire: { lire: OPERATEUR_SEUL, creer: OPERATEUR_SEUL, modifier: OPERATEUR_SEUL, supprimer: OPERATEUR_SEUL },
  // Créées et comptées par le serveur seul (sans passer par la politique) ; « modifier » sert au rattachement à un concept.
  'recherches-sans-resultat': { lire: OPERATEUR_SEUL, modifier: OPERATEUR_SEUL, supprimer: OPERATEUR_SEUL },
  // L'état de publication est écrit par le serveur seul (sans passer par la politique).
  publication: { lire: OPERATEUR_SEUL },
  utilisateurs: {
    lire: { operateur: 'tout', intervenant: 'soi', 'agent-fsi': 'soi', coordination: 'soi', financeur: 'soi' },
    // Aucun compte ne se crée par l'API : ils naissent d'une invitation acceptée ou de l'installation (côté serveur).
    creer: {},
    modifier: { operateur: 'tout', intervenant: 'soi', 'agent-fsi': 'soi', coordination: 'soi', financeur: 'soi' },
    supprimer: OPERATEUR_SEUL,
  },
  'utilisateurs.habilitation': { creer: OPERATEUR_SEUL, modifier: OPERATEUR_SEUL },
  admin: { lire: OPERATEUR_SEUL },
  journal: { lire: { coordination: 'tout' } },
  invitations: { lire: OPERATEUR_COORDINATION, creer: OPERATEUR_COORDINATION, modifier: OPERATEUR_COORDINATION },
  comptes: { lire: OPERATEUR_COORDINATION, modifier: OPERATEUR_COORDINATION },
  indicateurs: { lire: { operateur: 'tout', coordination: 'tout', financeur: 'tout' } },
  sessions: { lire: { operateur: 'soi', intervenant: 'soi', 'agent-fsi': 'soi', coordination: 'soi', financeur: 'soi' } },
}

const REFUS: Decision = { permis: false }

export function decider(acteur: Acteur | null | undefined, action: Action, ressource: Ressource): Decision {
  if (acteur?.suspendu) return REFUS
  const portee = TABLEAU[ressource][action]?.[acteur ? acteur.role : 'anonyme']
  return portee ? { permis: true, portee } : REFUS
}

/** Raccourci : l'action est-elle permise sur tous les enregistrements de la ressource ? */
export const peutTout = (acteur: Acteur | null | undefined, action: Action, ressource: Ressource) => {
  const d = decider(acteur, action, ressource)
  return d.permis && d.portee === 'tout'
}

/**
 * Quelle version des indicateurs l'acteur reçoit : « complete » (opérateur,
 * coordination), « secret-statistique » (financeur : chaque petite case
 * masquée, domaine/indicateurs/financeur.ts), ou rien. Les rôles qui ne
 * voient que des agrégats protégés sont écrits ici, à côté du tableau : une
 * page ou un export n'a pas à le décider.
 */
export type VueIndicateurs = 'complete' | 'secret-statistique'
const INDICATEURS_AU_SECRET: ReadonlySet<Role> = new Set<Role>(['financeur'])

export function vueIndicateurs(acteur: Acteur | null | undefined): VueIndicateurs | null {
  if (!acteur || !peutTout(acteur, 'lire', 'indicateurs')) return null
  return INDICATEURS_AU_SECRET.has(acteur.role) ? 'secret-statistique' : 'complete'
}

/** Le tableau, pour l'afficher ou le parcourir dans un test : ressources et actions déclarées. */
export const RESSOURCES = Object.keys(TABLEAU) as Ressource[]
export const ACTIONS: readonly Action[] = ['lire', 'creer', 'modifier', 'supprimer']

/**
 * Les rôles qu'un acteur peut donner, par invitation ou changement de rôle.
 * L'opérateur (association employeuse, qui tient le portail) donne tous les
 * rôles ; la coordination (préfecture, autorités fonctionnelles) tous sauf
 * « opérateur » : les droits sur le contenu et les comptes de l'opérateur ne
 * s'obtiennent que de l'opérateur lui-même.
 */
const ROLES_ATTRIBUABLES: Partial<Record<Role, readonly Role[]>> = {
  operateur: ['agent-fsi', 'intervenant', 'coordination', 'financeur', 'operateur'],
  coordination: ['agent-fsi', 'intervenant', 'coordination', 'financeur'],
}

export function rolesAttribuables(acteur: Acteur | null | undefined): readonly Role[] {
  if (!acteur || acteur.suspendu) return []
  return ROLES_ATTRIBUABLES[acteur.role] ?? []
}

/**
 * L'acteur peut-il gérer ce compte (suspendre, réactiver, changer son rôle ou
 * son rattachement) et, s'il est donné, lui attribuer ce nouveau rôle ? Jamais
 * son propre compte (on ne se suspend pas, on ne se promeut pas), jamais un
 * compte dont il ne pourrait pas donner le rôle.
 */
export function peutGererCompte(acteur: Acteur | null | undefined, compte: { id: number | string; role: Role }, nouveauRole?: Role): boolean {
  if (!acteur || !peutTout(acteur, 'modifier', 'comptes')) return false
  if (String(acteur.id) === String(compte.id)) return false
  const roles = rolesAttribuables(acteur)
  return roles.includes(compte.role) && (nouveauRole === undefined || roles.includes(nouveauRole))
}
