/**
 * Noms des lieux pour l'affichage et le flux ICS.
 *
 * Une permanence ne stocke que la référence de son site (identifiant ou slug) :
 * le nom et l'adresse vivent dans la collection des sites, que la page qui
 * affiche connaît déjà. On lui laisse donc fournir l'annuaire, sous la forme
 * qui l'arrange (fonction, Map ou objet) ; à défaut, on affiche la référence.
 */
import type { Reference } from './schema'

export type Lieu = { nom: string; adresse?: string }
export type EntreeLieu = Lieu | string
export type AnnuaireLieux =
  | ((reference: Reference) => EntreeLieu | undefined)
  | ReadonlyMap<Reference, EntreeLieu>
  | Readonly<Record<string, EntreeLieu>>

export function lieuDe(reference: Reference, annuaire?: AnnuaireLieux): Lieu {
  let entree: EntreeLieu | undefined
  if (typeof annuaire === 'function') entree = annuaire(reference)
  else if (annuaire instanceof Map) entree = annuaire.get(reference) ?? annuaire.get(String(reference))
  else if (annuaire) entree = (annuaire as Readonly<Record<string, EntreeLieu>>)[String(reference)]
  if (typeof entree === 'string') return { nom: entree }
  return entree ?? { nom: String(reference) }
}
