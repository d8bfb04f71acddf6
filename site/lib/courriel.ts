import { configuration } from '../../socle/configuration'
import { creerExpediteur, type Expediteur } from '../../socle/courriel'

/** L'expéditeur des courriels du portail, créé à la première invitation ; absent sans SMTP_URL (le lien est alors montré à l'invitant). */
let instance: Expediteur | undefined
export function expediteur(): Expediteur | undefined {
  const courriel = configuration().courriel
  if (!courriel) return undefined
  instance ??= creerExpediteur(courriel)
  return instance
}
