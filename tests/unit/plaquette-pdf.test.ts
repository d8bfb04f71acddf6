import { describe, expect, it } from 'vitest'

import { type DonneesPlaquette, plaquettePoste } from '../../domaine/plaquettes/pdf'
import referentiels from '../../content/referentiels.json'
import { lirePdf as lire } from '../outils/pdf'

// 26 novembre 2026, 23 h 30 à Paris (22 h 30 UTC) : la date imprimée est celle de Paris.
const GENERATION = new Date('2026-11-26T22:30:00Z')

const donnees: DonneesPlaquette = {
  secteur: 'Bresse-Dombes',
  telephone: '04 65 71 90 01',
  courriel: 'is-bresse-dombes@example.org',
  unites: [{ nom: 'Commissariat de Bourg-en-Bresse', commune: 'Bourg-en-Bresse' }, { nom: 'Brigade de Châtillon-sur-Chalaronne' }],
  permanences: [
    { lieu: 'CH Fleyriat', rythme: 'chaque mardi après-midi' },
    { lieu: 'Mairie de Villars-les-Dombes', rythme: 'un jeudi matin par mois' },
    { lieu: 'CAF de l’Ain', rythme: 'à préciser' },
  ],
  occurrences: [
    // Passée : écartée.
    { debut: new Date('2026-11-24T13:00:00Z'), fin: new Date('2026-11-24T16:00:00Z'), lieu: 'CH Fleyriat' },
    { debut: new Date('2026-12-08T13:00:00Z'), fin: new Date('2026-12-08T16:00:00Z'), lieu: 'CH Fleyriat' },
    { debut: new Date('2026-12-01T13:00:00Z'), fin: new Date('2026-12-01T16:00:00Z'), lieu: 'CH Fleyriat' },
    { debut: new Date('2026-12-03T08:00:00Z'), fin: new Date('2026-12-03T11:00:00Z'), lieu: 'Mairie de Villars-les-Dombes' },
    { debut: new Date('2026-12-15T13:00:00Z'), fin: new Date('2026-12-15T16:00:00Z'), lieu: 'CH Fleyriat' },
  ],
  // Le référentiel « numero-urgence » livré (9 numéros) : la plaquette doit tenir sur une page.
  urgences: referentiels['numero-urgence'].map((r) => ({ numero: r.numero, libelle: r.libelle, description: r.description })),
}


describe('plaquette PDF d’un poste d’intervenant social', () => {
  it('contient secteur, coordonnées, lieux, prochaines permanences, urgences et date de génération, sur deux pages au plus', async () => {
    const debut = performance.now()
    const octets = await plaquettePoste(donnees, { generation: GENERATION })
    const duree = performance.now() - debut
    expect(Buffer.from(octets.subarray(0, 5)).toString()).toBe('%PDF-')
    const pdf = await lire(octets)
    expect(pdf.pages, 'une page A4 avec les données du département').toBe(1)
    expect(pdf.titre).toBe('Intervenant social en commissariat et gendarmerie – Bresse-Dombes')
    expect(pdf.texte).toContain('Intervenant social en commissariat et gendarmerie – Bresse-Dombes')
    expect(pdf.texte).toContain('04 65 71 90 01')
    expect(pdf.texte).toContain('is-bresse-dombes@example.org')
    for (const p of donnees.permanences!) expect(pdf.texte).toContain(p.lieu)
    expect(pdf.texte).toContain('chaque mardi après-midi')
    // Les trois prochaines, dans l'ordre, à l'heure de Paris ; la passée et la quatrième n'y sont pas.
    expect(pdf.texte).toContain('mardi 1er décembre, 14 h – 17 h, CH Fleyriat')
    expect(pdf.texte).toContain('jeudi 3 décembre, 9 h – 12 h, Mairie de Villars-les-Dombes')
    expect(pdf.texte).toContain('mardi 8 décembre, 14 h – 17 h')
    expect(pdf.texte).not.toContain('24 novembre')
    expect(pdf.texte).not.toContain('15 décembre')
    expect(pdf.texte.indexOf('1er décembre')).toBeLessThan(pdf.texte.indexOf('3 décembre'))
    expect(pdf.texte).toContain('17 ou 112')
    expect(pdf.texte).toContain('3919')
    expect(pdf.texte).toContain('Plaquette générée le 26 novembre 2026')
    // Rôle, thèmes, saisine, confidentialité.
    expect(pdf.texte).toMatch(/libre adhésion/)
    expect(pdf.texte).toMatch(/ne participe|pas de participation aux enquêtes/)
    expect(pdf.texte).toContain('violences conjugales et intrafamiliales')
    expect(pdf.texte).toContain('FSI')
    expect(pdf.texte).toContain('messagerie institutionnelle officielle uniquement')
    console.info(`plaquette générée en ${duree.toFixed(0)} ms (${octets.length} octets)`)
  })

  it('tient sur deux pages même avec beaucoup de lieux, et dit « à préciser » sans permanence à venir', async () => {
    const beaucoup = await lire(
      await plaquettePoste(
        { ...donnees, permanences: Array.from({ length: 12 }, (_, i) => ({ lieu: `Lieu de permanence numéro ${i + 1}`, rythme: 'le 2e mercredi matin du mois' })) },
        { generation: GENERATION },
      ),
    )
    expect(beaucoup.pages).toBeLessThanOrEqual(2)
    const vide = await lire(await plaquettePoste({ secteur: 'Test', occurrences: [] }, { generation: GENERATION }))
    expect(vide.texte).toContain('à préciser')
    expect(vide.texte).toContain('17 ou 112')
  })

  it('refuse des données invalides à la frontière', async () => {
    expect(() => plaquettePoste({ secteur: '' } as DonneesPlaquette, { generation: GENERATION })).toThrow()
  })
})
