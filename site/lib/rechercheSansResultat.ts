import { compterRechercheSansResultat } from '../../cms/collections/RecherchesSansResultat/comptage'
import type { ParametresRecherche } from '../../search/parametres'
import { moteurInstalle } from '../../search/partage'
import type { ReponseRecherche } from '../../search/port'
import { estSansResultat } from '../../search/retour/decision'
import { LimiteRetour } from '../../search/retour/limite'
import { payload } from './cms'

/** Plafonds en mémoire du serveur (un seul processus sert les pages). */
const limite = new LimiteRetour()

/** Compte la recherche si elle n'a rien trouvé (search/retour/decision.ts) ; ne fait jamais échouer la page. */
export async function noterSiSansResultat(p: ParametresRecherche, reponse: ReponseRecherche, adresse: string): Promise<void> {
  const moteur = moteurInstalle()
  if (!moteur || !estSansResultat(p, reponse)) return
  try {
    await compterRechercheSansResultat(await payload(), { texte: p.q, adresse }, { examiner: (texte) => moteur.examinerRecherche(texte), limite })
  } catch (e) {
    // Le type d'erreur seul : le message pourrait reprendre la saisie.
    console.error(`Recherche sans résultat non comptée : ${(e as Error).name}`)
  }
}
