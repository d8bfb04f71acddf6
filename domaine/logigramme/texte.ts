import { dateDocument, heureEnMots } from '../temps'

/** Petits outils de texte communs au SVG, à la version texte et au PDF. */

const ENTITES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Échappement pour du HTML ou du XML (contenu et valeurs d'attributs). */
export const echapper = (texte: string) => texte.replace(/[&<>"']/g, (c) => ENTITES[c]!)

/**
 * Coupe un texte en lignes d'au plus `max` caractères, aux espaces ; un mot
 * plus long que la ligne est coupé net plutôt que de déborder.
 */
export function couperLignes(texte: string, max: number): string[] {
  const lignes: string[] = []
  let ligne = ''
  for (let mot of texte.split(/\s+/).filter(Boolean)) {
    while (mot.length > max) {
      if (ligne) {
        lignes.push(ligne)
        ligne = ''
      }
      lignes.push(mot.slice(0, max - 1) + '-')
      mot = mot.slice(max - 1)
    }
    if (!ligne) ligne = mot
    else if (ligne.length + 1 + mot.length <= max) ligne += ` ${mot}`
    else {
      lignes.push(ligne)
      ligne = mot
    }
  }
  if (ligne) lignes.push(ligne)
  return lignes
}

/** « 12 mars 2027 à 10 h 05 », à l'heure de Paris. */
export const dateHeureFr = (date: Date): string => `${dateDocument(date)} à ${heureEnMots(date)}`
