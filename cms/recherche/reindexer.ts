import { payloadPourCli, terminer } from '../cli'
import { configuration } from '../../socle/configuration'
import { deposerDemande } from '../../socle/publication/demandesExternes'
import { documentsDepuisCms } from './documents'
import { vocabulaireDuCms } from './vocabulaire'
import { creerMoteurRecherche, reindexerAvecProgression } from '../../search'

/**
 * `npm run search:reindex` : reconstruit l'index de l'annuaire depuis le CMS,
 * à côté de l'index en service puis par échange (les recherches ne voient
 * jamais un index vide). Avec Meilisearch, c'est l'index du serveur de
 * recherche ; avec le moteur embarqué, l'index vit dans le serveur du portail :
 * la commande le construit ici (pour vérifier et compter) puis demande au
 * serveur de faire de même.
 */
let payload: Awaited<ReturnType<typeof payloadPourCli>> | undefined
try {
  payload = await payloadPourCli()
  const documents = await documentsDepuisCms(payload)
  const moteur = creerMoteurRecherche({ vocabulaire: await vocabulaireDuCms(payload), meilisearch: configuration().meilisearch })
  await reindexerAvecProgression(moteur, documents)
  const stats = await moteur.statistiques()
  if (stats.moteur === 'embarque') {
    deposerDemande(configuration().dossierDonnees, 'réindexation demandée')
    console.log('Le serveur du portail reconstruira son index à la réception de la demande.')
  }
  await terminer(payload, 0)
} catch (e) {
  console.error(`Réindexation impossible : ${(e as Error).message}`)
  await terminer(payload, 1)
}
