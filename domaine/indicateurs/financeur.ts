import type { Indicateurs, Ligne, ResumeDuree, Tableau } from './calcul'
import { AFFICHAGE_SECONDAIRE, masquerPetitsEffectifs, SEUIL_PAR_DEFAUT, SeuilInvalide, type TableauProtege } from './secret-statistique'

/**
 * Ce que le rôle financeur reçoit : les mêmes indicateurs, chaque tableau
 * passé au secret statistique (secret-statistique.ts), chaque effectif seul
 * sous le seuil masqué, et rien de ce qui se recoupe :
 * - les saisines par unité sont données au total de chaque unité, sans le
 *   croisement unité × directe/indirecte : les colonnes de ce croisement ont
 *   leurs propres totaux (le tableau « par nature »), et un tableau à deux
 *   entrées se protège autrement qu'un tableau et son total ;
 * - une moyenne, une médiane, un pourcentage calculés sur moins de `seuil`
 *   personnes ou saisines ne sont pas donnés (la moyenne de deux durées en
 *   dit trop sur chacune).
 */

export type Effectif = { valeur: number | null; affichage: string }
export type PartProtegee = { tableau: TableauProtege<Ligne>; pourcentage: number | null; pourcentageParmiReponses: number | null }
export type ResumeDureeProtege = { n: Effectif; moyenneJours: number | null; medianeJours: number | null }

export type IndicateursFinanceur = {
  seuil: number
  beneficiaires: {
    saisines: Effectif
    beneficiaires: Effectif
    nonDedoublonnables: Effectif
    personnesCitees: Effectif
    profilsParSaisine: TableauProtege<Ligne>
    profilsParBeneficiaire: TableauProtege<Ligne>
  }
  sociodemographie: { age: TableauProtege<Ligne>; sexe: TableauProtege<Ligne>; situationFamiliale: TableauProtege<Ligne> }
  territoire: { communes: TableauProtege<Ligne>; epci: TableauProtege<Ligne>; lieuxAccueil: TableauProtege<Ligne> }
  problematique: TableauProtege<Ligne>
  saisines: { total: Effectif; parNature: TableauProtege<Ligne>; parUnite: TableauProtege<Ligne> }
  origine: { parOrigine: TableauProtege<Ligne>; parCanal: TableauProtege<Ligne> }
  connaissance: { departement: PartProtegee; caf: PartProtegee }
  orientations: { total: Effectif; parTypePartenaire: TableauProtege<Ligne>; parStatut: TableauProtege<Ligne> }
  suivi: {
    actes: { total: Effectif; parType: TableauProtege<Ligne>; saisinesSuivies: Effectif; moyenneParSaisineSuivie: number | null }
    duree: { terminee: ResumeDureeProtege; 'en-cours': ResumeDureeProtege; tranches: TableauProtege<Ligne> }
  }
}

/**
 * Un tableau dont le secret statistique a dû masquer le total (secret-statistique.ts,
 * règle 4) ne se protège pas ici : le même total est publié ailleurs (le
 * nombre de saisines, de bénéficiaires, d'orientations, d'actes). Avec lui,
 * « < 5 » et « secret » redonneraient la petite case (une case « < 5 » et
 * une « secret » pour un total de 6 : 1 et 5). On ne dit donc plus quelle
 * case est petite ni laquelle est vide : toute case masquée ou nulle devient
 * « secret », et la somme connue a plusieurs décompositions.
 */
export function brouiller(t: TableauProtege<Ligne>): TableauProtege<Ligne> {
  if (!t.total.masque || t.total.affichage !== AFFICHAGE_SECONDAIRE) return t
  return {
    lignes: t.lignes.map((l) => (l.masque || l.valeur === 0 ? { ...l, valeur: null, affichage: AFFICHAGE_SECONDAIRE, masque: 'secondaire' as const } : l)),
    total: t.total,
  }
}

export function versionFinanceur(i: Indicateurs, seuil: number = SEUIL_PAR_DEFAUT): IndicateursFinanceur {
  if (!Number.isInteger(seuil) || seuil < 2) throw new SeuilInvalide(seuil)
  const effectif = (n: number): Effectif => (n > 0 && n < seuil ? { valeur: null, affichage: `< ${seuil}` } : { valeur: n, affichage: String(n) })
  const tableau = (t: Tableau) => brouiller(masquerPetitsEffectifs(t.lignes, t.total, seuil))
  const assez = (n: number) => n >= seuil
  const part = (p: Indicateurs['connaissance']['caf']): PartProtegee => {
    const t = tableau(p.tableau)
    // Un pourcentage redonne la case « oui » dès que le total est connu : il suit son masque.
    const ouiVisible = t.lignes.find((l) => l.code === 'oui')?.valeur !== null && t.total.valeur !== null
    const nonVisible = t.lignes.find((l) => l.code === 'non')?.valeur !== null
    return {
      tableau: t,
      pourcentage: ouiVisible && assez(p.tableau.total) ? p.pourcentage : null,
      pourcentageParmiReponses: ouiVisible && nonVisible ? p.pourcentageParmiReponses : null,
    }
  }
  const duree = (r: ResumeDuree): ResumeDureeProtege =>
    assez(r.n) ? { n: effectif(r.n), moyenneJours: r.moyenneJours, medianeJours: r.medianeJours } : { n: effectif(r.n), moyenneJours: null, medianeJours: null }
  const parUnite: Tableau = { lignes: i.saisines.parUnite.map((u) => ({ code: u.code, libelle: u.libelle, valeur: u.total })), total: i.saisines.total }

  return {
    seuil,
    beneficiaires: {
      saisines: effectif(i.beneficiaires.saisines),
      beneficiaires: effectif(i.beneficiaires.beneficiaires),
      nonDedoublonnables: effectif(i.beneficiaires.nonDedoublonnables),
      personnesCitees: effectif(i.beneficiaires.personnesCitees),
      profilsParSaisine: tableau(i.beneficiaires.profilsParSaisine),
      profilsParBeneficiaire: tableau(i.beneficiaires.profilsParBeneficiaire),
    },
    sociodemographie: { age: tableau(i.sociodemographie.age), sexe: tableau(i.sociodemographie.sexe), situationFamiliale: tableau(i.sociodemographie.situationFamiliale) },
    territoire: { communes: tableau(i.territoire.communes), epci: tableau(i.territoire.epci), lieuxAccueil: tableau(i.territoire.lieuxAccueil) },
    problematique: tableau(i.problematique),
    saisines: { total: effectif(i.saisines.total), parNature: tableau(i.saisines.parNature), parUnite: tableau(parUnite) },
    origine: { parOrigine: tableau(i.origine.parOrigine), parCanal: tableau(i.origine.parCanal) },
    connaissance: { departement: part(i.connaissance.departement), caf: part(i.connaissance.caf) },
    orientations: { total: effectif(i.orientations.total), parTypePartenaire: tableau(i.orientations.parTypePartenaire), parStatut: tableau(i.orientations.parStatut) },
    suivi: {
      actes: {
        total: effectif(i.suivi.actes.total),
        parType: tableau(i.suivi.actes.parType),
        saisinesSuivies: effectif(i.suivi.actes.saisinesSuivies),
        moyenneParSaisineSuivie: assez(i.suivi.actes.saisinesSuivies) ? i.suivi.actes.moyenneParSaisineSuivie : null,
      },
      duree: { terminee: duree(i.suivi.duree.terminee), 'en-cours': duree(i.suivi.duree['en-cours']), tranches: tableau(i.suivi.duree.tranches) },
    },
  }
}
