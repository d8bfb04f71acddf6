import { codeCommuneActuel, communeDeLAin, communesDeLAin } from '../../content/territoire/geographie'
import { RE_CODE_COMMUNE } from './codes'

/**
 * Une commune de l'Ain écrite par une personne (formulaire de saisine,
 * colonne « Commune » de la synthèse hebdomadaire du GGD 01) → son code INSEE
 * actuel. Nom actuel ou ancien nom (commune fusionnée), sans souci des
 * accents, de la casse ni des tirets ; libellé de la liste du formulaire ; code
 * tapé tel quel ou entre parenthèses.
 */
const normaliser = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/[\s-]+/g, ' ')
    .trim()
    .toLowerCase()

let parNom: Map<string, string> | undefined
/** Noms actuels, anciens noms et libellés de la liste (« Lancrans (aujourd’hui Valserhône) ») → code INSEE actuel. */
function indexCommunes(): Map<string, string> {
  if (parNom) return parNom
  parNom = new Map()
  for (const c of communesDeLAin()) {
    parNom.set(normaliser(c.nom), c.code)
    for (const a of c.anciensNoms) {
      parNom.set(normaliser(a), c.code)
      parNom.set(normaliser(`${a} (aujourd’hui ${c.nom})`), c.code)
    }
  }
  return parNom
}

/**
 * La commune de résidence telle que tapée (autocomplétion sans JavaScript :
 * le navigateur propose les noms de la liste) → code INSEE de la commune
 * actuelle de l'Ain ; un code tapé tel quel est accepté. Rien si le texte ne
 * désigne aucune commune de l'Ain : le formulaire le dit.
 */
export function codeCommuneSaisie(texte: string): string | undefined {
  const t = texte.trim()
  if (!t) return undefined
  const entreParentheses = t.match(/\((\d[0-9AB]\d{3})\)$/)?.[1]
  const code = entreParentheses ?? (RE_CODE_COMMUNE.test(t) ? t : undefined)
  if (code) {
    const actuel = codeCommuneActuel(code)
    return actuel && communeDeLAin(actuel) ? actuel : undefined
  }
  return indexCommunes().get(normaliser(t))
}

