import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { agregerEnMemoire, type SaisineStat } from '../../domaine/indicateurs/agregation'
import { indicateursDepuisAgregats, type Tableau } from '../../domaine/indicateurs/calcul'
import { bornes } from '../../domaine/indicateurs/periodes'
import { accompagnementDansPeriode, DEFINITIONS, INDICATEURS, REGLES_COMMUNES, trancheAge } from '../../domaine/indicateurs/regles'
import { dureeAccompagnementJours, type Changement } from '../../domaine/saisines'

/**
 * Un petit jeu de saisines, compté à la main (4e trimestre 2026, du 1er
 * octobre au 31 décembre) :
 *
 * S1  5 oct.  poste 1, unité 10, victime, Mme A (clé a, 30 ans, Bourg) ; pris en charge le 6, clôturé le 20 oct. (14 j) ;
 *             actes 6 et 10 oct. ; orientation aide aux victimes, réalisée, 12 oct.
 * S2  15 nov. poste 1, unité 10, victime, Mme A encore (même clé) ; prise en charge le 15 nov., en cours (46 j au 31 déc.) ; acte 16 nov.
 * S3  1er déc. poste 2, unité 20, indirecte, famille de trois : B (clé b, 40 ans), C (clé c, 42 ans), D (12 ans, sans date de naissance : sans clé), Gex
 * S4  28 sept. (3e trimestre !) poste 1, unité 10, E (clé e, 19 ans) ; prise en charge le 29 sept., clôturée le 15 oct. (16 j) ;
 *             acte 29 sept. et 2 oct. ; orientation CAF le 30 sept., MDS le 3 oct.
 * S5  20 oct. poste 2, sans unité, détresse, personne aux données effacées (plus de clé), 70 ans ; prise en charge et clôture le 20 oct. (0 j)
 * S6  10 déc. poste 2, unité 20, mis en cause : B encore (clé b) ; orientation sans type de partenaire le 15 déc.
 */
const base = {
  poste: 1,
  unite: 10 as number | null,
  mode: 'portail',
  nature: 'directe',
  origine: null as string | null,
  profil: 'victime',
  problematique: 'violences-conjugales',
  connueDepartement: 'inconnu' as string | null,
  connueCaf: 'inconnu' as string | null,
  priseEnChargeJour: null as string | null,
  clotureeJour: null as string | null,
  actes: [] as SaisineStat['actes'],
  orientations: [] as SaisineStat['orientations'],
}
const A = { clePersonne: 'a', age: 30, sexe: 'femme', situationFamiliale: 'separe', commune: '01053' }
const B = { clePersonne: 'b', age: 40, sexe: 'femme', situationFamiliale: 'en-couple', commune: '01173' }
const JEU: SaisineStat[] = [
  {
    ...base,
    id: 1,
    date: '2026-10-05',
    origine: 'fsi-intervention',
    connueDepartement: 'oui',
    connueCaf: 'non',
    personnes: [A],
    priseEnChargeJour: '2026-10-06',
    clotureeJour: '2026-10-20',
    actes: [
      { type: 'entretien', date: '2026-10-06' },
      { type: 'appel', date: '2026-10-10' },
    ],
    orientations: [{ typePartenaire: 'aide-aux-victimes', statut: 'realisee', date: '2026-10-12' }],
  },
  {
    ...base,
    id: 2,
    date: '2026-11-15',
    mode: 'telephone',
    origine: 'fsi-appel',
    connueDepartement: 'oui',
    personnes: [A],
    priseEnChargeJour: '2026-11-15',
    actes: [{ type: 'entretien', date: '2026-11-16' }],
  },
  {
    ...base,
    id: 3,
    date: '2026-12-01',
    poste: 2,
    unite: 20,
    mode: 'main-courante',
    nature: 'indirecte',
    origine: 'auto-saisine',
    profil: 'victimisation',
    problematique: 'violences-intrafamiliales',
    connueDepartement: 'non',
    connueCaf: 'oui',
    personnes: [B, { clePersonne: 'c', age: 42, sexe: 'homme', situationFamiliale: 'en-couple', commune: '01173' }, { clePersonne: null, age: 12, sexe: 'homme', situationFamiliale: 'celibataire', commune: '01173' }],
  },
  {
    ...base,
    id: 4,
    date: '2026-09-28',
    personnes: [{ clePersonne: 'e', age: 19, sexe: 'femme', situationFamiliale: 'celibataire', commune: '01053' }],
    priseEnChargeJour: '2026-09-29',
    clotureeJour: '2026-10-15',
    actes: [
      { type: 'entretien', date: '2026-09-29' },
      { type: 'appel', date: '2026-10-02' },
    ],
    orientations: [
      { typePartenaire: 'caf', statut: 'proposee', date: '2026-09-30' },
      { typePartenaire: 'mds', statut: 'acceptee', date: '2026-10-03' },
    ],
  },
  {
    ...base,
    id: 5,
    date: '2026-10-20',
    poste: 2,
    unite: null,
    mode: 'partenaire',
    nature: 'indirecte',
    origine: 'partenaire',
    profil: 'detresse',
    problematique: 'precarite',
    personnes: [{ clePersonne: null, age: 70, sexe: 'homme', situationFamiliale: 'veuf', commune: null }],
    priseEnChargeJour: '2026-10-20',
    clotureeJour: '2026-10-20',
  },
  {
    ...base,
    id: 6,
    date: '2026-12-10',
    poste: 2,
    unite: 20,
    mode: 'visite-spontanee',
    profil: 'mis-en-cause',
    problematique: 'violences-intrafamiliales',
    personnes: [B],
    orientations: [{ typePartenaire: null, statut: 'proposee', date: '2026-12-15' }],
  },
]

const T4 = bornes({ type: 'trimestre', annee: 2026, trimestre: 4 })
const T3 = bornes({ type: 'trimestre', annee: 2026, trimestre: 3 })
const calculer = (b = T4, filtre = {}) => indicateursDepuisAgregats(agregerEnMemoire(JEU, b, filtre), { unites: { '10': 'Commissariat de Bourg', '20': 'Brigade de Gex' } })
/** Un tableau réduit à {code: valeur}, zéros compris. */
const valeurs = (t: Tableau) => Object.fromEntries(t.lignes.map((l) => [l.code ?? 'non-renseigne', l.valeur]))

describe('saisines de la synthèse du GGD : comptées une fois validées seulement', () => {
  // Deux saisines de la synthèse, même personne que S1 (clé a) : l'une encore à trier, l'autre écartée. Puis validée.
  const importee = (id: number, statut: string): SaisineStat => ({ ...base, id, date: '2026-12-02', mode: 'synthese-ggd', nature: 'indirecte', statut, personnes: [{ ...A, clePersonne: 'z' }] })
  const compter = (jeu: SaisineStat[]) => {
    const a = agregerEnMemoire(jeu, T4)
    return { saisines: a.saisines.filter((l) => l.dimension === 'mode').reduce((n, l) => n + l.n, 0), citees: a.personnesCitees, synthese: a.saisines.find((l) => l.dimension === 'mode' && l.valeur === 'synthese-ggd')?.n ?? 0 }
  }
  it('« à trier » et « écartée au tri » ne comptent nulle part ; « reçue » après le tri compte comme toute saisine', () => {
    const avant = compter(JEU)
    expect(compter([...JEU, importee(101, 'a-trier'), importee(102, 'ecartee')])).toEqual(avant)
    expect(compter([...JEU, importee(101, 'recue'), importee(102, 'ecartee')])).toEqual({ saisines: avant.saisines + 1, citees: avant.citees + 1, synthese: 1 })
    expect(REGLES_COMMUNES).toMatch(/« à trier » : elles ne comptent dans aucun indicateur/)
  })
})

describe('les règles de comptage, écrites', () => {
  it('neuf indicateurs, chacun avec sa définition en français', () => {
    expect(Object.keys(INDICATEURS)).toHaveLength(9)
    for (const cle of Object.keys(INDICATEURS)) expect(DEFINITIONS[cle as keyof typeof DEFINITIONS].length).toBeGreaterThan(100)
    expect(DEFINITIONS.beneficiaires).toMatch(/saisie deux fois dans la période compte une fois/)
    expect(DEFINITIONS.beneficiaires).toMatch(/non dédoublonnables/)
  })

  it('le README reprend les règles mot pour mot', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme).toContain(`- **Règles communes.** ${REGLES_COMMUNES}`)
    for (const [cle, titre] of Object.entries(INDICATEURS)) expect(readme).toContain(`- **${titre}.** ${DEFINITIONS[cle as keyof typeof DEFINITIONS]}`)
  })

  it('tranches d’âge : bornes incluses, âge inconnu à part', () => {
    expect([0, 17, 18, 25, 26, 40, 41, 60, 61, 104].map(trancheAge)).toEqual(['moins-18', 'moins-18', '18-25', '18-25', '26-40', '26-40', '41-60', '41-60', 'plus-60', 'plus-60'])
    expect(trancheAge(null)).toBe('non-renseigne')
  })

  it('la durée d’une période est celle du suivi, arrêtée au dernier jour de la période (même règle que dureeAccompagnementJours)', () => {
    // Prise en charge le 29 septembre à 23 h 30 à Paris (21 h 30 UTC), clôturée le 15 octobre à 0 h 30 (22 h 30 UTC le 14).
    const historique: Changement[] = [
      { de: null, vers: 'recue', le: '2026-09-28T08:00:00.000Z', par: 1 },
      { de: 'recue', vers: 'prise-en-charge', le: '2026-09-29T21:30:00.000Z', par: 2 },
      { de: 'prise-en-charge', vers: 'cloturee', le: '2026-10-14T22:30:00.000Z', par: 2 },
    ]
    // Fin du 3e trimestre : le 30 septembre à minuit moins une, à Paris.
    expect(dureeAccompagnementJours(historique, new Date('2026-09-30T21:59:00.000Z'))).toBe(1)
    expect(accompagnementDansPeriode('2026-09-29', '2026-10-15', T3)).toEqual({ etat: 'en-cours', jours: 1 })
    expect(dureeAccompagnementJours(historique, new Date('2026-12-31T22:59:00.000Z'))).toBe(16)
    expect(accompagnementDansPeriode('2026-09-29', '2026-10-15', T4)).toEqual({ etat: 'terminee', jours: 16 })
    expect(accompagnementDansPeriode('2026-09-29', '2026-10-15', bornes({ type: 'trimestre', annee: 2027, trimestre: 1 }))).toBeNull()
    expect(accompagnementDansPeriode(null, '2026-10-15', T4)).toBeNull()
  })
})

describe('les neuf indicateurs sur un jeu compté à la main (4e trimestre 2026)', () => {
  const i = calculer()

  it('1. bénéficiaires : la personne saisie deux fois compte une fois, chaque membre de la famille compte, les personnes sans clé à part', () => {
    // Saisines du trimestre : S1, S2, S3, S5, S6 (S4 est du 28 septembre).
    expect(i.beneficiaires.saisines).toBe(5)
    // Personnes nommées : 1 + 1 + 3 + 1 + 1.
    expect(i.beneficiaires.personnesCitees).toBe(7)
    // A (S1 et S2), B (S3 et S6), C, D (sans clé), la personne effacée de S5 (sans clé).
    expect(i.beneficiaires.beneficiaires).toBe(5)
    expect(i.beneficiaires.nonDedoublonnables).toBe(2)
    expect(valeurs(i.beneficiaires.profilsParSaisine)).toEqual({ victime: 2, victimisation: 1, detresse: 1, 'mis-en-cause': 1 })
    // Par bénéficiaire, le profil de sa première saisine : B est « en voie de victimisation » (S3), pas « mis en cause » (S6).
    expect(valeurs(i.beneficiaires.profilsParBeneficiaire)).toEqual({ victime: 1, victimisation: 3, detresse: 1, 'mis-en-cause': 0 })
    expect(i.beneficiaires.profilsParBeneficiaire.total).toBe(5)
  })

  it('2. profil socio-démographique, par bénéficiaire', () => {
    expect(valeurs(i.sociodemographie.age)).toEqual({ 'moins-18': 1, '18-25': 0, '26-40': 2, '41-60': 1, 'plus-60': 1, 'non-renseigne': 0 })
    expect(valeurs(i.sociodemographie.sexe)).toEqual({ femme: 2, homme: 3, 'non-renseigne': 0 })
    expect(valeurs(i.sociodemographie.situationFamiliale)).toEqual({ celibataire: 1, 'en-couple': 2, separe: 1, veuf: 1, 'non-renseignee': 0 })
  })

  it('3. communes et EPCI de résidence (par bénéficiaire), lieux d’accueil (par saisine)', () => {
    expect(i.territoire.communes.lignes).toEqual([
      { code: '01173', libelle: 'Gex', valeur: 3 },
      { code: '01053', libelle: 'Bourg-en-Bresse', valeur: 1 },
      { code: null, libelle: 'Non renseigné', valeur: 1 },
    ])
    expect(i.territoire.epci.lignes).toEqual([
      { code: '240100750', libelle: 'CA du Pays de Gex', valeur: 3 },
      { code: '200071751', libelle: 'CA du Bassin de Bourg-en-Bresse', valeur: 1 },
      { code: null, libelle: 'Non renseigné', valeur: 1 },
    ])
    expect(i.territoire.lieuxAccueil.lignes).toEqual([
      { code: '20', libelle: 'Brigade de Gex', valeur: 2 },
      { code: '10', libelle: 'Commissariat de Bourg', valeur: 2 },
      { code: null, libelle: 'Non renseigné', valeur: 1 },
    ])
  })

  it('4. problématique principale, libellés du référentiel', () => {
    expect(i.problematique.lignes).toEqual([
      { code: 'violences-conjugales', libelle: 'Violences conjugales', valeur: 2 },
      { code: 'violences-intrafamiliales', libelle: 'Violences intrafamiliales (hors couple)', valeur: 2 },
      { code: 'precarite', libelle: expect.any(String), valeur: 1 },
    ])
  })

  it('4. un code retiré du référentiel reste compté, sous son code', () => {
    const r = indicateursDepuisAgregats({ ...agregerEnMemoire(JEU, T4), saisines: [{ dimension: 'problematique', valeur: 'ancien-code', n: 3 }] })
    expect(r.problematique.lignes).toEqual([{ code: 'ancien-code', libelle: 'ancien-code', valeur: 3 }])
  })

  it('5. saisines par unité, directes et indirectes', () => {
    expect(i.saisines.total).toBe(5)
    expect(valeurs(i.saisines.parNature)).toEqual({ directe: 3, indirecte: 2 })
    expect(i.saisines.parUnite).toEqual([
      { code: '20', libelle: 'Brigade de Gex', directe: 1, indirecte: 1, total: 2 },
      { code: '10', libelle: 'Commissariat de Bourg', directe: 2, indirecte: 0, total: 2 },
      { code: null, libelle: 'Non renseigné', directe: 0, indirecte: 1, total: 1 },
    ])
  })

  it('6. origine et canal de la saisine', () => {
    expect(valeurs(i.origine.parOrigine)).toEqual({ 'auto-saisine': 1, 'fsi-appel': 1, 'fsi-intervention': 1, partenaire: 1, 'non-renseigne': 1 })
    expect(valeurs(i.origine.parCanal)).toMatchObject({ portail: 1, telephone: 1, 'main-courante': 1, partenaire: 1, 'visite-spontanee': 1, 'messagerie-institutionnelle': 0 })
  })

  it('7. part des situations déjà connues : « ne sait pas » n’est pas un « non »', () => {
    expect(i.connaissance.departement).toMatchObject({ oui: 2, pourcentage: 40, pourcentageParmiReponses: 66.7 })
    expect(valeurs(i.connaissance.departement.tableau)).toEqual({ oui: 2, non: 1, inconnu: 2 })
    expect(i.connaissance.caf).toMatchObject({ oui: 1, pourcentage: 20, pourcentageParmiReponses: 50 })
  })

  it('8. orientations datées du trimestre, y compris celle d’une saisine du trimestre précédent', () => {
    expect(i.orientations.total).toBe(3)
    expect(valeurs(i.orientations.parTypePartenaire)).toEqual({ 'aide-aux-victimes': 1, mds: 1, 'non-renseigne': 1 })
    expect(valeurs(i.orientations.parStatut)).toEqual({ proposee: 1, acceptee: 1, refusee: 0, realisee: 1 })
  })

  it('9. actes datés du trimestre ; durées des accompagnements du trimestre', () => {
    // S1 : 2 ; S2 : 1 ; S4 (saisine de septembre) : l'acte du 2 octobre, pas celui du 29 septembre.
    expect(i.suivi.actes).toMatchObject({ total: 4, saisinesSuivies: 3, moyenneParSaisineSuivie: 1.3 })
    expect(valeurs(i.suivi.actes.parType)).toMatchObject({ entretien: 2, appel: 2, demarche: 0 })
    // Clôturés : S5 (0 j), S1 (14 j), S4 (16 j) ; en cours : S2 (46 j au 31 décembre).
    expect(i.suivi.duree.terminee).toEqual({ n: 3, moyenneJours: 10, medianeJours: 14 })
    expect(i.suivi.duree['en-cours']).toEqual({ n: 1, moyenneJours: 46, medianeJours: 46 })
    expect(valeurs(i.suivi.duree.tranches)).toEqual({ '0': 1, '1-7': 0, '8-30': 2, '31-90': 1, '91-180': 0, 'plus-180': 0 })
  })
})

describe('saisine à cheval sur deux trimestres, filtres', () => {
  it('au 3e trimestre, S4 compte (saisine, bénéficiaire, acte et orientation de septembre, accompagnement en cours)', () => {
    const i = calculer(T3)
    expect(i.beneficiaires).toMatchObject({ saisines: 1, beneficiaires: 1, nonDedoublonnables: 0 })
    expect(valeurs(i.sociodemographie.age)['18-25']).toBe(1)
    expect(i.suivi.actes).toMatchObject({ total: 1, saisinesSuivies: 1 })
    expect(valeurs(i.orientations.parTypePartenaire)).toEqual({ caf: 1 })
    expect(i.suivi.duree['en-cours']).toEqual({ n: 1, moyenneJours: 1, medianeJours: 1 })
    expect(i.suivi.duree.terminee.n).toBe(0)
  })

  it('sur l’année, la personne A et la famille ne comptent qu’une fois ; S4 une fois', () => {
    const i = calculer(bornes({ type: 'annee', annee: 2026 }))
    expect(i.beneficiaires).toMatchObject({ saisines: 6, beneficiaires: 6, nonDedoublonnables: 2, personnesCitees: 8 })
    expect(i.suivi.actes.total).toBe(5)
    // Sur l'année, S4 est clôturée : une seule durée, entière.
    expect(i.suivi.duree.terminee).toEqual({ n: 3, moyenneJours: 10, medianeJours: 14 })
  })

  it('poste 1 : ses saisines, leurs actes et orientations ; unité 20 : la famille et B dédoublonnée', () => {
    const p1 = calculer(T4, { poste: 1 })
    expect(p1.beneficiaires).toMatchObject({ saisines: 2, beneficiaires: 1, personnesCitees: 2 })
    expect(p1.suivi.actes.total).toBe(4)
    expect(p1.orientations.total).toBe(2)
    const u20 = calculer(T4, { unite: 20 })
    expect(u20.beneficiaires).toMatchObject({ saisines: 2, beneficiaires: 3, nonDedoublonnables: 1, personnesCitees: 4 })
    expect(valeurs(u20.beneficiaires.profilsParBeneficiaire)).toMatchObject({ victimisation: 3, 'mis-en-cause': 0 })
    expect(u20.suivi.actes.total).toBe(0)
  })

  it('période vide : des zéros, pas d’erreur ni de division par zéro', () => {
    const i = calculer(bornes({ type: 'mois', annee: 2025, mois: 1 }))
    expect(i.beneficiaires).toMatchObject({ saisines: 0, beneficiaires: 0 })
    expect(i.connaissance.caf.pourcentage).toBeNull()
    expect(i.suivi.actes.moyenneParSaisineSuivie).toBeNull()
    expect(i.suivi.duree.terminee).toEqual({ n: 0, moyenneJours: null, medianeJours: null })
  })
})
