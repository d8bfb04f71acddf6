/**
 * Mémoire courte des lectures que chaque dépôt de saisine refait alors
 * qu'elles ne changent presque jamais (référentiels, poste qui couvre une
 * unité). Une valeur vit `dureeMs` au plus : un changement fait par un autre
 * processus (amorçage, import en ligne de commande) se voit donc sans
 * redémarrer ; un changement fait dans ce processus la vide aussitôt (hooks
 * des collections). On garde la promesse, pas la valeur : vingt dépôts
 * simultanés après expiration ne font qu'une lecture ; une lecture en échec
 * n'est pas gardée.
 */
export type MemoireCourte<V> = {
  lire: (cle: string, charger: () => Promise<V>) => Promise<V>
  vider: () => void
}

export function memoireCourte<V>(dureeMs: number, horloge: () => number = Date.now): MemoireCourte<V> {
  const valeurs = new Map<string, { valeur: Promise<V>; expire: number }>()
  return {
    lire(cle, charger) {
      const gardee = valeurs.get(cle)
      if (gardee && gardee.expire > horloge()) return gardee.valeur
      const valeur = charger()
      const entree = { valeur, expire: horloge() + dureeMs }
      valeurs.set(cle, entree)
      valeur.catch(() => {
        if (valeurs.get(cle) === entree) valeurs.delete(cle)
      })
      return valeur
    },
    vider: () => valeurs.clear(),
  }
}
