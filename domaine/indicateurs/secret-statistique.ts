/**
 * Secret statistique pour le rôle financeur : dans une petite commune, « 2
 * victimes de 18 à 25 ans » désigne quelqu'un. Toute case non nulle de moins
 * de `seuil` personnes (5 par défaut) est masquée (« < 5 » : secret
 * primaire) ; puis, pour que le total moins les cases visibles ne la révèle
 * pas (attaque par différence), d'autres cases le sont aussi (secret
 * secondaire, affiché « secret »), jusqu'à ce qu'aucune case masquée ne
 * puisse être recalculée exactement à partir du total et des cases visibles.
 *
 * Règles, dans l'ordre :
 * 1. primaire : 0 < valeur < seuil. Un zéro reste affiché : il ne désigne
 *    personne.
 * 2. secondaire : si une seule case est masquée, la plus petite autre case
 *    non nulle l'est aussi (total − parties ne donne plus qu'une somme) ;
 * 3. tant qu'une case primaire reste déductible — le lecteur sait qu'une case
 *    « < 5 » vaut de 1 à seuil − 1 et qu'une case « secret » vaut au moins le
 *    seuil ; si ces contraintes et la somme des cases masquées ne laissent
 *    qu'une valeur possible, par exemple [1, 1] masquées pour une somme de 2,
 *    ou [1 « < 5 », 5 « secret »] pour 6 —, la plus petite case visible non
 *    nulle est masquée à son tour ;
 * 4. le total reste affiché, sauf s'il est lui-même sous le seuil, ou si
 *    plus aucune case ne peut être masquée pour protéger une case primaire :
 *    alors il est masqué (« secret »).
 * Limite, à dire : la protection vaut pour un tableau et son total. Deux
 * tableaux qui partagent des cases (profil × commune, puis profil seul) se
 * recoupent ; les rapports du financeur ne croisent donc pas deux dimensions.
 */

export const SEUIL_PAR_DEFAUT = 5

export type Masque = 'primaire' | 'secondaire'
export type CaseProtegee = { libelle: string; valeur: number | null; affichage: string; masque: Masque | null }
/** Les lignes gardent leurs autres champs (le code, par exemple) ; seule la valeur peut disparaître. */
export type TableauProtege<L extends { libelle: string } = { libelle: string }> = {
  lignes: (Omit<L, 'valeur'> & CaseProtegee)[]
  total: { valeur: number | null; affichage: string; masque: boolean }
}

export const AFFICHAGE_SECONDAIRE = 'secret'

export class SeuilInvalide extends Error {
  constructor(seuil: unknown) {
    super(`Seuil du secret statistique : nombre entier, au moins 2, attendu (reçu « ${String(seuil)} »)`)
    this.name = 'SeuilInvalide'
  }
}

/**
 * Une case primaire est-elle déductible ? Le lecteur connaît S, la somme des
 * cases masquées (total − cases visibles), et l'intervalle de chacune :
 * [1, seuil − 1] pour une primaire, [seuil, +∞[ pour une secondaire. La case
 * i est déductible si son intervalle, resserré par S, n'a qu'une valeur.
 */
function deductible(valeurs: readonly number[], masques: readonly (Masque | null)[], seuil: number): boolean {
  const masquees = valeurs.map((v, i) => ({ v, m: masques[i] })).filter((c) => c.m !== null)
  const S = masquees.reduce((t, c) => t + c.v, 0)
  const min = (m: Masque | null | undefined) => (m === 'primaire' ? 1 : seuil)
  const max = (m: Masque | null | undefined) => (m === 'primaire' ? seuil - 1 : Number.POSITIVE_INFINITY)
  return masquees.some((c, i) => {
    if (c.m !== 'primaire') return false
    const autres = masquees.filter((_, j) => j !== i)
    const bas = Math.max(1, S - autres.reduce((t, o) => t + max(o.m), 0))
    const haut = Math.min(seuil - 1, S - autres.reduce((t, o) => t + min(o.m), 0))
    return bas >= haut
  })
}

/** Masque les petits effectifs d'un tableau {libellé, valeur} et de son total. */
export function masquerPetitsEffectifs<L extends { libelle: string; valeur: number }>(lignes: readonly L[], total: number, seuil: number = SEUIL_PAR_DEFAUT): TableauProtege<L> {
  if (!Number.isInteger(seuil) || seuil < 2) throw new SeuilInvalide(seuil)
  const valeurs = lignes.map((l) => l.valeur)
  const masques: (Masque | null)[] = valeurs.map((v) => (v > 0 && v < seuil ? 'primaire' : null))
  let totalMasque = total > 0 && total < seuil

  const plusPetiteVisible = () => {
    let k = -1
    valeurs.forEach((v, i) => {
      if (masques[i] === null && v > 0 && (k < 0 || v < valeurs[k]!)) k = i
    })
    return k
  }
  if (!totalMasque && masques.some((m) => m === 'primaire')) {
    if (masques.filter((m) => m !== null).length === 1) {
      const k = plusPetiteVisible()
      if (k >= 0) masques[k] = 'secondaire'
    }
    while (deductible(valeurs, masques, seuil)) {
      const k = plusPetiteVisible()
      if (k < 0) {
        totalMasque = true
        break
      }
      masques[k] = 'secondaire'
    }
    // Plus rien de visible à masquer et une seule case masquée : le total la donnerait.
    if (masques.filter((m) => m !== null).length === 1) totalMasque = true
  }

  return {
    lignes: lignes.map((l, i) => {
      const m = masques[i]!
      return { ...l, valeur: m ? null : l.valeur, affichage: m === 'primaire' ? `< ${seuil}` : m === 'secondaire' ? AFFICHAGE_SECONDAIRE : String(l.valeur), masque: m }
    }),
    total: totalMasque ? { valeur: null, affichage: total < seuil ? `< ${seuil}` : AFFICHAGE_SECONDAIRE, masque: true } : { valeur: total, affichage: String(total), masque: false },
  }
}
