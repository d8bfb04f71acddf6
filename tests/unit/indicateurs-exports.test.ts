import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import type { Agregats } from '../../domaine/indicateurs/agregats'
import { indicateursDepuisAgregats } from '../../domaine/indicateurs/calcul'
import { lireDemande, parametresDe } from '../../domaine/indicateurs/demande'
import { nomFichierRapport, rapportCsv, rapportXlsx } from '../../domaine/indicateurs/exports'
import { graphiqueBarres } from '../../domaine/indicateurs/graphique-svg'
import { nettoyerNotes, NOTES_MAX, rapportPdf, titreRapport } from '../../domaine/indicateurs/pdf'
import { construireRapport, type Entree } from '../../domaine/indicateurs/rapport'
import { bornes, type Periode } from '../../domaine/indicateurs/periodes'
import { DEFINITIONS, INDICATEURS } from '../../domaine/indicateurs/regles'
import { lirePdf } from '../outils/pdf'

/** Un trimestre : 42 saisines (40 victimes, 2 mis en cause : une petite case), la période d'avant plus calme. */
const agregats = (victimes: number, misEnCause: number): Agregats => ({
  saisines: [
    { dimension: 'profil', valeur: 'victime', n: victimes },
    { dimension: 'profil', valeur: 'mis-en-cause', n: misEnCause },
    { dimension: 'connueCaf', valeur: 'oui', n: 10 },
    { dimension: 'connueCaf', valeur: 'non', n: victimes + misEnCause - 10 },
  ],
  saisinesParUnite: [
    { unite: '10', nature: 'directe', n: victimes },
    { unite: '20', nature: 'indirecte', n: misEnCause },
  ],
  beneficiaires: [
    { dimension: 'profil', valeur: 'victime', sansCle: false, n: victimes },
    { dimension: 'profil', valeur: 'mis-en-cause', sansCle: false, n: misEnCause },
    { dimension: 'commune', valeur: '01053', sansCle: false, n: victimes },
    { dimension: 'commune', valeur: '01004', sansCle: false, n: misEnCause },
  ],
  personnesCitees: victimes + misEnCause,
  actes: [{ type: 'entretien', n: 50 }],
  saisinesSuivies: 20,
  orientations: [{ typePartenaire: null, statut: 'proposee', n: 7 }],
  durees: [{ etat: 'terminee', jours: 10, n: 6 }],
})
const libelles = { unites: { '10': 'Commissariat de Bourg', '20': 'Brigade de Gex' } }
const periode: Periode = { type: 'trimestre', annee: 2026, trimestre: 4 }
const entree: Entree = {
  periode,
  bornes: bornes(periode),
  perimetre: 'Département de l’Ain',
  courante: indicateursDepuisAgregats(agregats(40, 2), libelles),
  precedente: indicateursDepuisAgregats(agregats(30, 6), libelles),
  anPasse: indicateursDepuisAgregats(agregats(20, 0), libelles),
}
const complet = construireRapport(entree, 'complete', 5)
const financeur = construireRapport(entree, 'secret-statistique', 5)
const tableau = (r: typeof complet, indicateur: string, titre: string) => r.sections.find((s) => s.cle === indicateur)!.tableaux.find((t) => t.titre === titre)!

/** Lignes d'effectifs (pas les moyennes, médianes ni parts, qui ne comptent personne). */
const estEffectif = (libelle: string) => !/moyenne|médiane|Part /.test(libelle)


describe('graphique SVG en barres', () => {
  const svg = graphiqueBarres(
    [
      { libelle: 'Victimes', valeur: 40, affichage: '40' },
      { libelle: 'Mis en cause <script>', valeur: null, affichage: '< 5' },
      { libelle: 'Détresse', valeur: 20, affichage: '20' },
      { libelle: 'Aucune', valeur: 0, affichage: '0' },
    ],
    { id: 'g1', titre: 'Profils & familles', idTableau: 't1' },
  )

  it('une image titrée qui renvoie au tableau, textes échappés', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="g1-titre g1-desc"/)
    expect(svg).toContain('<title id="g1-titre">Profils &amp; familles</title>')
    expect(svg).toContain('tableau de données qui suit')
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('Mis en cause &lt;script&gt;')
  })

  it('barres proportionnelles ; ni barre pour une case masquée ni pour un zéro, mais leur affichage', () => {
    const largeurs = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))
    expect(largeurs).toHaveLength(2)
    expect(largeurs[0]).toBe(2 * largeurs[1]!)
    expect(svg).toContain('font-style="italic">&lt; 5</text>')
    expect(svg).toContain('>0</text>')
  })

  it('sans donnée : le dit', () => {
    expect(graphiqueBarres([], { id: 'v', titre: 'Vide' })).toContain('Aucune donnée pour cette période.')
  })
})

describe('rapport d’une période', () => {
  it('les neuf indicateurs avec leur définition, chaque ligne comparée à la période précédente et à l’an passé', () => {
    expect(complet.sections.map((s) => s.titre)).toEqual(Object.values(INDICATEURS))
    expect(complet.sections.map((s) => s.definition)).toEqual(Object.values(DEFINITIONS))
    expect(complet.libellePrecedente).toBe('3e trimestre 2026')
    expect(complet.libelleAnPasse).toBe('4e trimestre 2025')
    const profils = tableau(complet, 'beneficiaires', 'Profils, par saisine')
    const mec = profils.lignes.find((l) => l.libelle.startsWith('Mis en cause'))!
    expect([mec.periode.valeur, mec.precedente.valeur, mec.anPasse.valeur]).toEqual([2, 6, 0])
    expect(profils.total!.periode.valeur).toBe(42)
  })

  it('une ligne absente d’une période (liste ouverte) y vaut zéro', () => {
    const unites = tableau(complet, 'saisines', 'Saisines par unité qui a saisi')
    expect(unites.lignes.map((l) => [l.libelle, l.periode.valeur, l.anPasse.valeur])).toEqual([
      ['Commissariat de Bourg', 40, 20],
      ['Brigade de Gex', 2, 0],
    ])
  })

  it('financeur : chaque colonne au secret statistique, aucune valeur d’effectif entre 1 et 4, pas de croisement unité × nature', () => {
    expect(financeur.seuil).toBe(5)
    for (const s of financeur.sections)
      for (const t of s.tableaux)
        for (const l of t.total ? [...t.lignes, t.total] : t.lignes)
          if (estEffectif(l.libelle))
            for (const c of [l.periode, l.precedente, l.anPasse]) {
              if (c.valeur !== null) expect(c.valeur === 0 || c.valeur >= 5, `${t.titre} › ${l.libelle} : ${c.valeur}`).toBe(true)
              expect(c.affichage).not.toMatch(/^[1-4]$/)
            }
    const mec = tableau(financeur, 'beneficiaires', 'Profils, par saisine').lignes.find((l) => l.libelle.startsWith('Mis en cause'))!
    expect([mec.periode.affichage, mec.precedente.affichage]).toEqual(['< 5', '6'])
    expect(financeur.sections.find((s) => s.cle === 'saisines')!.tableaux.map((t) => t.titre)).not.toContain('Saisines directes par unité')
  })
})

describe('attaque par différence entre un tableau au total masqué et le total publié ailleurs', () => {
  it('5 victimes et 1 mis en cause : le total 6 est publié (chiffres clés), donc aucune case du tableau ne dit laquelle est petite', () => {
    const petit = indicateursDepuisAgregats(agregats(5, 1), libelles)
    const r = construireRapport({ ...entree, courante: petit }, 'secret-statistique', 5)
    expect(tableau(r, 'beneficiaires', 'Chiffres clés').lignes[0]!.periode.affichage).toBe('6')
    const profils = tableau(r, 'beneficiaires', 'Profils, par saisine')
    // Sans brouillage : « secret » (≥ 5) et « < 5 » pour un total connu de 6 donneraient 5 et 1.
    expect(profils.lignes.map((l) => l.periode.affichage)).toEqual(['secret', 'secret', 'secret', 'secret'])
    expect(profils.total!.periode.affichage).toBe('secret')
    // Un tableau dont le total reste affiché n'est pas brouillé.
    expect(tableau(r, 'beneficiaires', 'Profils, par saisine').lignes.map((l) => l.precedente.affichage)).toEqual(['30', '0', '0', '6'])
  })
})

describe('demande d’un rapport (GET)', () => {
  const lire = (q: string, vue: 'complete' | 'secret-statistique' = 'complete') => lireDemande(new URLSearchParams(q), vue, '2026-12-03')

  it('sans paramètre : le trimestre en cours ; sinon la période, le poste ou l’unité', () => {
    expect(lire('')).toMatchObject({ ok: true, demande: { periode: { type: 'trimestre', annee: 2026, trimestre: 4 } } })
    expect(lire('type=mois&annee=2026&mois=11&poste=3')).toMatchObject({ ok: true, demande: { periode: { type: 'mois', annee: 2026, mois: 11 }, poste: 3 } })
    const parCompagnie = lire('type=annee&annee=2026&compagnie=7')
    expect(parCompagnie).toMatchObject({ ok: true, demande: { periode: { type: 'annee', annee: 2026 }, compagnie: 7 } })
    if (parCompagnie.ok) expect(parametresDe(parCompagnie.demande).toString()).toBe('type=annee&annee=2026&compagnie=7')
  })

  it('erreurs par champ, en français', () => {
    expect(lire('type=mois&annee=2026&mois=13')).toMatchObject({ ok: false, erreurs: { mois: 'Mois : entre 1 et 12' } })
    expect(lire('type=dates&du=2026-12-10&au=2026-12-01')).toMatchObject({ ok: false, erreurs: { au: expect.stringMatching(/^Au : /) } })
    expect(lire('type=annee&annee=2026&unite=abc')).toMatchObject({ ok: false, erreurs: { unite: 'Unité : choisissez dans la liste' } })
    expect(lire('type=annee&annee=2026&unite=2&poste=1')).toMatchObject({ ok: false, erreurs: { unite: expect.stringMatching(/un seul périmètre/) } })
    expect(lire('type=annee&annee=2026&compagnie=4&poste=1')).toMatchObject({ ok: false, erreurs: { compagnie: expect.stringMatching(/^Compagnie ou commissariat : choisissez un seul périmètre/) } })
  })

  it('le financeur n’a pas de filtre : un poste ou une unité sont refusés', () => {
    expect(lire('type=annee&annee=2026&unite=2', 'secret-statistique')).toMatchObject({ ok: false, erreurs: { unite: expect.stringMatching(/département entier/) } })
    expect(lire('type=annee&annee=2026&poste=2', 'secret-statistique')).toMatchObject({ ok: false, erreurs: { poste: expect.stringMatching(/département entier/) } })
    expect(lire('type=annee&annee=2026&compagnie=2', 'secret-statistique')).toMatchObject({ ok: false, erreurs: { compagnie: expect.stringMatching(/département entier/) } })
  })
})

describe('exports', () => {
  it('CSV : BOM, « ; », en-têtes nommant les périodes, une ligne par case, total compris', () => {
    const csv = rapportCsv(complet)
    expect(csv.startsWith('\uFEFFIndicateur;Tableau;Ligne;Période (4e trimestre 2026);Période précédente (3e trimestre 2026);Même période l’an passé (4e trimestre 2025)\r\n')).toBe(true)
    expect(csv).toContain('1. Nombre de bénéficiaires et profils;Profils, par saisine;Total;42;36;20\r\n')
    expect(csv).toContain('Saisines par unité qui a saisi;Brigade de Gex;2;6;0\r\n')
  })

  it('CSV du financeur : les cases masquées en texte, jamais leur nombre', () => {
    const csv = rapportCsv(financeur)
    expect(csv).toContain('Saisines par unité qui a saisi;Brigade de Gex;< 5;6;0\r\n')
    for (const ligne of csv.split('\r\n').slice(1, -1)) {
      const [, , libelle, ...cases] = ligne.split(';')
      if (estEffectif(libelle!)) for (const c of cases) expect(c, ligne).not.toMatch(/^[1-4]$/)
    }
  })

  it('XLSX : feuilles « Période », une par indicateur, « Définitions » ; nombres en cellules numériques', async () => {
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load((await rapportXlsx(complet, new Date('2026-12-03T10:00:00Z'))) as never)
    const noms = classeur.worksheets.map((w) => w.name)
    expect(noms).toHaveLength(11)
    expect(noms[0]).toBe('Période')
    expect(noms.at(-1)).toBe('Définitions')
    expect(noms[1]).toBe('1. Nombre de bénéficiaires et p')
    const periodeWs = classeur.getWorksheet('Période')!
    expect(periodeWs.getCell('B2').value).toBe('4e trimestre 2026')
    expect(periodeWs.getCell('B3').value).toBe('2026-10-01')
    const ws = classeur.worksheets[5]!
    let gex: ExcelJS.Row | undefined
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Brigade de Gex') gex ??= row
    })
    expect([2, 3, 4].map((k) => gex!.getCell(k).value)).toEqual([2, 6, 0])
    expect(gex!.getCell(2).type).toBe(ExcelJS.ValueType.Number)
    const defs = classeur.getWorksheet('Définitions')!
    expect(defs.getCell('B4').value).toBe(DEFINITIONS.sociodemographie)
  })

  it('XLSX du financeur : « < 5 » en texte, aucun effectif numérique entre 1 et 4, la note du secret', async () => {
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load((await rapportXlsx(financeur)) as never)
    expect(String(classeur.getWorksheet('Période')!.getCell('B7').value)).toMatch(/^Secret statistique : toute case de moins de 5 personnes/)
    for (const ws of classeur.worksheets.slice(1, -1))
      ws.eachRow((row) => {
        const libelle = String(row.getCell(1).value ?? '')
        if (!estEffectif(libelle)) return
        for (const k of [2, 3, 4]) {
          const v = row.getCell(k).value
          if (typeof v === 'number') expect(v === 0 || v >= 5, `${ws.name} › ${libelle} : ${v}`).toBe(true)
        }
      })
    const ws = classeur.worksheets[5]!
    const gex = (ws.getSheetValues().filter(Boolean) as unknown[][]).find((l) => l[1] === 'Brigade de Gex')!
    expect(gex.slice(2, 5)).toEqual(['< 5', 6, 0])
    expect((ws.getSheetValues().filter(Boolean) as unknown[][]).find((l) => l[1] === 'Commissariat de Bourg')!.slice(2, 5)).toEqual(['secret', 30, 20])
  })

  it('noms de fichiers sans accent', () => {
    expect(nomFichierRapport(complet, 'xlsx')).toBe('indicateurs-4e-trimestre-2026.xlsx')
    expect(nomFichierRapport(financeur, 'pdf')).toBe('indicateurs-4e-trimestre-2026-financeur.pdf')
  })
})

describe('rapport PDF', () => {
  it('couverture, sommaire, les neuf indicateurs, leurs tableaux, règles et notes de la coordination', async () => {
    const octets = await rapportPdf(complet, { generation: new Date('2026-12-03T10:00:00Z'), notes: 'Hausse des violences intrafamiliales en novembre.' })
    expect(Buffer.from(octets.subarray(0, 5)).toString()).toBe('%PDF-')
    const { texte, titre, pages } = await lirePdf(octets)
    expect(titre).toBe('Rapport trimestriel d’activité — 4e trimestre 2026')
    expect(pages).toBeGreaterThanOrEqual(12)
    expect(texte).toContain('Sommaire')
    for (const t of Object.values(INDICATEURS)) expect(texte).toContain(t)
    expect(texte).toContain('Commissariat de Bourg')
    expect(texte).toContain('3 décembre 2026')
    expect(texte).toContain('Notes de la coordination')
    expect(texte).toContain('Hausse des violences intrafamiliales en novembre.')
    expect(texte).toContain('Règles de comptage')
  })

  it('sur un mois : le bilan mensuel ; au financeur : les cases masquées et la note du secret', async () => {
    const mois: Periode = { type: 'mois', annee: 2026, mois: 11 }
    const r = construireRapport({ ...entree, periode: mois, bornes: bornes(mois) }, 'secret-statistique', 5)
    expect(titreRapport(r)).toBe('Bilan mensuel d’activité — novembre 2026')
    const { texte, titre } = await lirePdf(await rapportPdf(r, { generation: new Date('2026-12-03T10:00:00Z') }))
    expect(titre).toBe('Bilan mensuel d’activité — novembre 2026')
    expect(texte).toContain('< 5')
    expect(texte).toContain('Secret statistique')
    expect(texte).not.toContain('Notes de la coordination')
  })

  it('notes : nettoyées (contrôles, lignes vides), bornées, facultatives', () => {
    expect(nettoyerNotes(undefined)).toEqual({ ok: true, notes: null })
    expect(nettoyerNotes('   ')).toEqual({ ok: true, notes: null })
    expect(nettoyerNotes('a\u0000b\r\n\n\n\nc\u202e')).toEqual({ ok: true, notes: 'ab\n\nc' })
    expect(nettoyerNotes('x'.repeat(NOTES_MAX + 1))).toMatchObject({ ok: false, erreur: expect.stringMatching(/^Notes : 8000 caractères au plus/) })
  })
})
