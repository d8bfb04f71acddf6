/**
 * Découpage des mots collés (« aidealimentaire », « femmebattue »,
 * « hebergementdurgence ») contre les mots que la recherche connaît : ceux de
 * l'annuaire et du vocabulaire, plus les mots de liaison. Une saisie au
 * téléphone, de nuit, oublie souvent les espaces.
 *
 * Programmation dynamique sur les positions du mot : on garde le découpage
 * en le moins de morceaux possible, puis celui dont les morceaux sont les plus
 * longs (somme des carrés des longueurs), ce qui préfère « aide alimentaire »
 * à « aide a lime ntaire ». Un mot de n lettres coûte O(n²) recherches dans
 * des ensembles : quelques microsecondes.
 */

export type OptionsDecoupage = {
  /** Le morceau est-il un mot de contenu connu (annuaire, vocabulaire) ? */
  estMot: (morceau: string) => boolean
  /** Le morceau est-il un petit mot de liaison admis entre deux mots (« d », « de », « la ») ? */
  estLiaison: (morceau: string) => boolean
}

/** Longueur minimale d'un morceau de contenu : en deçà, presque toute suite de lettres se découpe. */
const LONGUEUR_MIN_MORCEAU = 3
/** Au plus tant de morceaux : au-delà, le découpage devine plus qu'il ne lit. */
const MAX_MORCEAUX = 4

/**
 * Morceaux du mot collé, ou undefined s'il ne se découpe pas en au moins deux
 * mots de contenu connus.
 */
export function decouper(mot: string, { estMot, estLiaison }: OptionsDecoupage): string[] | undefined {
  const n = mot.length
  if (n < 2 * LONGUEUR_MIN_MORCEAU) return undefined
  // meilleur[i] : meilleur découpage de mot[0..i) (morceaux, mots de contenu, score).
  type Etat = { morceaux: string[]; contenus: number; score: number }
  const meilleur: Array<Etat | undefined> = new Array(n + 1)
  meilleur[0] = { morceaux: [], contenus: 0, score: 0 }
  for (let fin = 1; fin <= n; fin++) {
    for (let debut = 0; debut < fin; debut++) {
      const avant = meilleur[debut]
      if (!avant || avant.morceaux.length >= MAX_MORCEAUX) continue
      const morceau = mot.slice(debut, fin)
      const contenu = morceau.length >= LONGUEUR_MIN_MORCEAU && estMot(morceau)
      // Une liaison seulement entre deux mots de contenu (ni au début, ni à la fin : voir plus bas).
      if (!contenu && !(debut > 0 && estLiaison(morceau))) continue
      const candidat: Etat = {
        morceaux: [...avant.morceaux, morceau],
        contenus: avant.contenus + (contenu ? 1 : 0),
        score: avant.score + morceau.length * morceau.length,
      }
      const actuel = meilleur[fin]
      if (!actuel || candidat.morceaux.length < actuel.morceaux.length || (candidat.morceaux.length === actuel.morceaux.length && candidat.score > actuel.score))
        meilleur[fin] = candidat
    }
  }
  const resultat = meilleur[n]
  if (!resultat || resultat.contenus < 2) return undefined
  const dernier = resultat.morceaux.at(-1)!
  if (dernier.length < LONGUEUR_MIN_MORCEAU || !estMot(dernier)) return undefined
  return resultat.morceaux
}
