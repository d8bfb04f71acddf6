// En premier : sous un Node trop ancien, rien d'autre n'est chargé.
import './versionNode'

import { ErreurConfiguration, configuration, dossierDesDonnees } from '../socle/configuration'
import { emettreCodeInstallation, supprimerCodeInstallation } from '../socle/codeInstallation'
import { ErreurContenu } from '../content/charger'
import { verifierBase, verifierDossierDonnees, verifierPortLibre } from './verificationsDemarrage'

/** `npm start` : démarre Passerelle et affiche l'unique adresse à ouvrir. */
try {
  verifierDossierDonnees(dossierDesDonnees())
  const config = configuration()
  await verifierPortLibre(config.port, config.hote)
  await verifierBase(config.base)
  // Chargée après les vérifications : certains modules du CMS lisent la configuration (et le dossier de données) dès leur import.
  const { demarrerPortail } = await import('./application')
  const portail = await demarrerPortail()
  const { totalDocs } = await portail.payload.count({ collection: 'utilisateurs', overrideAccess: true })
  console.log(`\nPasserelle est prête : ${portail.url}`)
  if (totalDocs === 0) {
    // Un nouveau code à chaque démarrage sans compte : seul celui qui lit cette console peut devenir opérateur.
    const code = emettreCodeInstallation(config.dossierDonnees)
    console.log(`Premier accès : ouvrez ${portail.url}/installation pour créer le compte de l'opérateur (aucun mot de passe par défaut).`)
    console.log(`Code d'installation, demandé par la page d'installation (usage unique) : ${code}`)
  } else supprimerCodeInstallation(config.dossierDonnees)
  const arret = async () => {
    await portail.arreter()
    process.exit(0)
  }
  process.once('SIGINT', arret)
  process.once('SIGTERM', arret)
} catch (e) {
  if (e instanceof ErreurConfiguration || e instanceof ErreurContenu) console.error(e.message)
  // Les vérifications (ErreurDemarrage) disent la cause et quoi faire ; jamais de pile.
  else console.error(`Démarrage impossible : ${(e as Error).message}`)
  // Sortie explicite : Next, Payload ou la publication peuvent garder le processus en vie.
  process.exit(1)
}
