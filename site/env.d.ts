declare namespace App {
  interface Locals {
    /** Adresse réelle du client, donnée par le serveur (serveur/proxy.ts) ; absente hors de ce serveur. */
    adresseClient?: string
    /** La session de la requête, une fois lue par site/lib/session.ts (null : aucune session valide). */
    connecte?: import('../cms/auth/sessions').SessionValide | null
  }
}
