import { ErreurConfiguration, configuration } from '../socle/configuration'
import { emettreCodeInstallation, supprimerCodeInstallation } from '../socle/codeInstallation'
import { ErreurContenu } from '../content/charger'
import { demarrerPortail } from './application'

/** `npm start` : démarre Passerelle et affiche l'unique adresse à ouvrir. */
try {
  const config = configuration()
  const portail = await demarrerPortail()
  const { totalDocs } = await portail.payload.count({ collection: 'utilisateurs', overrideAccess: true })
  console.log(`\nPasserelle est prête : ${portail.url}`)
  if (totalDocs === 0) {
    // Un nouveau code à chaque démarrage sans compte : seul celui qui lit cette console peut devenir opérateur.
    const code = emettreCodeInstallation(config.dossierDonnees)
    console.log(`Premier accès : ouvrez ${portail.url}/admin pour créer le compte de l'opérateur (aucun mot de passe par défaut).`)
    console.log(`Code d'installation, demandé par l'écran de premier accès (usage unique) : ${code}`)
  } else supprimerCodeInstallation(config.dossierDonnees)
  const arret = async () => {
    await portail.arreter()
    process.exit(0)
  }
  process.once('SIGINT', arret)
  process.once('SIGTERM', arret)
} catch (e) {
  if (e instanceof ErreurConfiguration || e instanceof ErreurContenu) console.error(e.message)
  else console.error(`Démarrage impossible : ${(e as Error).message}`)
  process.exit(1)
}
