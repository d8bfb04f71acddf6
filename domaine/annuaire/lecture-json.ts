import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Lecture d'un fichier JSON à importer, avec un message en français qui situe
 * l'erreur (ligne, colonne) sans jamais recopier le contenu du fichier : le
 * message de V8 cite un extrait du texte, qui peut contenir des coordonnées.
 */

export class ErreurLecture extends Error {
  constructor(
    readonly fichier: string,
    readonly raison: string,
    readonly ligne?: number,
    readonly colonne?: number,
  ) {
    super(`${fichier} : ${ligne !== undefined ? `ligne ${ligne}, colonne ${colonne} : ` : ''}${raison}`)
    this.name = 'ErreurLecture'
  }
}

/** Lit et analyse un fichier JSON (UTF-8, BOM toléré). Lève `ErreurLecture`. */
export async function lireFichierJson(chemin: string): Promise<unknown> {
  const nom = path.basename(chemin)
  let texte: string
  try {
    texte = await readFile(chemin, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const raison =
      code === 'ENOENT'
        ? 'fichier introuvable'
        : code === 'EACCES'
          ? 'lecture refusée (droits insuffisants)'
          : code === 'EISDIR'
            ? "c'est un dossier, pas un fichier"
            : `lecture impossible (${code ?? 'erreur inconnue'})`
    throw new ErreurLecture(nom, raison)
  }
  return analyserJson(texte, nom)
}

/** Analyse un texte JSON ; en cas d'erreur, `ErreurLecture` donne ligne, colonne et raison en français. */
export function analyserJson(texte: string, nomFichier: string): unknown {
  const sansBom = texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte
  try {
    return JSON.parse(sansBom)
  } catch {
    const erreur = localiserErreurJson(sansBom) ?? { position: sansBom.length, raison: 'JSON invalide' }
    const { ligne, colonne } = ligneColonne(sansBom, erreur.position)
    throw new ErreurLecture(nomFichier, `JSON invalide : ${erreur.raison}`, ligne, colonne)
  }
}

function ligneColonne(texte: string, position: number) {
  let ligne = 1
  let debutLigne = 0
  for (let i = 0; i < position && i < texte.length; i++) {
    if (texte.charCodeAt(i) === 10) {
      ligne++
      debutLigne = i + 1
    }
  }
  return { ligne, colonne: position - debutLigne + 1 }
}

type ErreurJson = { position: number; raison: string }

/** Un seul caractère, pour nommer ce qui est inattendu sans citer le contenu. */
const caractere = (c: string) => (c === '\n' ? 'retour à la ligne' : c === '\t' ? 'tabulation' : `« ${c} »`)

/**
 * Analyseur JSON minimal (RFC 8259) qui ne sert qu'à situer la première erreur,
 * une fois que JSON.parse a échoué. Itératif : pas de dépassement de pile sur
 * un fichier très imbriqué.
 */
export function localiserErreurJson(t: string): ErreurJson | undefined {
  let i = 0
  const n = t.length
  const FIN = 'fin de fichier inattendue (fichier tronqué ?)'
  const espaces = () => {
    while (i < n && (t[i] === ' ' || t[i] === '\n' || t[i] === '\r' || t[i] === '\t')) i++
  }
  const inattendu = (attendu: string): ErreurJson =>
    i >= n ? { position: n, raison: FIN } : { position: i, raison: `${caractere(t[i]!)} inattendu, ${attendu}` }

  const chaine = (): ErreurJson | undefined => {
    i++ // guillemet ouvrant
    while (i < n) {
      const c = t.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c < 0x20)
        return { position: i, raison: 'caractère de contrôle dans un texte (retour à la ligne ou tabulation non échappés ?)' }
      if (c === 0x5c) {
        const e = t[i + 1]
        if (e === undefined) return { position: n, raison: FIN }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) return { position: i, raison: 'séquence \\u invalide (4 chiffres hexadécimaux attendus)' }
          i += 6
          continue
        }
        if (!'"\\/bfnrt'.includes(e)) return { position: i, raison: "séquence d'échappement invalide" }
        i += 2
        continue
      }
      i++
    }
    return { position: n, raison: FIN }
  }

  const nombre = (): ErreurJson | undefined => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(t.slice(i, i + 400))
    if (!m || m[0] === '-') return { position: i, raison: 'nombre invalide' }
    i += m[0].length
    return undefined
  }

  /** Analyse une valeur scalaire ou ouvre un conteneur (empilé). */
  const pile: ('objet' | 'liste')[] = []
  const valeur = (): ErreurJson | undefined => {
    espaces()
    if (i >= n) return { position: n, raison: FIN }
    const c = t[i]!
    if (c === '{' || c === '[') {
      pile.push(c === '{' ? 'objet' : 'liste')
      i++
      return undefined
    }
    if (c === '"') return chaine()
    if (c === '-' || (c >= '0' && c <= '9')) return nombre()
    for (const mot of ['true', 'false', 'null']) {
      if (t.startsWith(mot, i)) {
        i += mot.length
        return undefined
      }
      if (mot.startsWith(t.slice(i, n)) && n - i < mot.length) return { position: n, raison: FIN }
    }
    return inattendu('une valeur est attendue (texte entre guillemets, nombre, true, false, null, objet ou liste)')
  }

  // Chaque conteneur ouvert attend soit sa fermeture immédiate, soit un élément.
  let e = valeur()
  if (e) return e
  let vientDOuvrir = pile.length > 0
  while (pile.length > 0) {
    const sommet = pile[pile.length - 1]!
    espaces()
    if (vientDOuvrir) {
      vientDOuvrir = false
      if (t[i] === (sommet === 'objet' ? '}' : ']')) {
        i++
        pile.pop()
        continue
      }
    } else {
      // Après un élément : virgule ou fermeture.
      if (i >= n) return { position: n, raison: FIN }
      if (t[i] === (sommet === 'objet' ? '}' : ']')) {
        i++
        pile.pop()
        continue
      }
      if (t[i] !== ',') return inattendu(sommet === 'objet' ? '« , » ou « } » attendu (virgule oubliée ?)' : '« , » ou « ] » attendu (virgule oubliée ?)')
      i++
      espaces()
      if (t[i] === '}' || t[i] === ']') return { position: i, raison: 'virgule en trop avant la fermeture' }
    }
    if (sommet === 'objet') {
      espaces()
      if (t[i] !== '"') return inattendu('nom de propriété entre guillemets attendu')
      e = chaine()
      if (e) return e
      espaces()
      if (t[i] !== ':') return inattendu('« : » attendu après le nom de propriété')
      i++
    }
    const profondeur = pile.length
    e = valeur()
    if (e) return e
    vientDOuvrir = pile.length > profondeur
  }
  espaces()
  if (i < n) return { position: i, raison: 'contenu après la fin du JSON' }
  return undefined
}
