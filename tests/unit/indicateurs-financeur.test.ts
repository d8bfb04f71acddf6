import { describe, expect, it } from 'vitest'

import type { Agregats } from '../../domaine/indicateurs/agregats'
import { indicateursDepuisAgregats } from '../../domaine/indicateurs/calcul'
import { versionFinanceur } from '../../domaine/indicateurs/financeur'

/** Un trimestre fictif, en lignes agrégées : 42 saisines, dont 2 de mis en cause, 4 venues de la petite unité 20. */
const AGREGATS: Agregats = {
  saisines: [
    { dimension: 'profil', valeur: 'victime', n: 40 },
    { dimension: 'profil', valeur: 'mis-en-cause', n: 2 },
    { dimension: 'connueCaf', valeur: 'oui', n: 3 },
    { dimension: 'connueCaf', valeur: 'non', n: 30 },
    { dimension: 'connueCaf', valeur: 'inconnu', n: 9 },
    { dimension: 'connueDepartement', valeur: 'oui', n: 12 },
    { dimension: 'connueDepartement', valeur: 'non', n: 20 },
    { dimension: 'connueDepartement', valeur: 'inconnu', n: 10 },
  ],
  saisinesParUnite: [
    { unite: '10', nature: 'directe', n: 30 },
    { unite: '10', nature: 'indirecte', n: 8 },
    { unite: '20', nature: 'indirecte', n: 4 },
  ],
  beneficiaires: [
    { dimension: 'profil', valeur: 'victime', sansCle: false, n: 36 },
    { dimension: 'profil', valeur: 'victime', sansCle: true, n: 2 },
    { dimension: 'profil', valeur: 'mis-en-cause', sansCle: false, n: 2 },
  ],
  personnesCitees: 45,
  actes: [
    { type: 'entretien', n: 50 },
    { type: 'appel', n: 3 },
  ],
  saisinesSuivies: 20,
  orientations: [],
  durees: [
    { etat: 'terminee', jours: 10, n: 3 },
    { etat: 'en-cours', jours: 40, n: 12 },
  ],
}
const complet = indicateursDepuisAgregats(AGREGATS, { unites: { '10': 'Commissariat de Bourg', '20': 'Brigade de Gex' } })
const f = versionFinanceur(complet)
const affiche = (t: { lignes: { affichage: string }[]; total: { affichage: string } }) => [...t.lignes.map((l) => l.affichage), `total ${t.total.affichage}`]

describe('ce que voit le financeur', () => {
  it('les petits effectifs masqués, avec la case qu’il faut en plus pour que le total ne les trahisse pas', () => {
    expect(affiche(f.beneficiaires.profilsParSaisine)).toEqual(['secret', '0', '0', '< 5', 'total 42'])
    expect(f.beneficiaires.profilsParSaisine.lignes.map((l) => l.code)).toEqual(['victime', 'victimisation', 'detresse', 'mis-en-cause'])
    expect(f.beneficiaires.nonDedoublonnables).toEqual({ valeur: null, affichage: '< 5' })
    expect(f.beneficiaires.beneficiaires).toEqual({ valeur: 40, affichage: '40' })
  })

  it('les saisines par unité au total de chaque unité, jamais croisées avec directe/indirecte', () => {
    expect(f.saisines.parUnite.lignes.map((l) => [l.libelle, l.affichage])).toEqual([
      ['Commissariat de Bourg', 'secret'],
      ['Brigade de Gex', '< 5'],
    ])
    for (const l of f.saisines.parUnite.lignes) expect(Object.keys(l)).not.toContain('directe')
    expect(affiche(f.saisines.parNature)).toEqual(['30', '12', 'total 42'])
  })

  it('un pourcentage qui redonnerait une case masquée n’est pas donné ; sinon il l’est', () => {
    expect(f.connaissance.caf).toMatchObject({ pourcentage: null, pourcentageParmiReponses: null })
    expect(affiche(f.connaissance.caf.tableau)).toEqual(['< 5', '30', 'secret', 'total 42'])
    expect(f.connaissance.departement).toMatchObject({ pourcentage: complet.connaissance.departement.pourcentage, pourcentageParmiReponses: complet.connaissance.departement.pourcentageParmiReponses })
    expect(f.connaissance.departement.pourcentage).toBe(28.6)
  })

  it('pas de moyenne ni de médiane sur moins de cinq accompagnements', () => {
    expect(f.suivi.duree.terminee).toEqual({ n: { valeur: null, affichage: '< 5' }, moyenneJours: null, medianeJours: null })
    expect(f.suivi.duree['en-cours']).toEqual({ n: { valeur: 12, affichage: '12' }, moyenneJours: 40, medianeJours: 40 })
    expect(affiche(f.suivi.actes.parType).slice(0, 2)).toEqual(['secret', '< 5'])
    expect(f.suivi.actes.moyenneParSaisineSuivie).toBe(complet.suivi.actes.moyenneParSaisineSuivie)
  })

  it('aucune valeur sous le seuil ne sort, où qu’elle soit', () => {
    const valeurs: number[] = []
    const parcourir = (x: unknown, cle = '') => {
      if (typeof x === 'number' && !['seuil', 'pourcentage', 'pourcentageParmiReponses', 'moyenneJours', 'medianeJours', 'moyenneParSaisineSuivie'].includes(cle)) valeurs.push(x)
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) parcourir(v, k)
    }
    parcourir(f)
    expect(valeurs.filter((v) => v > 0 && v < 5)).toEqual([])
  })

  it('le seuil se règle', () => {
    expect(affiche(versionFinanceur(complet, 2).beneficiaires.profilsParSaisine)).toEqual(['40', '0', '0', '2', 'total 42'])
    expect(affiche(versionFinanceur(complet, 3).beneficiaires.profilsParSaisine)).toEqual(['secret', '0', '0', '< 3', 'total 42'])
    expect(() => versionFinanceur(complet, 1)).toThrow(/Seuil du secret statistique/)
  })

  it('un tableau dont le total a dû être masqué ne dit plus quelle case est petite : le même total est publié ailleurs', () => {
    // 5 victimes, 1 mis en cause : 6 saisines, publié tel quel ; « secret » et « < 5 » pour un total connu de 6 redonneraient 5 et 1.
    const petit = versionFinanceur(
      indicateursDepuisAgregats({
        ...AGREGATS,
        saisines: [{ dimension: 'profil', valeur: 'victime', n: 5 }, { dimension: 'profil', valeur: 'mis-en-cause', n: 1 }],
        saisinesParUnite: [{ unite: '10', nature: 'directe', n: 6 }],
      }),
    )
    expect(petit.saisines.total.affichage).toBe('6')
    const profils = petit.beneficiaires.profilsParSaisine
    expect(profils.total.masque).toBe(true)
    expect(profils.lignes.map((l) => l.affichage)).toEqual(['secret', 'secret', 'secret', 'secret'])
  })
})
