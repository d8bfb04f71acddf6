import { readFileSync } from 'node:fs'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { PROBLEMATIQUES_AMORCEES } from '../../domaine/saisines'
import {
  COLONNES_SYNTHESE,
  colonneDeLEntete,
  DECOMPRESSE_MAX_XLSX,
  dateDeCellule,
  LIGNES_MAX_SYNTHESE,
  lireSynthese,
  lireTableau,
  messageRejet,
  separateurCsv,
  tailleDecompressee,
  type ContexteSynthese,
  type Tableau,
} from '../../domaine/saisines/synthese-ggd'
import referentiels from '../../content/referentiels.json'

const CLE = 'cle-de-pseudonymisation-de-test-32-octets-au-moins'
const contexte: ContexteSynthese = {
  maintenant: new Date('2026-12-04T10:00:00Z'),
  sites: [
    { id: 1, nom: 'Brigade de Gex', slug: 'brigade-gex', type: 'brigade' },
    { id: 2, nom: 'Compagnie de gendarmerie de Gex', slug: 'compagnie-gex', type: 'compagnie' },
    { id: 3, nom: 'Brigade d’Ambérieu-en-Bugey', slug: 'brigade-amberieu-en-bugey', type: 'brigade' },
    { id: 4, nom: 'Mairie de Gex', slug: 'mairie-gex', type: 'mairie' },
  ],
  problematiques: referentiels.problematique.map((p) => ({ code: p.code, libelle: p.libelle })),
  origines: ['auto-saisine', 'partenaire'],
  cleSecrete: CLE,
}

const ENTETE = ['Date des faits', 'UNITÉ', 'Commune', 'Nom', 'Prénom', 'Né(e) le', 'Âge', 'Sexe', 'Profil', 'Nature de l’intervention', 'Résumé', 'N° procédure']
const ligne = (remplace: Partial<Record<string, string | number | Date>> = {}) => {
  const base: Record<string, string | number | Date> = {
    'Date des faits': '02/12/2026',
    UNITÉ: 'BTA GEX',
    Commune: 'Gex',
    Nom: 'Martin',
    Prénom: 'Hélène',
    'Né(e) le': '1980-05-17',
    Âge: '',
    Sexe: 'F',
    Profil: 'Victime',
    'Nature de l’intervention': 'Violences conjugales',
    Résumé: 'Différend au domicile',
    'N° procédure': 'PV 2026/001',
    ...remplace,
  }
  return ENTETE.map((c) => base[c] ?? '')
}
const lire = (t: Tableau, c: Partial<ContexteSynthese> = {}) => lireSynthese(t, { ...contexte, ...c })

describe('synthèse hebdomadaire du GGD : en-tête', () => {
  it('reconnaît les colonnes sans souci de casse, d’accents ni de variantes', () => {
    expect(colonneDeLEntete('DATE DES FAITS')).toBe('date')
    expect(colonneDeLEntete('Date de l’intervention')).toBe('date')
    expect(colonneDeLEntete('  unite ')).toBe('unite')
    expect(colonneDeLEntete('Code INSEE')).toBe('commune')
    expect(colonneDeLEntete('Né(e) le')).toBe('naissance')
    expect(colonneDeLEntete('N° procédure')).toBe('reference')
    expect(colonneDeLEntete('Problématique')).toBe('nature')
    expect(colonneDeLEntete('Couleur préférée')).toBeUndefined()
    // Chaque libellé documenté se reconnaît lui-même.
    for (const [cle, c] of Object.entries(COLONNES_SYNTHESE)) expect(colonneDeLEntete(c.libelle)).toBe(cle)
  })

  it('refuse le fichier entier quand une colonne obligatoire manque, en la nommant', () => {
    const r = lire([ENTETE.filter((c) => c !== 'Nom' && c !== 'Profil'), []])
    expect(r).toEqual({ ok: false, erreur: expect.stringContaining('colonnes « Nom », « Profil » absentes') })
    const sansAge = lire([ENTETE.filter((c) => c !== 'Né(e) le' && c !== 'Âge')])
    expect(sansAge.ok || sansAge.erreur).toContain('« Date de naissance » ou « Âge »')
  })

  it('trouve l’en-tête sous un titre (les lignes au-dessus ne sont pas des données)', () => {
    const r = lire([['Synthèse hebdomadaire de l’activité à caractère social'], ['Semaine 49', '', 'GGD 01'], [], ENTETE, ligne()])
    expect(r.ok && r.lignes.map((l) => l.ligne)).toEqual([5])
    expect(r.ok && r.rejets).toEqual([])
  })

  it('refuse deux colonnes qui disent la même chose, et cite les colonnes inconnues sans les lire', () => {
    const doublon = lire([[...ENTETE, 'Date']])
    expect(doublon.ok || doublon.erreur).toContain('« Date des faits » et « Date » désignent toutes deux la colonne « Date »')
    const r = lire([[...ENTETE, 'Gravité'], [...ligne(), 'haute']])
    expect(r.ok && r.colonnesIgnorees).toEqual(['Gravité'])
  })
})

describe('synthèse hebdomadaire du GGD : lignes', () => {
  it('une ligne valide devient une saisine indirecte « synthèse du GGD », unité et commune reconnues', () => {
    const r = lire([[], ENTETE, ligne()])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.rejets).toEqual([])
    expect(r.lignes).toHaveLength(1)
    const l = r.lignes[0]!
    expect(l.ligne).toBe(3)
    expect(l.unite).toBe(1)
    expect(l.saisine).toMatchObject({
      mode: 'synthese-ggd',
      nature: 'indirecte',
      origine: 'auto-saisine',
      date: '2026-12-02',
      unite: 1,
      profil: 'victime',
      problematique: 'violences-conjugales',
      accepteContact: 'non-demande',
      texteLibre: 'Référence : PV 2026/001\n\nDifférend au domicile',
    })
    expect(l.saisine.personnes).toEqual([{ nom: 'Martin', prenom: 'Hélène', dateNaissance: '1980-05-17', sexe: 'femme', situationFamiliale: 'non-renseignee', commune: '01173' }])
    expect(l.empreinte).toMatch(/^[0-9a-f]{64}$/)
  })

  it('au-delà de LIGNES_MAX_SYNTHESE lignes de données, le fichier entier est refusé (les lignes vides ne comptent pas)', () => {
    const pleines = Array.from({ length: LIGNES_MAX_SYNTHESE }, (_, i) => ligne({ Nom: `Nom${i}` }))
    expect(lire([ENTETE, ...pleines, [], []]).ok).toBe(true)
    expect(lire([ENTETE, ...pleines, ligne({ Nom: 'DeTrop' })])).toEqual({ ok: false, erreur: expect.stringContaining(`${LIGNES_MAX_SYNTHESE} au plus`) })
  })

  it('lignes vides ignorées ; numéros de ligne ceux du tableur', () => {
    const r = lire([ENTETE, [], ['', '  '], ligne({ Nom: 'Durand' }), [], ligne({ Nom: 'Petit' })])
    expect(r.ok && r.lignes.map((l) => l.ligne)).toEqual([4, 6])
  })

  it('unités : nom, code du site, sigle, ville seule (la brigade) ; jamais un lieu qui n’est pas une unité', () => {
    const unite = (u: string) => {
      const r = lire([ENTETE, ligne({ UNITÉ: u })])
      return r.ok ? (r.lignes[0]?.unite ?? r.rejets[0]?.motif) : r.erreur
    }
    expect(unite('Brigade de Gex')).toBe(1)
    expect(unite('brigade-gex')).toBe(1)
    expect(unite('COB Gex')).toBe(1)
    expect(unite('Gex')).toBe(1)
    expect(unite('CIE GEX')).toBe(2)
    expect(unite('Compagnie de gendarmerie de Gex')).toBe(2)
    expect(unite('BTA AMBERIEU EN BUGEY')).toBe(3)
    expect(unite('Mairie de Gex')).toContain('aucune brigade, compagnie ni commissariat')
  })

  it('dates : JJ/MM/AAAA, AAAA-MM-JJ, cellule date et numéro de série d’un tableur', () => {
    expect(dateDeCellule('2/12/2026')).toBe('2026-12-02')
    expect(dateDeCellule('02.12.2026 14:30')).toBe('2026-12-02')
    expect(dateDeCellule('2026-12-02')).toBe('2026-12-02')
    expect(dateDeCellule(new Date(Date.UTC(2026, 11, 2)))).toBe('2026-12-02')
    expect(dateDeCellule(46358)).toBe('2026-12-02')
    expect(dateDeCellule('31/02/2026')).toBeUndefined()
    expect(dateDeCellule('hier')).toBeUndefined()
  })

  it('rejets en français par ligne et colonne, tous ceux de la ligne, sans citer de nom ni de date de naissance', () => {
    const r = lire([
      ENTETE,
      ligne(),
      ligne({ Commune: 'Paris', UNITÉ: 'Brigade de Lyon', 'Né(e) le': '31/02/1980', Profil: 'témoin' }),
      ligne({ Nom: '', 'Nature de l’intervention': 'Tapage' }),
      ligne({ 'Date des faits': '2026-12-25' }),
      ligne({ 'Né(e) le': '', Âge: '' }),
      ligne({ Sexe: 'Z', Âge: 'trente' }),
    ])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.lignes.map((l) => l.ligne)).toEqual([2])
    expect(r.rejets.map(messageRejet)).toEqual([
      'ligne 3, colonne « Unité » : « Brigade de Lyon » : aucune brigade, compagnie ni commissariat de ce nom ou de ce code dans les sites du portail',
      'ligne 3, colonne « Commune » : « Paris » : ni un code INSEE ni un nom de commune de l’Ain',
      'ligne 3, colonne « Date de naissance » : date invalide (AAAA-MM-JJ ou JJ/MM/AAAA)',
      'ligne 3, colonne « Profil » : « témoin » : victime, en voie de victimisation, détresse ou difficulté sociale, ou mis en cause attendu',
      'ligne 4, colonne « Nature » : « Tapage » : absente du référentiel des problématiques (code ou libellé attendu)',
      'ligne 5, colonne « Date » : la date ne peut pas être dans le futur',
      'ligne 6, colonne « Date de naissance » : indiquez l’un des deux',
      'ligne 7, colonne « Âge » : nombre entier d’années attendu',
      'ligne 7, colonne « Sexe » : « Z » : F, H (ou M), Femme ou Homme attendu',
    ])
    // Le nom vide est signalé une fois la nature corrigée : le schéma des saisines le refuse comme le formulaire.
    const nomVide = lire([ENTETE, ligne({ Nom: '' })])
    expect(nomVide.ok && nomVide.rejets.map(messageRejet)).toEqual(['ligne 2, colonne « Nom » : champ obligatoire'])
    const tout = JSON.stringify(r.rejets)
    expect(tout).not.toContain('Martin')
    expect(tout).not.toContain('Hélène')
    expect(tout).not.toContain('1980')
  })

  it('profils et natures : codes, libellés du référentiel, variantes courantes', () => {
    const lue = (p: string, n = 'violences-conjugales') => {
      const r = lire([ENTETE, ligne({ Profil: p, 'Nature de l’intervention': n })])
      return r.ok && r.lignes[0] ? [r.lignes[0].saisine.profil, r.lignes[0].saisine.problematique] : null
    }
    expect(lue('MEC')).toEqual(['mis-en-cause', 'violences-conjugales'])
    expect(lue('Personne mise en cause et sa famille')).toEqual(['mis-en-cause', 'violences-conjugales'])
    expect(lue('en voie de victimisation', 'Violences intrafamiliales')).toEqual(['victimisation', 'violences-intrafamiliales'])
    expect(lue('Détresse ou difficulté sociale', 'PRECARITE')).toEqual(['detresse', 'precarite'])
    expect(lue('victime', 'conflit-voisinage')).toEqual(['victime', 'conflit-voisinage'])
    // Une problématique retirée du référentiel n'est plus acceptée.
    const r = lire([ENTETE, ligne({ 'Nature de l’intervention': 'Précarité' })], { problematiques: [{ code: 'autre', libelle: 'Autre' }] })
    expect(r.ok && r.rejets[0]?.colonne).toBe('Nature')
    expect(PROBLEMATIQUES_AMORCEES).toContain('precarite')
  })

  it('l’âge seul suffit, sans date de naissance', () => {
    const r = lire([ENTETE, ligne({ 'Né(e) le': '', Âge: '34 ans' })])
    expect(r.ok && r.lignes[0]?.saisine.personnes[0]).toMatchObject({ age: 34 })
    expect(r.ok && r.lignes[0]?.saisine.personnes[0]?.dateNaissance).toBeUndefined()
  })
})

describe('synthèse hebdomadaire du GGD : empreinte d’une ligne', () => {
  const empreinte = (t: Tableau, c: Partial<ContexteSynthese> = {}) => {
    const r = lire(t, c)
    return r.ok ? r.lignes.map((l) => l.empreinte) : []
  }
  it('même ligne, même empreinte, quelle que soit l’écriture (casse, accents, date, unité, commune)', () => {
    const a = empreinte([ENTETE, ligne()])
    const b = empreinte([ENTETE, ligne({ Nom: 'MARTIN', Prénom: 'helene', 'Date des faits': '2026-12-02', UNITÉ: 'brigade-gex', Commune: '01173', Profil: 'victime' })])
    expect(a).toEqual(b)
  })
  it('une autre personne, une autre date ou une autre clé donnent une autre empreinte ; jamais le nom en clair', () => {
    const [a] = empreinte([ENTETE, ligne()])
    expect(empreinte([ENTETE, ligne({ Prénom: 'Hélèna' })])[0]).not.toBe(a)
    expect(empreinte([ENTETE, ligne({ 'Date des faits': '01/12/2026' })])[0]).not.toBe(a)
    expect(empreinte([ENTETE, ligne()], { cleSecrete: `${CLE}-autre` })[0]).not.toBe(a)
    expect(a).not.toMatch(/martin|helene/i)
  })
})

describe('synthèse hebdomadaire du GGD : fichier', () => {
  const csv = (sep: string) => [ENTETE.join(sep), ligne().map((c) => (String(c).includes(sep) ? `"${String(c)}"` : String(c))).join(sep), ''].join('\r\n')

  it('CSV « ; » ou « , », UTF-8 avec ou sans BOM : mêmes lignes', async () => {
    expect(separateurCsv('a;b;c\n1,5;2;3')).toBe(';')
    expect(separateurCsv('"a;b",c,d')).toBe(',')
    const lus = await Promise.all(
      [csv(';'), `\uFEFF${csv(';')}`, csv(','), `\uFEFF${csv(',')}`].map(async (t) => {
        const r = await lireTableau(new TextEncoder().encode(t))
        if (!r.ok) throw new Error(r.erreur)
        const l = lire(r.tableau)
        return l.ok ? l.lignes.map((x) => x.empreinte) : l.erreur
      }),
    )
    expect(lus[0]).toHaveLength(1)
    for (const l of lus) expect(l).toEqual(lus[0])
  })

  it('XLSX (exceljs) : cellules date et texte, même empreinte que le CSV', async () => {
    const classeur = new ExcelJS.Workbook()
    const feuille = classeur.addWorksheet('Synthèse')
    feuille.addRow(ENTETE)
    feuille.addRow(ligne({ 'Date des faits': new Date(Date.UTC(2026, 11, 2)), 'Né(e) le': new Date(Date.UTC(1980, 4, 17)) }))
    const octets = new Uint8Array(await classeur.xlsx.writeBuffer())
    const x = await lireTableau(octets)
    const c = await lireTableau(new TextEncoder().encode(csv(';')))
    if (!x.ok || !c.ok) throw new Error('lecture')
    const [lx, lc] = [lire(x.tableau), lire(c.tableau)]
    expect(lx.ok && lx.lignes.map((l) => l.empreinte)).toEqual(lc.ok && lc.lignes.map((l) => l.empreinte))
  })

  it('lit la taille décompressée d’un classeur avant de l’ouvrir : refuse une « bombe » ZIP', async () => {
    const classeur = new ExcelJS.Workbook()
    const feuille = classeur.addWorksheet('Synthèse')
    feuille.addRow(ENTETE)
    // 40 Mo de texte répétitif (chaque ligne distincte : exceljs partage les chaînes identiques), quelques centaines de Ko compressés.
    const long = 'x'.repeat(32_000)
    for (let i = 0; i < 1300; i++) feuille.addRow([`${i} ${long}`])
    const octets = new Uint8Array(await classeur.xlsx.writeBuffer())
    expect(octets.length).toBeLessThan(2 * 1024 * 1024)
    expect(tailleDecompressee(octets)).toBeGreaterThan(DECOMPRESSE_MAX_XLSX)
    expect(await lireTableau(octets)).toEqual({ ok: false, erreur: expect.stringContaining('trop volumineux une fois décompressé') })
    // Un classeur ordinaire : sa taille décompressée est lue, petite.
    const petit = new ExcelJS.Workbook()
    petit.addWorksheet('S').addRow(ENTETE)
    const t = tailleDecompressee(new Uint8Array(await petit.xlsx.writeBuffer()))
    expect(t).toBeGreaterThan(1000)
    expect(t).toBeLessThan(100_000)
  })

  it('refuse ce qui n’est ni XLSX ni CSV UTF-8, et un fichier vide', async () => {
    expect(await lireTableau(new Uint8Array())).toEqual({ ok: false, erreur: 'Fichier : le fichier est vide.' })
    const latin1 = Uint8Array.from([...'Nom;Prénom'].map((c) => c.charCodeAt(0)))
    expect(await lireTableau(latin1)).toEqual({ ok: false, erreur: expect.stringContaining('UTF-8') })
    expect(await lireTableau(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, erreur: expect.stringContaining('XLSX illisible') })
  })

  it('le README documente chaque colonne acceptée', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('Synthèse hebdomadaire du GGD 01'))
    for (const c of Object.values(COLONNES_SYNTHESE)) expect(section, c.libelle).toContain(`| ${c.libelle} |`)
  })
})
