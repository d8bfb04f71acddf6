import type { ParametresRecherche } from '../parametres.ts'
import type { ReponseRecherche } from '../port.ts'

/**
 * Ce qui compte comme « recherche sans résultat » : une recherche envoyée par
 * le formulaire de la page (pas la recherche au fil de la frappe, fragment ou
 * endpoint JSON, qui verrait chaque début de mot), avec un texte, sans filtre
 * de facette (un filtre trop étroit n'est pas un mot manquant), ni recherche
 * littérale (la recherche corrigée a déjà été comptée), en première page, et
 * dont le moteur n'a rien trouvé de pertinent (statut « aucun-resultat »,
 * suggestions comprises : elles ne répondent pas à la recherche).
 * « Rien d'utile » (résultats non ouverts) n'est pas compté : il faudrait
 * suivre les clics, ce que le portail ne fait pas.
 */
export function estSansResultat(p: Pick<ParametresRecherche, 'q' | 'page' | 'filtres' | 'requete'>, reponse: Pick<ReponseRecherche, 'statut'>): boolean {
  return p.q.trim() !== '' && p.page === 1 && Object.keys(p.filtres).length === 0 && !p.requete.litteral && reponse.statut === 'aucun-resultat'
}
