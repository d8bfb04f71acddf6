declare namespace App {
  interface Locals {
    /** Adresse réelle du client, donnée par le serveur (serveur/proxy.ts) ; absente hors de ce serveur. */
    adresseClient?: string
  }
}
