import { configuration } from '../../../socle/configuration'
import { deposerDemande } from '../../../socle/publication/demandesExternes'

export const RAISON_IMPORT = 'import data·inclusion'

/**
 * Signale au serveur en cours d'exécution que l'annuaire a changé hors de lui
 * (import en ligne de commande) : un fichier `{ raison, quand }` est déposé dans
 * `<données>/publication/demandes/` ; le serveur le lit, republie et réindexe.
 * Une seule demande pour tout l'import (les écritures portent `sansPublication`).
 */
export function signalerChangementAnnuaire(dossierDonnees = configuration().dossierDonnees): void {
  deposerDemande(dossierDonnees, RAISON_IMPORT)
}
