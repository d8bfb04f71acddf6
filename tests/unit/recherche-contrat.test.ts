import { Meilisearch } from 'meilisearch'

import { creerMoteurEmbarque } from '../../search/adapters/embarque.ts'
import { creerMoteurMeilisearch, type MoteurMeilisearch } from '../../search/adapters/meilisearch.ts'
import { contratMoteurRecherche } from '../contrat/recherche.ts'

/**
 * La même suite de contrat pour les deux adaptateurs du port de recherche :
 * toujours sur le moteur embarqué ; sur Meilisearch quand MEILI_URL est défini
 * (voir search/README.md pour en lancer un avec Docker), sinon ignorée avec
 * sa raison.
 */

contratMoteurRecherche({
  nom: 'moteur embarqué',
  creer: async (vocabulaire) => creerMoteurEmbarque({ vocabulaire }),
})

const url = process.env.MEILI_URL
const cle = process.env.MEILI_MASTER_KEY
const indexDeTest = `passerelle-contrat-${process.pid}-${Date.now()}`

contratMoteurRecherche({
  nom: 'Meilisearch',
  ...(url ? {} : { ignorer: 'MEILI_URL non défini (aucun serveur Meilisearch à tester)' }),
  delaiMs: 120_000,
  creer: async (vocabulaire) => creerMoteurMeilisearch({ vocabulaire, url: url!, ...(cle ? { cleApi: cle } : {}), index: indexDeTest }),
  nettoyer: async (moteur) => {
    void (moteur as MoteurMeilisearch)
    await new Meilisearch({ host: url!, ...(cle ? { apiKey: cle } : {}) }).deleteIndexIfExists(indexDeTest)
  },
})
