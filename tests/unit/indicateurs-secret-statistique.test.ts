import { describe, expect, it } from 'vitest'

import { masquerPetitsEffectifs, SeuilInvalide } from '../../domaine/indicateurs/secret-statistique'

const t = (...valeurs: number[]) => valeurs.map((valeur, i) => ({ libelle: `c${i}`, valeur }))
const affichages = (r: ReturnType<typeof masquerPetitsEffectifs>) => [...r.lignes.map((l) => l.affichage), `total ${r.total.affichage}`]

/**
 * L'attaque par différence, telle qu'un lecteur la mène : avec le total et les
 * cases visibles, quelles valeurs chaque case masquée peut-elle prendre ? Une
 * case « < 5 » vaut de 1 à 4, une case « secret » au moins 5. Rend, pour
 * chaque case masquée, les valeurs compatibles (énumérées, sans la règle).
 */
function valeursPossibles(r: ReturnType<typeof masquerPetitsEffectifs>, seuil = 5): number[][] {
  if (r.total.valeur === null) return []
  const S = r.total.valeur - r.lignes.reduce((s, l) => s + (l.valeur ?? 0), 0)
  const masquees = r.lignes.filter((l) => l.masque)
  const domaines = masquees.map((l) => (l.masque === 'primaire' ? Array.from({ length: seuil - 1 }, (_, i) => i + 1) : Array.from({ length: Math.max(0, S - seuil + 1) }, (_, i) => i + seuil)))
  const possibles = masquees.map(() => new Set<number>())
  const parcourir = (i: number, reste: number, choix: number[]) => {
    if (i === masquees.length) {
      if (reste === 0) choix.forEach((v, k) => possibles[k]!.add(v))
      return
    }
    for (const v of domaines[i]!) if (v <= reste) parcourir(i + 1, reste - v, [...choix, v])
  }
  parcourir(0, S, [])
  return possibles.map((p) => [...p].sort((a, b) => a - b))
}

describe('secret statistique (rôle financeur)', () => {
  it('rien à masquer : tout s’affiche', () => {
    expect(affichages(masquerPetitsEffectifs(t(12, 0, 30), 42))).toEqual(['12', '0', '30', 'total 42'])
  })

  it('une case sous le seuil devient « < 5 », et la plus petite autre case est masquée aussi ; le total reste', () => {
    const r = masquerPetitsEffectifs(t(3, 40, 12, 0), 55)
    expect(affichages(r)).toEqual(['< 5', '40', 'secret', '0', 'total 55'])
    expect(r.lignes.map((l) => l.valeur)).toEqual([null, 40, null, 0])
  })

  it('attaque par différence : sans le masquage secondaire, total − parties redonnerait la case ; avec, plusieurs valeurs restent possibles', () => {
    const r = masquerPetitsEffectifs(t(2, 40, 12), 54)
    // Sans secondaire, 54 − 40 − 12 = 2 : la case serait révélée.
    expect(54 - 40 - 12).toBe(2)
    const [primaire] = valeursPossibles(r)
    expect(primaire).toEqual([1, 2, 3, 4])
  })

  it('deux petites cases dont la somme trahit les valeurs ([1, 1] pour 2) : une troisième est masquée', () => {
    const r = masquerPetitsEffectifs(t(1, 1, 100), 102)
    expect(affichages(r)).toEqual(['< 5', '< 5', 'secret', 'total 102'])
    for (const p of valeursPossibles(r).slice(0, 2)) expect(p.length).toBeGreaterThan(1)
  })

  it('une secondaire au seuil exact ([1, 5] pour 6) ne protège pas : une autre case est masquée', () => {
    const r = masquerPetitsEffectifs(t(1, 5, 100), 106)
    expect(affichages(r)).toEqual(['< 5', 'secret', 'secret', 'total 106'])
    expect(valeursPossibles(r)[0]).toEqual([1, 2, 3, 4])
  })

  it('rien d’autre à masquer : le total l’est ; un total sous le seuil aussi', () => {
    expect(affichages(masquerPetitsEffectifs(t(4, 4), 8))).toEqual(['< 5', '< 5', 'total secret'])
    expect(affichages(masquerPetitsEffectifs(t(3, 0), 3))).toEqual(['< 5', '0', 'total < 5'])
    expect(affichages(masquerPetitsEffectifs(t(1, 5), 6))).toEqual(['< 5', 'secret', 'total secret'])
  })

  it('aucune case primaire n’est jamais déductible, sur tous les petits tableaux', () => {
    for (let a = 0; a <= 7; a++)
      for (let b = 0; b <= 7; b++)
        for (let c = 0; c <= 12; c++) {
          const r = masquerPetitsEffectifs(t(a, b, c), a + b + c)
          if (r.total.masque) continue
          for (const p of valeursPossibles(r).filter((_, i) => r.lignes.filter((l) => l.masque)[i]!.masque === 'primaire')) expect(p.length, `${a},${b},${c}`).toBeGreaterThan(1)
        }
  })

  it('le seuil se règle ; un seuil absurde est refusé', () => {
    expect(affichages(masquerPetitsEffectifs(t(8, 30, 50), 88, 10))).toEqual(['< 10', 'secret', '50', 'total 88'])
    expect(() => masquerPetitsEffectifs(t(1), 1, 1)).toThrow(SeuilInvalide)
    expect(() => masquerPetitsEffectifs(t(1), 1, 2.5)).toThrow(/Seuil du secret statistique/)
  })
})
