import { compterRechercheSansResultat } from '../../cms/collections/RecherchesSansResultat/comptage'
import type { ParametresRecherche } from '../../search/parametres'
import { moteurInstalle } from '../../search/partage'
import type { ReponseRecherche } from '../../search/port'
import { LimiteRetour } from '../../search/retour/limite'
import { payload } from './cms'

/** Plafonds en mémoire du serveur (un seul processus sert les pages). */
const limite = new LimiteRetour()

/**
 * Ce qui compte comme « recherche sans résultat » : une recherche envoyée par
 * le formulaire de la page (pas la recherche au fil de la frappe, fragment ou
 * endpoint JSON, qui verrait chaque début de mot), avec un texte, sans filtre
 * de facette (un filtre trop étroit n'est pas un mot manquant), ni recherche
 * littérale (la recherche corrigée a déjà été comptée), en première page, et
 * dont le moteur n'a rien trouvé de pertinent (statut « aucun-resultat »).
 * « Rien d'utile » (résultats non ouverts) n'est pas compté : il faudrait
 * suivre les clics, ce que le portail ne fait pas.
 */
export function estSansResultat(p: ParametresRecherche, reponse: ReponseRecherche): boolean {
  return p.q.trim() !== '' && p.page === 1 && Object.keys(p.filtres).length === 0 && !p.requete.litteral && reponse.statut === 'aucun-resultat'
}

/** Compte la recherche si elle n'a rien trouvé ; ne fait jamais échouer la page. */
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
