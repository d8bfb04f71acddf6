/** Motifs d'un signalement : liste fermée, pour trier et compter ce qui se dégrade dans l'annuaire. */
export const MOTIFS_SIGNALEMENT = {
  coordonnees: 'Téléphone, courriel ou adresse erronés',
  horaires: 'Horaires erronés',
  'service-ferme': 'Service fermé ou qui n’existe plus',
  conditions: 'Public ou conditions d’accès erronés',
  autre: 'Autre erreur',
} as const

export const STATUTS_SIGNALEMENT = {
  nouveau: 'Nouveau',
  'en-cours': 'En cours de vérification',
  corrige: 'Corrigé',
  rejete: 'Sans suite',
} as const
