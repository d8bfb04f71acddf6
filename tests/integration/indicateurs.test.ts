import { randomFillSync } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { agregerEnMemoire, type Agregats, bornes as bornesDe, type Periode, type SaisineStat, type Tableau } from '../../domaine/indicateurs'
import { jourLocal } from '../../domaine/temps'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Les indicateurs en SQL, sur une vraie base, à partir de saisines écrites
 * par le service (dépôt, statuts, actes, orientations, conservation) : le
 * même jeu que tests/unit/indicateurs-calcul.test.ts, compté à la main.
 *
 * S1  5 oct.  agent de l'unité 10 (poste 1), victime, Mme A (30 ans, Bourg) ; prise en charge le 6, clôture le 20 oct. (14 j) ;
 *             actes 6 et 10 oct. ; orientation aide aux victimes le 12 oct., réalisée.
 * S2  15 nov. intervenant 1, unité 10, victime, Mme A encore ; prise en charge le 15 nov., en cours (46 j au 31 déc.) ; acte 16 nov.
 * S3  1er déc. intervenant 2, compagnie 20, indirecte, famille de trois (B 40 ans, C 42 ans, D 12 ans sans date de naissance), Gex.
 * S4  28 sept. agent de l'unité 10, E (19 ans) ; prise en charge le 29 sept. à 23 h 30 à Paris, clôture le 15 oct. à 0 h 30 (16 j) ;
 *             actes 29 sept. et 2 oct. ; orientation CAF le 30 sept., MDS le 3 oct.
 * S5  2 oct.  intervenant 2, sans unité, détresse, 70 ans ; prise en charge et clôture le 2 oct. (0 j) ; données effacées par la conservation.
 * S6  10 déc. intervenant 2, brigade 21 (de la compagnie 20), mis en cause : B encore ; orientation vers le CCAS le 15 déc.
 */
let base: BaseDeTest
let requetes: typeof import('../../cms/indicateurs/requetes')
let agent10: ActeurEspace
let intervenant1: ActeurEspace
let intervenant2: ActeurEspace
let unite10: number
let unite20: number
let brigade21: number
let poste1: number
const ids: Record<string, number> = {}

const T4 = { type: 'trimestre', annee: 2026, trimestre: 4 } as const
const valeurs = (t: Tableau) => Object.fromEntries(t.lignes.map((l) => [l.code ?? 'non-renseigne', l.valeur]))
const a = (iso: string) => ({ maintenant: new Date(iso) })
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<T, { ok: true }>
}

const personne = (i: number, p: Record<string, string>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [`personnes.${i}.${k}`, v]))
const A = { nom: 'Arnaud', prenom: 'Alice', dateNaissance: '1996-03-01', sexe: 'femme', situationFamiliale: 'separe', commune: '01053' }
const B = { nom: 'Bertin', prenom: 'Béatrice', dateNaissance: '1986-06-01', sexe: 'femme', situationFamiliale: 'en-couple', commune: '01173' }
const commun = { urgence: 'non', accepteContact: 'oui', nature: 'directe', problematique: 'violences-conjugales', profil: 'victime' }

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  const depot = await import('../../cms/saisines/depot')
  const t = await import('../../cms/saisines/traitement')
  const { appliquerConservation } = await import('../../cms/saisines/retention')
  const acteurDe = (await import('../../cms/saisines/acteur')).acteurSaisineDe
  requetes = await import('../../cms/indicateurs/requetes')
  await creerPremierOperateur(base, { email: 'operateur-indicateurs@example.org', password: 'motdepasse-de-test-indicateurs-1' })
  const p = base.payload
  const ctx = { sansPublication: true }
  unite10 = (await p.create({ collection: 'sites', data: { nom: 'Commissariat de Bourg', slug: 'commissariat-bourg', type: 'compagnie', commune: '01053' }, overrideAccess: true, context: ctx })).id
  unite20 = (await p.create({ collection: 'sites', data: { nom: 'Compagnie de Gex', slug: 'compagnie-gex', type: 'compagnie', commune: '01173' }, overrideAccess: true, context: ctx })).id
  brigade21 = (await p.create({ collection: 'sites', data: { nom: 'Brigade de Divonne', slug: 'brigade-divonne', type: 'brigade', compagnie: unite20, commune: '01143' }, overrideAccess: true, context: ctx })).id
  poste1 = (await p.create({ collection: 'postes', data: { intitule: 'IS Bresse', slug: 'is-bresse', secteur: 'Bresse', sites: [unite10] }, overrideAccess: true, context: ctx })).id
  const poste2 = (await p.create({ collection: 'postes', data: { intitule: 'IS Gex', slug: 'is-gex', secteur: 'Pays de Gex', sites: [unite20, brigade21] }, overrideAccess: true, context: ctx })).id
  const compte = async (email: string, data: Partial<Utilisateur>) => acteurDe((await p.create({ collection: 'utilisateurs', data: { email, ...data }, overrideAccess: true })) as Utilisateur)!
  agent10 = await compte('agent-indicateurs@interieur.gouv.fr', { role: 'agent-fsi', site: unite10 })
  intervenant1 = await compte('is-bresse-indicateurs@example.org', { role: 'intervenant', poste: poste1 })
  intervenant2 = await compte('is-gex-indicateurs@example.org', { role: 'intervenant', poste: poste2 })
  const structure = async (nom: string, type: string, source: string) =>
    String((await p.create({ collection: 'structures', data: { nom, id_source: `test-${source}`, type_partenaire: type, date_maj: '2026-11-01' } as never, overrideAccess: true, context: ctx })).id)
  const aideVictimes = await structure('France Victimes 01', 'aide-aux-victimes', 'fv01')
  const caf = await structure('CAF de l’Ain', 'caf', 'caf01')
  const mds = await structure('MDS de Bourg', 'mds', 'mds-bourg')
  const ccas = await structure('CCAS de Gex', 'ccas-cias', 'ccas-gex')

  const deposer = async (nom: string, acteur: ActeurEspace, champs: Record<string, string>, quand: string) => {
    const r = ok(await depot.deposerSaisine(p, acteur, { ...commun, ...champs }, { urlPortail: 'http://localhost', ...a(quand) }))
    ids[nom] = r.id
    return r.id
  }
  const statuts = async (acteur: ActeurEspace, id: number, etapes: [string, string][]) => {
    for (const [vers, quand] of etapes) ok(await t.changerStatutSaisine(p, acteur, id, vers, a(quand)))
  }

  const s1 = await deposer('S1', agent10, { date: '2026-10-05', origine: 'fsi-intervention', ...personne(0, A) }, '2026-10-05T09:00:00Z')
  await statuts(intervenant1, s1, [['prise-en-charge', '2026-10-06T08:00:00Z'], ['contactee', '2026-10-06T09:00:00Z']])
  ok(await t.modifierConnaissance(p, intervenant1, s1, { connueDepartement: 'oui', connueCaf: 'non' }))
  ok(await t.ajouterActe(p, intervenant1, s1, { type: 'entretien', date: '2026-10-06', texte: 'Entretien confidentiel.' }, a('2026-10-06T10:00:00Z')))
  ok(await t.ajouterActe(p, intervenant1, s1, { type: 'appel', date: '2026-10-10' }, a('2026-10-10T10:00:00Z')))
  const o1 = ok(await t.ajouterOrientation(p, intervenant1, s1, { structure: aideVictimes, date: '2026-10-12', commentaire: 'Rendez-vous pris.' }, a('2026-10-12T10:00:00Z')))
  ok(await t.changerStatutDOrientation(p, intervenant1, o1.id, 'acceptee', a('2026-10-13T10:00:00Z')))
  ok(await t.changerStatutDOrientation(p, intervenant1, o1.id, 'realisee', a('2026-10-14T10:00:00Z')))
  await statuts(intervenant1, s1, [['cloturee', '2026-10-20T09:00:00Z']])

  const s2 = await deposer('S2', intervenant1, { date: '2026-11-15', mode: 'telephone', unite: String(unite10), origine: 'fsi-appel', ...personne(0, A) }, '2026-11-15T09:00:00Z')
  await statuts(intervenant1, s2, [['prise-en-charge', '2026-11-15T10:00:00Z']])
  ok(await t.modifierConnaissance(p, intervenant1, s2, { connueDepartement: 'oui', connueCaf: 'inconnu' }))
  ok(await t.ajouterActe(p, intervenant1, s2, { type: 'entretien', date: '2026-11-16' }, a('2026-11-16T10:00:00Z')))

  const s3 = await deposer(
    'S3',
    intervenant2,
    {
      date: '2026-12-01',
      mode: 'main-courante',
      nature: 'indirecte',
      unite: String(unite20),
      origine: 'auto-saisine',
      profil: 'victimisation',
      problematique: 'violences-intrafamiliales',
      ...personne(0, B),
      ...personne(1, { nom: 'Bertin', prenom: 'Charles', dateNaissance: '1984-01-10', sexe: 'homme', situationFamiliale: 'en-couple', commune: '01173' }),
      ...personne(2, { nom: 'Bertin', prenom: 'Denis', age: '12', sexe: 'homme', situationFamiliale: 'celibataire', commune: '01173' }),
    },
    '2026-12-01T09:00:00Z',
  )
  ok(await t.modifierConnaissance(p, intervenant2, s3, { connueDepartement: 'non', connueCaf: 'oui' }))

  const s4 = await deposer('S4', agent10, { date: '2026-09-28', ...personne(0, { nom: 'Eymard', prenom: 'Emma', dateNaissance: '2007-01-01', sexe: 'femme', situationFamiliale: 'celibataire', commune: '01053' }) }, '2026-09-28T09:00:00Z')
  // 23 h 30 à Paris le 29 septembre : encore le 29 (21 h 30 UTC).
  await statuts(intervenant1, s4, [['prise-en-charge', '2026-09-29T21:30:00Z'], ['contactee', '2026-09-30T08:00:00Z']])
  ok(await t.ajouterActe(p, intervenant1, s4, { type: 'entretien', date: '2026-09-29' }, a('2026-09-29T22:00:00Z')))
  ok(await t.ajouterActe(p, intervenant1, s4, { type: 'appel', date: '2026-10-02' }, a('2026-10-02T10:00:00Z')))
  ok(await t.ajouterOrientation(p, intervenant1, s4, { structure: caf, date: '2026-09-30' }, a('2026-09-30T10:00:00Z')))
  const o4 = ok(await t.ajouterOrientation(p, intervenant1, s4, { structure: mds, date: '2026-10-03' }, a('2026-10-03T10:00:00Z')))
  ok(await t.changerStatutDOrientation(p, intervenant1, o4.id, 'acceptee', a('2026-10-04T10:00:00Z')))
  // 0 h 30 à Paris le 15 octobre (22 h 30 UTC le 14).
  await statuts(intervenant1, s4, [['cloturee', '2026-10-14T22:30:00Z']])

  const s5 = await deposer(
    'S5',
    intervenant2,
    { date: '2026-10-02', mode: 'partenaire', nature: 'indirecte', origine: 'partenaire', profil: 'detresse', problematique: 'precarite', ...personne(0, { nom: 'Xavier', prenom: 'Xavier', dateNaissance: '1956-01-01', sexe: 'homme', situationFamiliale: 'veuf' }) },
    '2026-10-02T08:00:00Z',
  )
  await statuts(intervenant2, s5, [['prise-en-charge', '2026-10-02T09:00:00Z'], ['injoignable', '2026-10-02T10:00:00Z'], ['cloturee', '2026-10-02T16:00:00Z']])

  const s6 = await deposer('S6', intervenant2, { date: '2026-12-10', mode: 'visite-spontanee', unite: String(brigade21), profil: 'mis-en-cause', problematique: 'violences-intrafamiliales', ...personne(0, B) }, '2026-12-10T09:00:00Z')
  ok(await t.ajouterOrientation(p, intervenant2, s6, { structure: ccas, date: '2026-12-15' }, a('2026-12-15T10:00:00Z')))

  // Conservation : 24 mois après le 2 octobre 2026, seule S5 (la plus ancienne clôture) est effacée.
  expect(await appliquerConservation(p, { mois: 24, maintenant: new Date('2028-10-05T12:00:00Z') })).toMatchObject({ saisines: 1 })
  const effacee = await p.findByID({ collection: 'saisines', id: s5, depth: 0, overrideAccess: true })
  expect(effacee.personnes[0]).toMatchObject({ identite: null, clePersonne: null, age: 70 })
})
afterAll(async () => base?.fermer())

describe(`indicateurs en SQL (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('le jour civil à Paris en SQL est celui de jourLocal, autour des changements d’heure', async () => {
    const instants = [
      '2026-03-29T00:59:59.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-28T22:59:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-03-29T21:59:00.000Z',
      '2026-10-24T22:00:00.000Z',
      '2026-10-24T21:59:00.000Z',
      '2026-10-25T00:59:00.000Z',
      '2026-10-25T22:59:00.000Z',
      '2026-10-25T23:00:00.000Z',
      '2027-03-27T23:00:00.000Z',
      '2028-02-28T23:30:00.000Z',
      '2026-12-31T23:00:00.000Z',
      '2026-06-30T21:59:59.000Z',
      '2026-06-30T22:00:00.000Z',
    ]
    const { sql: sqlPg } = await import('@payloadcms/db-postgres')
    const { sql: sqlLite } = await import('@payloadcms/db-sqlite')
    const db = base.payload.db as unknown as { drizzle: { all?: (q: unknown) => Promise<Record<string, unknown>[]>; execute?: (q: unknown) => Promise<{ rows: Record<string, unknown>[] }> } }
    for (const i of instants) {
      const jour =
        base.type === 'postgres'
          ? (await db.drizzle.execute!(sqlPg`SELECT CAST(${requetes.jourDeParis(sqlPg as never, 'postgres', sqlPg`CAST(${i} AS timestamptz)` as never)} AS text) AS "j"`)).rows[0]!.j
          : (await db.drizzle.all!(sqlLite`SELECT ${requetes.jourDeParis(sqlLite, 'sqlite', sqlLite`${i}`)} AS "j"`))[0]!.j
      expect(jour, i).toBe(jourLocal(new Date(i)))
    }
  })

  it('les neuf indicateurs du 4e trimestre 2026, comptés à la main', async () => {
    const { indicateurs: i, libelle, bornes } = await requetes.calculerIndicateurs(base.payload, { periode: T4 })
    expect(libelle).toBe('4e trimestre 2026')
    expect(bornes).toEqual({ du: '2026-10-01', au: '2026-12-31' })
    // 1. S1, S2, S3, S5, S6 ; A et B comptent une fois ; D (âge seul) et la personne effacée de S5 sans clé.
    expect(i.beneficiaires).toMatchObject({ saisines: 5, personnesCitees: 7, beneficiaires: 5, nonDedoublonnables: 2 })
    expect(valeurs(i.beneficiaires.profilsParSaisine)).toEqual({ victime: 2, victimisation: 1, detresse: 1, 'mis-en-cause': 1 })
    expect(valeurs(i.beneficiaires.profilsParBeneficiaire)).toEqual({ victime: 1, victimisation: 3, detresse: 1, 'mis-en-cause': 0 })
    // 2.
    expect(valeurs(i.sociodemographie.age)).toEqual({ 'moins-18': 1, '18-25': 0, '26-40': 2, '41-60': 1, 'plus-60': 1, 'non-renseigne': 0 })
    expect(valeurs(i.sociodemographie.sexe)).toEqual({ femme: 2, homme: 3, 'non-renseigne': 0 })
    expect(valeurs(i.sociodemographie.situationFamiliale)).toEqual({ celibataire: 1, 'en-couple': 2, separe: 1, veuf: 1, 'non-renseignee': 0 })
    // 3.
    expect(valeurs(i.territoire.communes)).toEqual({ '01173': 3, '01053': 1, 'non-renseigne': 1 })
    expect(i.territoire.epci.lignes.map((l) => [l.libelle, l.valeur])).toEqual([
      ['CA du Pays de Gex', 3],
      ['CA du Bassin de Bourg-en-Bresse', 1],
      ['Non renseigné', 1],
    ])
    expect(i.territoire.lieuxAccueil.lignes.map((l) => [l.libelle, l.valeur])).toEqual([
      ['Commissariat de Bourg', 2],
      ['Brigade de Divonne', 1],
      ['Compagnie de Gex', 1],
      ['Non renseigné', 1],
    ])
    // 4.
    expect(valeurs(i.problematique)).toEqual({ 'violences-conjugales': 2, 'violences-intrafamiliales': 2, precarite: 1 })
    // 5.
    expect(i.saisines.parUnite).toEqual([
      { code: String(unite10), libelle: 'Commissariat de Bourg', directe: 2, indirecte: 0, total: 2 },
      { code: String(brigade21), libelle: 'Brigade de Divonne', directe: 1, indirecte: 0, total: 1 },
      { code: String(unite20), libelle: 'Compagnie de Gex', directe: 0, indirecte: 1, total: 1 },
      { code: null, libelle: 'Non renseigné', directe: 0, indirecte: 1, total: 1 },
    ])
    // 6. S1 déposée par l'agent : canal « portail », imposé par le service.
    expect(valeurs(i.origine.parOrigine)).toEqual({ 'auto-saisine': 1, 'fsi-appel': 1, 'fsi-intervention': 1, partenaire: 1, 'non-renseigne': 1 })
    expect(valeurs(i.origine.parCanal)).toMatchObject({ portail: 1, telephone: 1, 'main-courante': 1, partenaire: 1, 'visite-spontanee': 1, 'messagerie-institutionnelle': 0 })
    // 7.
    expect(valeurs(i.connaissance.departement.tableau)).toEqual({ oui: 2, non: 1, inconnu: 2 })
    expect(i.connaissance.departement).toMatchObject({ pourcentage: 40, pourcentageParmiReponses: 66.7 })
    expect(valeurs(i.connaissance.caf.tableau)).toEqual({ oui: 1, non: 1, inconnu: 3 })
    // 8. L'orientation MDS du 3 octobre (saisine de septembre) compte ; celle du 30 septembre, non.
    expect(i.orientations.total).toBe(3)
    expect(valeurs(i.orientations.parTypePartenaire)).toEqual({ 'aide-aux-victimes': 1, mds: 1, 'ccas-cias': 1 })
    expect(valeurs(i.orientations.parStatut)).toEqual({ proposee: 1, acceptee: 1, refusee: 0, realisee: 1 })
    // 9.
    expect(i.suivi.actes).toMatchObject({ total: 4, saisinesSuivies: 3, moyenneParSaisineSuivie: 1.3 })
    expect(valeurs(i.suivi.actes.parType)).toMatchObject({ entretien: 2, appel: 2 })
    expect(i.suivi.duree.terminee).toEqual({ n: 3, moyenneJours: 10, medianeJours: 14 })
    expect(i.suivi.duree['en-cours']).toEqual({ n: 1, moyenneJours: 46, medianeJours: 46 })
  })

  it('saisine à cheval : au 3e trimestre, S4 compte avec son acte et son orientation de septembre, accompagnement en cours', async () => {
    const { indicateurs: i } = await requetes.calculerIndicateurs(base.payload, { periode: { type: 'trimestre', annee: 2026, trimestre: 3 } })
    expect(i.beneficiaires).toMatchObject({ saisines: 1, beneficiaires: 1, nonDedoublonnables: 0 })
    expect(valeurs(i.sociodemographie.age)['18-25']).toBe(1)
    expect(i.suivi.actes).toMatchObject({ total: 1, saisinesSuivies: 1 })
    expect(valeurs(i.orientations.parTypePartenaire)).toEqual({ caf: 1 })
    expect(i.suivi.duree['en-cours']).toEqual({ n: 1, moyenneJours: 1, medianeJours: 1 })
    expect(i.suivi.duree.terminee.n).toBe(0)
  })

  it('filtres : un poste, une unité, une compagnie avec ses brigades ; l’année entière dédoublonne sur l’année', async () => {
    const p1 = (await requetes.calculerIndicateurs(base.payload, { periode: T4, poste: poste1 })).indicateurs
    expect(p1.beneficiaires).toMatchObject({ saisines: 2, beneficiaires: 1, personnesCitees: 2 })
    expect(p1.suivi.actes.total).toBe(4)
    expect(p1.orientations.total).toBe(2)
    expect(p1.suivi.duree.terminee.n).toBe(2)
    const u20 = (await requetes.calculerIndicateurs(base.payload, { periode: T4, unite: unite20 })).indicateurs
    expect(u20.beneficiaires).toMatchObject({ saisines: 1, beneficiaires: 3, nonDedoublonnables: 1, personnesCitees: 3 })
    expect(u20.orientations.total).toBe(0)
    // La compagnie et sa brigade : S3 et S6, où B revient.
    const c20 = (await requetes.calculerIndicateurs(base.payload, { periode: T4, compagnie: unite20 })).indicateurs
    expect(c20.beneficiaires).toMatchObject({ saisines: 2, beneficiaires: 3, nonDedoublonnables: 1, personnesCitees: 4 })
    expect(valeurs(c20.beneficiaires.profilsParBeneficiaire)).toMatchObject({ victimisation: 3, 'mis-en-cause': 0 })
    expect(c20.suivi.actes.total).toBe(0)
    expect(c20.orientations.total).toBe(1)
    const annee = (await requetes.calculerIndicateurs(base.payload, { periode: { type: 'annee', annee: 2026 } })).indicateurs
    expect(annee.beneficiaires).toMatchObject({ saisines: 6, beneficiaires: 6, nonDedoublonnables: 2, personnesCitees: 8 })
    expect(annee.suivi.actes.total).toBe(5)
  })

  it('les requêtes SQL rendent les mêmes lignes agrégées que l’agrégation de référence en mémoire, pour chaque période et filtre', async () => {
    const { idNumerique: idDe } = await import('../../domaine/reference')
    const tout = async <C extends 'saisines' | 'actes' | 'orientations'>(collection: C) =>
      (await base.payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })).docs
    const [saisines, actes, orientations] = await Promise.all([tout('saisines'), tout('actes'), tout('orientations')])
    const jour = (t: string | null | undefined) => (t ? jourLocal(new Date(t)) : null)
    const jeu: SaisineStat[] = saisines.map((s) => ({
      id: s.id,
      date: s.date,
      poste: idDe(s.poste),
      unite: idDe(s.unite),
      mode: s.mode,
      nature: s.nature,
      origine: s.origine ?? null,
      profil: s.profil,
      problematique: s.problematique,
      connueDepartement: s.connueDepartement ?? null,
      connueCaf: s.connueCaf ?? null,
      priseEnChargeJour: jour(s.priseEnChargeLe),
      clotureeJour: jour(s.clotureeLe),
      personnes: s.personnes.map((p) => ({ clePersonne: p.clePersonne ?? null, age: p.age ?? null, sexe: p.sexe, situationFamiliale: p.situationFamiliale, commune: p.commune ?? null })),
      actes: actes.filter((a) => idDe(a.saisine) === s.id).map((a) => ({ type: a.type, date: a.date })),
      orientations: orientations.filter((o) => idDe(o.saisine) === s.id).map((o) => ({ typePartenaire: o.typePartenaire ?? null, statut: o.statut, date: o.date })),
    }))
    // Les lignes ne sortent pas dans le même ordre : on compare des listes triées.
    const trie = (a: Agregats) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]))
    const periodes: Periode[] = [T4, { type: 'trimestre', annee: 2026, trimestre: 3 }, { type: 'annee', annee: 2026 }, { type: 'mois', annee: 2026, mois: 10 }, { type: 'dates', du: '2026-10-15', au: '2026-12-05' }]
    for (const periode of periodes)
      for (const filtre of [{}, { poste: poste1 }, { unite: unite20 }]) {
        const b = bornesDe(periode)
        expect(trie(await requetes.agregats(base.payload, b, filtre)), JSON.stringify({ periode, filtre })).toEqual(trie(agregerEnMemoire(jeu, b, filtre)))
      }
  })

  it('les indicateurs ne déchiffrent rien : la clé de chiffrement cassée, ils se calculent encore, à l’identique', async () => {
    const { configuration } = await import('../../socle/configuration')
    const { oublierTrousseau } = await import('../../cms/chiffrement')
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    const avant = await requetes.calculerIndicateurs(base.payload, { periode: T4 })
    // La lecture déchiffre : avec la bonne clé, elle rend l'identité.
    const lue = await lireSaisine(base.payload, intervenant1, ids.S1!)
    expect(lue?.vue === 'complete' && lue.personnes[0]?.identite).toMatchObject({ nom: 'Arnaud' })
    expect(configuration().clesAnciennes).toHaveLength(0)
    randomFillSync(configuration().cleChiffrement)
    oublierTrousseau()
    // Preuve que la clé est cassée : la même lecture échoue.
    await expect(lireSaisine(base.payload, intervenant1, ids.S1!)).rejects.toThrow()
    expect(await requetes.calculerIndicateurs(base.payload, { periode: T4 })).toEqual(avant)
  })
})
