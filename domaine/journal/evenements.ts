/**
 * Le journal d'audit : ce qui arrive aux comptes et, avec les saisines, à
 * chaque dossier. Une liste fermée d'actions (les statistiques et les filtres
 * s'appuient dessus), et jamais de donnée personnelle des personnes suivies :
 * seulement des identifiants d'enregistrements (cahier des charges, « Cadre
 * juridique et déontologique » : secret professionnel, RGPD).
 */
export const ACTIONS_JOURNAL = {
  connexion: 'Connexion',
  'connexion-refusee': 'Connexion refusée',
  deconnexion: 'Déconnexion',
  'sessions-revoquees': 'Session(s) révoquée(s)',
  'second-facteur-verifie': 'Second facteur vérifié',
  'second-facteur-refuse': 'Second facteur refusé',
  'mot-de-passe-change': 'Mot de passe changé',
  'compte-cree': 'Compte créé',
  'role-modifie': 'Rôle modifié',
  'rattachement-modifie': 'Rattachement modifié (unité ou poste)',
  'compte-supprime': 'Compte supprimé',
  'invitation-envoyee': 'Invitation envoyée',
  'invitation-acceptee': 'Invitation acceptée (compte créé)',
  'compte-suspendu': 'Compte suspendu',
  'compte-reactive': 'Compte réactivé',
  'second-facteur-active': 'Second facteur activé',
  'second-facteur-desactive': 'Second facteur désactivé',
  'second-facteur-reinitialise': 'Second facteur réinitialisé (par l’opérateur ou la coordination)',
  'codes-secours-regeneres': 'Codes de secours régénérés',
  'saisine-deposee': 'Saisine déposée ou enregistrée',
  'saisine-importee': 'Saisine à trier créée depuis la synthèse hebdomadaire du GGD 01',
  'saisines-listees': 'Liste des saisines consultée',
  'saisine-consultee': 'Saisine consultée (avec son suivi et ses orientations)',
  'saisine-statut-change': 'Statut de saisine changé',
  'saisine-modifiee': 'Saisine modifiée (situation connue du Département ou de la CAF)',
  'retour-unite-enregistre': 'Retour à l’unité enregistré (article 4 du protocole-cadre)',
  'acte-enregistre': 'Acte du suivi enregistré',
  'orientation-enregistree': 'Orientation enregistrée',
  'orientation-modifiee': 'Statut d’orientation changé',
  'signalement-judiciaire-enregistre': 'Signalement judiciaire enregistré',
  'signalements-judiciaires-consultes': 'Signalements judiciaires consultés',
  'brouillon-saisine-enregistre': 'Brouillon de saisine enregistré',
  'acces-personne-exporte': 'Données d’une personne exportées (droit d’accès RGPD)',
  'donnees-saisine-effacees': 'Données personnelles d’une saisine effacées (conservation échue)',
  'cles-rechiffrees': 'Données chiffrées rechiffrées avec la clé actuelle (rotation)',
} as const

export type ActionJournal = keyof typeof ACTIONS_JOURNAL

export type EvenementJournal = {
  action: ActionJournal
  /** Compte qui agit (absent pour une connexion refusée à un compte inconnu). */
  acteur?: number | string | null
  /** Enregistrement visé, « collection:id » (ex. « utilisateurs:12 »). */
  cible?: string | null
  /** Adresse du client, telle que le serveur l'a établie (proxy de confiance compris). */
  adresse?: string | null
}

/** « utilisateurs:12 » : la cible d'un événement, sans aucun contenu. */
export const cible = (collection: string, id: number | string) => `${collection}:${id}`

/** Les changements d'un compte qui valent une ligne de journal. */
export function changementsDeCompte(
  avant: { role?: string | null; poste?: unknown; site?: unknown } | undefined,
  apres: { role?: string | null; poste?: unknown; site?: unknown },
): ActionJournal[] {
  if (!avant) return ['compte-cree']
  const id = (r: unknown) => (r && typeof r === 'object' ? (r as { id: unknown }).id : r) ?? null
  const actions: ActionJournal[] = []
  if ((avant.role ?? null) !== (apres.role ?? null)) actions.push('role-modifie')
  if (id(avant.poste) !== id(apres.poste) || id(avant.site) !== id(apres.site)) actions.push('rattachement-modifie')
  return actions
}
