import ExcelJS from 'exceljs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import type { Rapport } from '../../domaine/indicateurs'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Le rapport des indicateurs, de la base aux fichiers, sur une vraie base :
 * au 4e trimestre 2026, 9 saisines de victimes venues du commissariat de
 * Bourg et 2 saisines de mis en cause venues de la compagnie de Gex (la
 * petite case) ; au 3e trimestre, une saisine. L'opérateur voit le 2 ; le
 * financeur ne voit, ni sur la page ni dans aucun export, aucun effectif de
 * 1 à 4.
 */
let base: BaseDeTest
let rapportIndicateurs: typeof import('../../cms/indicateurs/rapport').rapportIndicateurs
let complet: Rapport
let financeur: Rapport
let unite20: number
const T4 = { type: 'trimestre', annee: 2026, trimestre: 4 } as const

const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<T, { ok: true }>
}
const estEffectif = (libelle: string) => !/moyenne|médiane|Part /.test(libelle)
const ligne = (r: Rapport, titre: string, libelle: string) =>
  r.sections.flatMap((s) => s.tableaux).find((t) => t.titre === titre)!.lignes.find((l) => l.libelle === libelle)!

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  const depot = await import('../../cms/saisines/depot')
  const acteurDe = (await import('../../cms/saisines/acteur')).acteurSaisineDe
  rapportIndicateurs = (await import('../../cms/indicateurs/rapport')).rapportIndicateurs
  await creerPremierOperateur(base, { email: 'operateur-rapport@example.org', password: 'motdepasse-de-test-rapport-1' })
  const p = base.payload
  const ctx = { sansPublication: true }
  const unite10 = (await p.create({ collection: 'sites', data: { nom: 'Commissariat de Bourg', slug: 'commissariat-bourg', type: 'commissariat', commune: '01053' }, overrideAccess: true, context: ctx })).id
  unite20 = (await p.create({ collection: 'sites', data: { nom: 'Compagnie de Gex', slug: 'compagnie-gex', type: 'compagnie', commune: '01173' }, overrideAccess: true, context: ctx })).id
  const poste = (await p.create({ collection: 'postes', data: { intitule: 'IS Ain', slug: 'is-ain', secteur: 'Ain', sites: [unite10, unite20] }, overrideAccess: true, context: ctx })).id
  const intervenant: ActeurEspace = acteurDe(
    (await p.create({ collection: 'utilisateurs', data: { email: 'is-rapport@example.org', role: 'intervenant', poste }, overrideAccess: true })) as Utilisateur,
  )!
  const deposer = async (k: number, date: string, unite: number, profil: string) =>
    ok(
      await depot.deposerSaisine(
        p,
        intervenant,
        {
          date,
          mode: 'telephone',
          nature: 'directe',
          unite: String(unite),
          urgence: 'non',
          accepteContact: 'oui',
          problematique: 'violences-conjugales',
          profil,
          'personnes.0.nom': `Nom${k}`,
          'personnes.0.prenom': `Prénom${k}`,
          'personnes.0.dateNaissance': '1990-01-01',
          'personnes.0.sexe': 'femme',
          'personnes.0.situationFamiliale': 'celibataire',
          'personnes.0.commune': unite === unite10 ? '01053' : '01173',
        },
        { urlPortail: 'http://localhost', maintenant: new Date(`${date}T09:00:00Z`) },
      ),
    )
  for (let k = 0; k < 9; k++) await deposer(k, `2026-10-${String(k + 1).padStart(2, '0')}`, unite10, 'victime')
  await deposer(20, '2026-11-20', unite20, 'mis-en-cause')
  await deposer(21, '2026-12-02', unite20, 'mis-en-cause')
  await deposer(30, '2026-08-01', unite10, 'victime')

  complet = await rapportIndicateurs(p, { periode: T4 }, 'complete', 5)
  financeur = await rapportIndicateurs(p, { periode: T4 }, 'secret-statistique', 5)
}, 300_000)

afterAll(async () => {
  await base?.fermer()
})

describe('rapport des indicateurs, de la base aux fichiers', () => {
  it('opérateur et coordination : les chiffres entiers, comparés au trimestre précédent et à l’an passé', () => {
    expect(complet.perimetre).toBe('Département de l’Ain')
    const gex = ligne(complet, 'Saisines par unité qui a saisi', 'Compagnie de Gex')
    expect([gex.periode.valeur, gex.precedente.valeur, gex.anPasse.valeur]).toEqual([2, 0, 0])
    const bourg = ligne(complet, 'Saisines par unité qui a saisi', 'Commissariat de Bourg')
    expect([bourg.periode.valeur, bourg.precedente.valeur]).toEqual([9, 1])
    expect(ligne(complet, 'Chiffres clés', 'Bénéficiaires (personnes distinctes)').periode.valeur).toBe(11)
  })

  it('un filtre par unité donne son périmètre et ses chiffres', async () => {
    const r = await rapportIndicateurs(base.payload, { periode: T4, unite: unite20 }, 'complete', 5)
    expect(r.perimetre).toBe('Unité : Compagnie de Gex')
    expect(ligne(r, 'Chiffres clés', 'Saisines').periode.valeur).toBe(2)
  })

  it('un filtre par compagnie compte la compagnie et ses brigades ; les choix du filtre la proposent', async () => {
    const { choixDeFiltre } = await import('../../cms/indicateurs/rapport')
    const r = await rapportIndicateurs(base.payload, { periode: T4, compagnie: unite20 }, 'complete', 5)
    expect(r.perimetre).toBe('Compagnie : Compagnie de Gex et ses brigades')
    expect(ligne(r, 'Chiffres clés', 'Saisines').periode.valeur).toBe(2)
    expect((await choixDeFiltre(base.payload)).compagnies).toContainEqual({ id: unite20, libelle: 'Compagnie de Gex (et ses brigades)' })
  })

  it('financeur : jamais de filtre', async () => {
    await expect(rapportIndicateurs(base.payload, { periode: T4, compagnie: unite20 }, 'secret-statistique', 5)).rejects.toThrow(/département entier/)
    await expect(rapportIndicateurs(base.payload, { periode: T4, unite: unite20 }, 'secret-statistique', 5)).rejects.toThrow(/département entier/)
  })

  it('financeur : la petite case masquée, et aucun effectif de 1 à 4 nulle part dans le rapport', () => {
    expect(ligne(financeur, 'Saisines par unité qui a saisi', 'Compagnie de Gex').periode).toEqual({ valeur: null, affichage: '< 5' })
    expect(ligne(financeur, 'Saisines par unité qui a saisi', 'Commissariat de Bourg').periode).toEqual({ valeur: null, affichage: 'secret' })
    for (const t of financeur.sections.flatMap((s) => s.tableaux))
      for (const l of t.total ? [...t.lignes, t.total] : t.lignes)
        if (estEffectif(l.libelle))
          for (const c of [l.periode, l.precedente, l.anPasse]) expect(c.valeur === null || c.valeur === 0 || c.valeur >= 5, `${t.titre} › ${l.libelle}`).toBe(true)
  })

  it('financeur : ni le CSV, ni le XLSX, ni le PDF ne donnent un effectif de 1 à 4', async () => {
    const { rapportCsv, rapportXlsx } = await import('../../domaine/indicateurs/exports')
    const { rapportPdf } = await import('../../domaine/indicateurs/pdf')
    const csv = rapportCsv(financeur)
    expect(csv).toContain('Compagnie de Gex;< 5;0;0')
    for (const l of csv.split('\r\n').slice(1, -1)) {
      const [, , libelle, ...cases] = l.split(';')
      if (estEffectif(libelle!)) for (const c of cases) expect(c, l).not.toMatch(/^[1-4]$/)
    }
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load((await rapportXlsx(financeur)) as never)
    let cellules = 0
    for (const ws of classeur.worksheets.slice(1, -1))
      ws.eachRow((row) => {
        if (!estEffectif(String(row.getCell(1).value ?? ''))) return
        for (const k of [2, 3, 4]) {
          const v = row.getCell(k).value
          cellules++
          if (typeof v === 'number') expect(v === 0 || v >= 5, `${ws.name} › ${row.getCell(1).value}`).toBe(true)
        }
      })
    expect(cellules).toBeGreaterThan(100)

    const tache = getDocument({ data: (await rapportPdf(financeur, { generation: new Date() })).slice(), verbosity: 0 })
    const doc = await tache.promise
    let texte = ''
    for (let i = 1; i <= doc.numPages; i++) texte += `${(await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`
    await tache.destroy()
    const plat = texte.replace(/\s+/g, ' ')
    expect(plat).toMatch(/Compagnie de Gex < 5 0 0/)
    expect(plat).not.toMatch(/Compagnie de Gex [1-4] /)
    expect(plat).not.toMatch(/Mis en cause[^0-9<]*[1-4] /)
  })
})
