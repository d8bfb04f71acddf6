import type { Payload, Where } from 'payload'

import type { LigneJournal } from '../domaine/journal/csv'
import { conditionJournal, TAILLE_PAGE_JOURNAL, type FiltreJournal } from '../domaine/journal/filtre'
import type { Journal, Utilisateur } from './payload-types'

/**
 * Lecture du journal d'audit pour sa consultation (page /espace/journal et
 * export CSV). Toujours avec les droits de la personne connectée
 * (`overrideAccess: false`) : c'est Payload, par la politique, qui refuse la
 * lecture à qui n'est pas coordination ; la page le vérifie avant, mais ne
 * compte pas que sur elle-même.
 */

/** Le compte tel que l'API locale l'attend pour lui appliquer les règles d'accès. */
const commeUtilisateur = (utilisateur: Utilisateur) => ({ ...utilisateur, collection: 'utilisateurs' as const })

// L'identifiant croît avec l'insertion : trier dessus donne l'ordre chronologique sans ex æquo.
const TRI = '-id'

export async function lirePageJournal(payload: Payload, utilisateur: Utilisateur, filtre: FiltreJournal, page: number) {
  return payload.find({
    collection: 'journal',
    where: conditionJournal(filtre) as Where,
    sort: TRI,
    page,
    limit: TAILLE_PAGE_JOURNAL,
    depth: 0,
    overrideAccess: false,
    user: commeUtilisateur(utilisateur),
  })
}

/**
 * Toutes les lignes du filtre, par lots, de la plus récente à la plus ancienne.
 * On avance par identifiant (« plus petit que le dernier vu ») et non par
 * numéro de page : une ligne ajoutée pendant l'export ne décale rien, aucune
 * ligne n'est sautée ni répétée.
 */
export async function* parcourirJournal(payload: Payload, utilisateur: Utilisateur, filtre: FiltreJournal, lot = 1000): AsyncGenerator<LigneJournal> {
  const condition = conditionJournal(filtre)
  let dernier: number | undefined
  for (;;) {
    const { docs } = await payload.find({
      collection: 'journal',
      where: { and: [...condition.and, ...(dernier === undefined ? [] : [{ id: { less_than: dernier } }])] } as Where,
      sort: TRI,
      limit: lot,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user: commeUtilisateur(utilisateur),
    })
    for (const ligne of docs as Journal[]) yield ligne
    if (docs.length < lot) return
    dernier = docs.at(-1)!.id
  }
}
