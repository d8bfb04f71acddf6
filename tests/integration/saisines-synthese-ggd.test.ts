import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { creerCompte, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { fichierSynthese, poserDecor, type DecorSaisines, type LigneSynthese } from '../outils/saisinesDeTest'

/**
 * L'auto-saisine depuis la synthèse hebdomadaire du GGD 01, sur une vraie
 * base : saisines « à trier » créées par le chemin du dépôt (chiffrées,
 * journalisées), ré-import reconnu, rejets nommés, portée (l'intervenant pour
 * son secteur, la coordination pour tous, personne d'autre), et les
 * indicateurs qui ne comptent une saisine à trier qu'une fois validée.
 */
let base: BaseDeTest
let d: DecorSaisines
let synthese: typeof import('../../cms/saisines/synthese')
let coordination: ActeurEspace
let financeur: ActeurEspace
let operateur: ActeurEspace
let sansPoste: ActeurEspace

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  d = await poserDecor(base, 'ggd')
  synthese = await import('../../cms/saisines/synthese')
  const { acteurSaisineDe } = await import('../../cms/saisines/acteur')
  const compte = async (email: string, role: 'coordination' | 'financeur' | 'operateur' | 'intervenant') => acteurSaisineDe((await creerCompte(base, { email, role })) as Utilisateur)!
  coordination = await compte('coordination-ggd@example.org', 'coordination')
  financeur = await compte('financeur-ggd@example.org', 'financeur')
  operateur = await compte('second-operateur-ggd@example.org', 'operateur')
  sansPoste = await compte('is-sans-poste-ggd@example.org', 'intervenant')
}, 180_000)
afterAll(async () => base?.fermer())

const importer = (acteur: ActeurEspace | null, lignes: LigneSynthese[]) => synthese.importerSyntheseGgd(base.payload, acteur, fichierSynthese(lignes), { adresse: '192.0.2.7' })
const compterSaisines = async () => (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs

/** Lignes 2 à 6 du fichier : A (secteur A), B (secteur B), commune hors de l'Ain, vide, A avec l'âge seul. */
const FICHIER: LigneSynthese[] = [
  { Nom: 'Synthesoulier', Prénom: 'Adélaïde', Résumé: 'Différend signalé par la voisine', Référence: 'PV 2026/4411' },
  { Unité: 'Brigade de Gex', Commune: '01173', Nom: 'Gexoisier', Prénom: 'Barnabé', Sexe: 'H', Profil: 'Mis en cause' },
  { Nom: 'Parisienne', Prénom: 'Cunégonde', Commune: 'Paris' },
  { 'Date des faits': '', Unité: '', Commune: '', 'Date de naissance': '', Sexe: '', Profil: '', Nature: '' },
  { Nom: 'Ageonnier', Prénom: 'Désiré', 'Date de naissance': '', Âge: '42', Profil: 'détresse', Nature: 'precarite' },
]

describe(`synthèse hebdomadaire du GGD (${process.env.PASSERELLE_TEST_BASE})`, () => {
  let creees: { ligne: number; id: number }[] = []

  it('l’intervenant importe : saisines « à trier » de son secteur, chiffrées et journalisées ; hors secteur laissé, rejets nommés', async () => {
    const avant = await compterSaisines()
    const r = await importer(d.intervA, FICHIER)
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs))
    expect(r.rapport).toMatchObject({ dejaImportees: [], horsSecteur: [3], colonnesIgnorees: [] })
    expect(r.rapport.creees.map((c) => c.ligne)).toEqual([2, 6])
    expect(r.rapport.rejets).toEqual([{ ligne: 4, colonne: 'Commune', motif: '« Paris » : ni un code INSEE ni un nom de commune de l’Ain' }])
    expect(await compterSaisines()).toBe(avant + 2)
    creees = r.rapport.creees
    // Le compteur de l'espace de l'intervenant : deux à trier, aucune « reçue » de plus ; rien pour l'autre poste.
    const { compterSaisinesRecues } = await import('../../cms/saisines/lecture')
    expect(await compterSaisinesRecues(base.payload, d.intervA, 'a-trier')).toBe(2)
    expect(await compterSaisinesRecues(base.payload, d.intervA)).toBe(0)
    expect(await compterSaisinesRecues(base.payload, d.intervB, 'a-trier')).toBe(0)

    const s = await base.payload.findByID({ collection: 'saisines', id: creees[0]!.id, depth: 0, overrideAccess: true })
    expect(s).toMatchObject({ statut: 'a-trier', mode: 'synthese-ggd', nature: 'indirecte', origine: 'auto-saisine', date: '2026-12-01', poste: d.posteA, unite: d.siteA, auteur: d.intervA.id, agent: null, profil: 'victime', problematique: 'violences-conjugales' })
    expect(s.historique).toEqual([{ de: null, vers: 'a-trier', le: expect.any(String), par: d.intervA.id }])
    expect(s.empreinteSynthese).toMatch(/^[0-9a-f]{64}$/)
    // Identité et résumé chiffrés (v1:…), clé personne en clair, comme une saisine enregistrée à la main.
    expect(s.personnes[0]!.identite).toMatch(/^v1:/)
    expect(s.texteLibre).toMatch(/^v1:/)
    expect(s.personnes[0]).toMatchObject({ age: 41, sexe: 'femme', commune: '01053', clePersonne: expect.stringMatching(/^[0-9a-f]{64}$/) })
    const brut = JSON.stringify(s)
    for (const secret of ['Synthesoulier', 'Adélaïde', '1985-04-12', 'PV 2026/4411', 'voisine']) expect(brut).not.toContain(secret)

    // L'intervenant la lit déchiffrée, comme toute saisine de son poste.
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    const vue = await lireSaisine(base.payload, d.intervA, creees[0]!.id)
    expect(vue?.vue === 'complete' && vue.personnes[0]?.identite).toEqual({ nom: 'Synthesoulier', prenom: 'Adélaïde', dateNaissance: '1985-04-12' })
    expect(vue?.vue === 'complete' && vue.texteLibre).toBe('Référence : PV 2026/4411\n\nDifférend signalé par la voisine')
    const seul = await base.payload.findByID({ collection: 'saisines', id: creees[1]!.id, depth: 0, overrideAccess: true })
    expect(seul.personnes[0]).toMatchObject({ age: 42, clePersonne: null })

    // Une ligne du journal par saisine créée : l'acteur et l'identifiant, rien d'autre.
    const journal = await base.payload.find({ collection: 'journal', where: { action: { equals: 'saisine-importee' } }, sort: 'id', depth: 0, overrideAccess: true, pagination: false })
    expect(journal.docs.map((j) => [j.acteur, j.cible, j.adresse])).toEqual(creees.map((c) => [d.intervA.id, `saisines:${c.id}`, '192.0.2.7']))
  })

  it('ré-importer le même fichier ne crée rien : chaque ligne déjà vue est « déjà importée »', async () => {
    const avant = await compterSaisines()
    const r = await importer(d.intervA, FICHIER)
    expect(r.ok && r.rapport).toMatchObject({ creees: [], dejaImportees: [2, 6], horsSecteur: [3] })
    expect(r.ok && r.rapport.rejets.map((x) => x.ligne)).toEqual([4])
    // Même fichier réécrit autrement (casse, accents, date, unité par son code) : mêmes lignes.
    const autrement = FICHIER.slice(0, 1).map((l) => ({ ...l, Nom: 'SYNTHESOULIER', Prénom: 'adelaide', 'Date des faits': '2026-12-01', Unité: 'ggd-bourg', Commune: '01053' }))
    expect((await importer(d.intervA, autrement)).ok && true).toBe(true)
    expect(await compterSaisines()).toBe(avant)
    // Une ligne en double dans un même fichier : créée une fois.
    const r2 = await importer(d.intervA, [{ Nom: 'Doublonnet', Prénom: 'Eudes' }, { Nom: 'Doublonnet', Prénom: 'Eudes' }])
    expect(r2.ok && r2.rapport).toMatchObject({ dejaImportees: [3] })
    expect(r2.ok && r2.rapport.creees.map((c) => c.ligne)).toEqual([2])
  })

  it('XLSX : cellules date du tableur, même ligne que son équivalent CSV (déjà importée ensuite)', async () => {
    const ExcelJS = (await import('exceljs')).default
    const classeur = new ExcelJS.Workbook()
    const feuille = classeur.addWorksheet('Semaine 49')
    feuille.addRow(['DATE DES FAITS', 'Unité', 'Code INSEE', 'NOM', 'PRÉNOM', 'Date de naissance', 'Sexe', 'Qualité', 'Problématique'])
    feuille.addRow([new Date(Date.UTC(2026, 11, 1)), 'Brigade de Bourg', '01053', 'Tableurine', 'Solange', new Date(Date.UTC(1990, 0, 31)), 'F', 'victime', 'violences-conjugales'])
    const r = await synthese.importerSyntheseGgd(base.payload, d.intervA, new Uint8Array(await classeur.xlsx.writeBuffer()))
    expect(r.ok && r.rapport.creees.map((c) => c.ligne)).toEqual([2])
    const enCsv = await importer(d.intervA, [{ Nom: 'Tableurine', Prénom: 'Solange', Commune: 'Bourg-en-Bresse', 'Date de naissance': '31/01/1990' }])
    expect(enCsv.ok && enCsv.rapport).toMatchObject({ creees: [], dejaImportees: [2] })
  })

  it('la coordination importe pour tout le département : la ligne du secteur B va au poste B', async () => {
    const r = await importer(coordination, FICHIER)
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs))
    expect(r.rapport).toMatchObject({ dejaImportees: [2, 6], horsSecteur: [] })
    expect(r.rapport.creees.map((c) => c.ligne)).toEqual([3])
    const s = await base.payload.findByID({ collection: 'saisines', id: r.rapport.creees[0]!.id, depth: 0, overrideAccess: true })
    expect(s).toMatchObject({ poste: d.posteB, unite: d.siteB, auteur: coordination.id, statut: 'a-trier', profil: 'mis-en-cause' })
    // Elle crée, elle ne relit pas.
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    expect(await lireSaisine(base.payload, coordination, s.id)).toBeNull()
  })

  it('refusé (403, rien d’écrit) aux agents, à l’opérateur, au financeur, à l’intervenant sans poste, au compte suspendu, à l’anonyme', async () => {
    const avant = await compterSaisines()
    const journal = (await base.payload.count({ collection: 'journal', overrideAccess: true })).totalDocs
    for (const [qui, acteur] of Object.entries({ agentA: d.agentA, agentB: d.agentB, operateur, financeur, sansPoste, suspendu: { ...d.intervA, suspendu: true }, anonyme: null })) {
      const r = await importer(acteur, [{ Nom: `Refusé${qui}`, Prénom: 'Fulbert' }])
      expect(r, qui).toEqual({ ok: false, statut: 403, erreurs: { formulaire: 'Vous n’avez pas le droit d’importer la synthèse hebdomadaire du GGD.' } })
    }
    expect(await compterSaisines()).toBe(avant)
    expect((await base.payload.count({ collection: 'journal', overrideAccess: true })).totalDocs).toBe(journal)
  })

  it('un fichier illisible ou sans colonne obligatoire est refusé entier, en français', async () => {
    const avant = await compterSaisines()
    const sansNom = new TextEncoder().encode('Date;Unité;Prénom;Âge;Profil;Nature\n01/12/2026;Brigade de Bourg;Gaspard;30;victime;precarite\n')
    expect(await synthese.importerSyntheseGgd(base.payload, d.intervA, sansNom)).toEqual({
      ok: false,
      statut: 400,
      erreurs: { formulaire: 'En-tête (ligne 1) : colonne « Nom » absente. Voir les colonnes acceptées ci-dessous.' },
    })
    expect(await synthese.importerSyntheseGgd(base.payload, d.intervA, Uint8Array.from([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, statut: 400 })
    expect(await compterSaisines()).toBe(avant)
  })

  it('deux envois simultanés du même fichier ne créent chaque saisine qu’une fois', async () => {
    const avant = await compterSaisines()
    const lignes = Array.from({ length: 15 }, (_, i) => ({ Nom: `Simultané${i}`, Prénom: 'Hugues' }))
    const [a, b] = await Promise.all([importer(d.intervA, lignes), importer(coordination, lignes)])
    expect(await compterSaisines()).toBe(avant + 15)
    const creesParLesDeux = [a, b].reduce((n, r) => n + (r.ok ? r.rapport.creees.length : 0), 0)
    expect(creesParLesDeux).toBe(15)
    for (const r of [a, b]) if (!r.ok) expect(r.statut).toBe(409)
  })

  it('une saisine à trier ne compte dans aucun indicateur ni ne reçoit de suivi ; validée, elle compte ; écartée, jamais', async () => {
    const { agregats } = await import('../../cms/indicateurs/requetes')
    const traitement = await import('../../cms/saisines/traitement')
    const bornes = { du: '2026-12-01', au: '2026-12-01' } as never
    const parMode = async () => (await agregats(base.payload, bornes, { poste: d.posteA })).saisines.find((l) => l.dimension === 'mode' && l.valeur === 'synthese-ggd')?.n ?? 0
    expect(await parMode()).toBe(0)
    const [premiere, seconde] = creees
    expect(await traitement.ajouterActe(base.payload, d.intervA, premiere!.id, { type: 'appel', date: '2026-12-02' })).toMatchObject({ ok: false, statut: 409 })
    // L'intervenant d'un autre poste ne la trie pas.
    expect(await traitement.changerStatutSaisine(base.payload, d.intervB, premiere!.id, 'recue')).toMatchObject({ ok: false, statut: 404 })
    expect(await traitement.changerStatutSaisine(base.payload, d.intervA, premiere!.id, 'recue')).toEqual({ ok: true })
    expect(await parMode()).toBe(1)
    expect(await traitement.ajouterActe(base.payload, d.intervA, premiere!.id, { type: 'appel', date: '2026-12-02' })).toMatchObject({ ok: true })
    expect(await traitement.changerStatutSaisine(base.payload, d.intervA, seconde!.id, 'ecartee')).toEqual({ ok: true })
    expect(await parMode()).toBe(1)
    const ecartee = await base.payload.findByID({ collection: 'saisines', id: seconde!.id, depth: 0, overrideAccess: true })
    expect(ecartee.clotureeLe).toBeTruthy()
    // La liste de l'intervenant filtre les « à trier ».
    const { listerSaisines } = await import('../../cms/saisines/lecture')
    const aTrier = await listerSaisines(base.payload, d.intervA, { statut: 'a-trier' })
    expect(aTrier?.vue === 'intervenant' && aTrier.lignes.every((l) => l.statut === 'a-trier')).toBe(true)
    expect(aTrier?.lignes.map((l) => l.id)).not.toContain(premiere!.id)
    expect(aTrier?.lignes.map((l) => l.id)).not.toContain(seconde!.id)
    expect(aTrier?.lignes.length).toBeGreaterThan(0)

    // Écartée, elle suit la conservation d'une saisine clôturée : identité et empreinte effacées à l'échéance.
    const { appliquerConservation } = await import('../../cms/saisines/retention')
    const bilan = await appliquerConservation(base.payload, { mois: 24, maintenant: new Date(Date.parse(ecartee.clotureeLe!) + 26 * 30 * 86_400_000) })
    expect(bilan.saisines).toBe(1)
    const effacee = await base.payload.findByID({ collection: 'saisines', id: seconde!.id, depth: 0, overrideAccess: true })
    expect(effacee).toMatchObject({ empreinteSynthese: null, texteLibre: null, donneesEffaceesLe: expect.any(String) })
    expect(effacee.personnes[0]!.identite).toBeNull()
    const gardee = await base.payload.findByID({ collection: 'saisines', id: premiere!.id, depth: 0, overrideAccess: true })
    expect(gardee.empreinteSynthese).toMatch(/^[0-9a-f]{64}$/)
  })
})
