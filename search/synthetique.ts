import { communesDeLAin } from '../domaine/territoire/index.ts'
import type { DocumentService } from './port.ts'

/**
 * Services synthétiques pour mesurer la tenue en charge (banc d'essai,
 * `--scale N`) : des copies des services réels, déplacées dans d'autres
 * communes de l'Ain, générées de façon déterministe (même N, mêmes données,
 * mêmes services) pour que deux mesures soient comparables.
 *
 * Chaque copie :
 * - garde le texte, les thématiques, les publics et le type de son modèle ;
 * - prend le nom d'une autre commune là où le modèle citait la sienne
 *   (« CCAS de Belley » → « CCAS de Lagnieu ») ;
 * - intervient sur cette seule commune (un service local de plus, pas un
 *   deuxième 115 départemental) ;
 * - a un identifiant qui dit d'où elle vient (`sv-…--synthese-00042`).
 * Les numéros nationaux ne sont pas recopiés : il n'y en a qu'un de chaque.
 */

/** Générateur pseudo-aléatoire mulberry32 : déterministe, sans dépendance. */
function aleatoire(graine: number): () => number {
  let a = graine >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const remplacer = (texte: string, ancien: string | null | undefined, nouveau: string) =>
  ancien ? texte.split(ancien).join(nouveau) : texte

/** Complète `reels` par des services synthétiques jusqu'à `total` services (rien si total ≤ reels.length). */
export function completerSynthetique(reels: readonly DocumentService[], total: number, graine = 20261126): DocumentService[] {
  const modeles = reels.filter((d) => d.type_partenaire !== 'numero-national' && d.commune)
  const communes = communesDeLAin()
  const hasard = aleatoire(graine)
  const resultat = [...reels]
  for (let i = 0; resultat.length < total && modeles.length > 0; i++) {
    const modele = modeles[i % modeles.length]!
    let commune = communes[Math.floor(hasard() * communes.length)]!
    if (commune.code === modele.code_insee) commune = communes[(communes.indexOf(commune) + 1) % communes.length]!
    const suffixe = `--synthese-${String(i).padStart(5, '0')}`
    resultat.push({
      ...modele,
      id: `${modele.id}${suffixe}`,
      structure_id: `${modele.structure_id}${suffixe}`,
      nom: remplacer(modele.nom, modele.commune, commune.nom),
      structure_nom: remplacer(modele.structure_nom, modele.commune, commune.nom),
      description: remplacer(modele.description, modele.commune, commune.nom),
      structure_description: modele.structure_description ? remplacer(modele.structure_description, modele.commune, commune.nom) : null,
      commune: commune.nom,
      code_insee: commune.code,
      structure_code_insee: commune.code,
      code_postal: commune.codesPostaux[0] ?? null,
      zone_eligibilite: [commune.code],
    })
  }
  return resultat
}
