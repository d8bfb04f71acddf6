import type { DocumentService, Fragment, Surlignage } from './port.ts'
import { motsPositionnes, racine } from './texte.ts'

/**
 * Surlignage des mots trouvés : le texte est découpé en fragments (surligné ou
 * non) plutôt qu'en HTML, pour que le portail échappe le texte lui-même ; un
 * nom de structure contenant « < » ne peut rien injecter.
 *
 * Un mot du texte est surligné si sa racine est l'une des racines trouvées
 * (mot saisi, mot corrigé, complété, ou mot associé au concept reconnu).
 */

/** Longueur visée d'un extrait de description, en caractères. */
const LONGUEUR_EXTRAIT = 220

export function fragmenter(texte: string, racines: ReadonlySet<string>): Fragment[] {
  const fragments: Fragment[] = []
  let position = 0
  for (const m of motsPositionnes(texte)) {
    if (!racines.has(racine(m.mot)) && !racines.has(m.mot)) continue
    if (m.debut > position) fragments.push({ texte: texte.slice(position, m.debut), surligne: false })
    fragments.push({ texte: texte.slice(m.debut, m.fin), surligne: true })
    position = m.fin
  }
  if (position < texte.length) fragments.push({ texte: texte.slice(position), surligne: false })
  return fragments
}

/**
 * Extrait de `texte` d'environ LONGUEUR_EXTRAIT caractères, commençant un peu
 * avant le premier mot surligné, coupé sur des espaces, avec « … » aux coupures.
 */
export function extrait(fragments: Fragment[], longueur = LONGUEUR_EXTRAIT): Fragment[] {
  const texte = fragments.map((f) => f.texte).join('')
  if (texte.length <= longueur) return fragments
  let debutPremier = 0
  for (const f of fragments) {
    if (f.surligne) break
    debutPremier += f.texte.length
  }
  let debut = Math.max(0, Math.min(debutPremier - 40, texte.length - longueur))
  if (debut > 0) {
    const espace = texte.indexOf(' ', debut)
    debut = espace >= 0 && espace < debutPremier ? espace + 1 : debut
  }
  let fin = Math.min(texte.length, debut + longueur)
  if (fin < texte.length) {
    const espace = texte.lastIndexOf(' ', fin)
    if (espace > debut) fin = espace
  }
  const resultat: Fragment[] = debut > 0 ? [{ texte: '…', surligne: false }] : []
  let position = 0
  for (const f of fragments) {
    const a = Math.max(position, debut)
    const b = Math.min(position + f.texte.length, fin)
    if (b > a) resultat.push({ texte: f.texte.slice(a - position, b - position), surligne: f.surligne })
    position += f.texte.length
  }
  if (fin < texte.length) resultat.push({ texte: '…', surligne: false })
  return resultat
}

export function surligner(doc: DocumentService, racines: ReadonlySet<string>): Surlignage {
  return {
    nom: fragmenter(doc.nom, racines),
    structure_nom: fragmenter(doc.structure_nom, racines),
    description: extrait(fragmenter(doc.description, racines)),
  }
}

/**
 * Fragments depuis un texte balisé par Meilisearch (`_formatted`), avec des
 * balises choisies pour ne jamais apparaître dans les données.
 */
export function fragmentsDepuisBalises(texte: string, ouvrante: string, fermante: string): Fragment[] {
  const fragments: Fragment[] = []
  let reste = texte
  while (reste.length > 0) {
    const i = reste.indexOf(ouvrante)
    if (i < 0) {
      fragments.push({ texte: reste, surligne: false })
      break
    }
    if (i > 0) fragments.push({ texte: reste.slice(0, i), surligne: false })
    const j = reste.indexOf(fermante, i + ouvrante.length)
    const fin = j < 0 ? reste.length : j
    fragments.push({ texte: reste.slice(i + ouvrante.length, fin), surligne: true })
    reste = j < 0 ? '' : reste.slice(j + fermante.length)
  }
  return fragments.filter((f) => f.texte.length > 0)
}
