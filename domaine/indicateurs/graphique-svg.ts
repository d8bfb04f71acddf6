/**
 * Graphique en barres horizontales, en SVG écrit côté serveur : aucun
 * JavaScript chez le lecteur, aucune bibliothèque. Le graphique est une
 * image (role="img") avec un titre et une description qui renvoient au
 * tableau de données : c'est le tableau qui porte l'information pour un
 * lecteur d'écran ; le graphique ne fait que la montrer.
 *
 * Une case masquée par le secret statistique (valeur null) n'a pas de barre :
 * seulement son affichage (« < 5 », « secret »), pour qu'aucune longueur ne
 * trahisse la valeur.
 */

export type Barre = { libelle: string; valeur: number | null; affichage: string }
export type OptionsGraphique = {
  /** Identifiant unique dans la page (préfixe des id du titre et de la description). */
  id: string
  titre: string
  /** Identifiant du tableau de données, nommé dans la description. */
  idTableau?: string
  largeur?: number
}

export const HAUTEUR_BARRE = 22
const ESPACE = 6
const LARGEUR_LIBELLE = 230
const LARGEUR_VALEUR = 70
const COULEUR = '#000091'
const TEXTE = '#161616'

const echapper = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')

/** Un libellé trop long pour sa colonne est coupé (le tableau le donne en entier). */
const couper = (t: string, max = 34) => (t.length > max ? `${t.slice(0, max - 1)}…` : t)

/** Le SVG (texte) d'un graphique en barres horizontales. */
export function graphiqueBarres(barres: readonly Barre[], o: OptionsGraphique): string {
  const largeur = o.largeur ?? 640
  const zone = largeur - LARGEUR_LIBELLE - LARGEUR_VALEUR
  const max = Math.max(0, ...barres.map((b) => b.valeur ?? 0))
  const hauteur = Math.max(1, barres.length) * (HAUTEUR_BARRE + ESPACE) + ESPACE
  const idTitre = `${o.id}-titre`
  const idDesc = `${o.id}-desc`
  const description = barres.length
    ? `Graphique en barres : ${barres.length} ${barres.length > 1 ? 'valeurs' : 'valeur'}${o.idTableau ? ', détaillées dans le tableau de données qui suit' : ''}.`
    : 'Aucune donnée pour cette période.'
  const lignes = barres.map((b, k) => {
    const y = ESPACE + k * (HAUTEUR_BARRE + ESPACE)
    const milieu = y + HAUTEUR_BARRE / 2 + 4
    const long = b.valeur !== null && max > 0 ? Math.max(b.valeur > 0 ? 1 : 0, Math.round((b.valeur / max) * zone)) : 0
    const barre = long > 0 ? `<rect x="${LARGEUR_LIBELLE}" y="${y}" width="${long}" height="${HAUTEUR_BARRE}" fill="${COULEUR}"/>` : ''
    return (
      `<text x="${LARGEUR_LIBELLE - 8}" y="${milieu}" text-anchor="end">${echapper(couper(b.libelle))}</text>` +
      barre +
      `<text x="${LARGEUR_LIBELLE + long + 6}" y="${milieu}"${b.valeur === null ? ' font-style="italic"' : ''}>${echapper(b.affichage)}</text>`
    )
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${idTitre} ${idDesc}" viewBox="0 0 ${largeur} ${hauteur}" width="100%" style="max-width:${largeur}px" font-family="Marianne, Arial, sans-serif" font-size="13" fill="${TEXTE}">` +
    `<title id="${idTitre}">${echapper(o.titre)}</title><desc id="${idDesc}">${echapper(description)}</desc>` +
    lignes.join('') +
    '</svg>'
  )
}
