import { describe, expect, it } from 'vitest'

import { type DonneesPersonne, exportPersonne, FORMAT_EXPORT_PERSONNE, schemaExportPersonne } from '../../domaine/saisines/export-personne'
import { pdfExportPersonne } from '../../domaine/saisines/export-personne-pdf'
import { lirePdf as lire } from '../outils/pdf'

// 3 décembre 2026, 11 h à Paris.
const maintenant = new Date('2026-12-03T10:00:00Z')

const donnees = (): DonneesPersonne & { saisines: Record<string, unknown>[] } => ({
  personne: { nom: 'Lefèvre', prenom: 'Anaïs', dateNaissance: '1988-02-29' },
  saisines: [
    {
      id: 58,
      date: '2026-11-20',
      mode: 'portail',
      nature: 'directe',
      origine: 'fsi-intervention',
      unite: 'Brigade de gendarmerie de Nantua',
      urgence: true,
      profil: 'victime',
      problematique: 'violences-conjugales',
      identite: { nom: 'Lefèvre', prenom: 'Anaïs', dateNaissance: '1988-02-29', sexe: 'femme', situationFamiliale: 'separe', commune: '01269', telephone: '06 12 34 56 78' },
      ditALaPersonne: 'Un intervenant social vous appellera cette semaine.',
      accepteContact: 'oui',
      texteLibre: 'Intervention au domicile après un appel au 17.',
      historique: [
        { de: 'recue', vers: 'prise-en-charge', le: '2026-11-21T08:00:00Z', par: 7 },
        { de: 'prise-en-charge', vers: 'contactee', le: '2026-11-21T09:00:00Z', par: 7 },
        { de: 'contactee', vers: 'accompagnement', le: '2026-11-22T09:00:00Z', par: 7 },
      ],
      situationConnue: { connueDuDepartement: 'non', connueDeLaCaf: 'inconnu' },
      actes: [
        { type: 'visite-a-domicile', chiffreAvec: 'cle-2026', date: '2026-11-25', texte: 'Visite avec l’accord de Mme Lefèvre ; point sur le logement.' },
        { type: 'entretien', date: '2026-11-21', texte: 'Premier entretien au commissariat.' },
        { type: 'appel', date: '2026-11-23' },
      ],
      orientations: [
        {
          structure: 'CIDFF de l’Ain',
          service: 'Permanence juridique',
          date: '2026-11-26',
          commentaire: 'Rendez-vous pris pour le 2 décembre.',
          auteur: 7,
          historique: [{ de: 'proposee', vers: 'acceptee', le: '2026-11-27T10:00:00Z', par: 7 }],
        },
      ],
      signalements: [{ article: '223-6', date: '2026-11-24', destinataire: 'procureur', texte: 'Transmission au parquet de Bourg-en-Bresse.' }],
      retoursArticle4: [{ type: 'degradation', le: '2026-11-28T15:00:00Z', par: 7 }],
      // Ce que le service pourrait laisser passer : rien de cela ne sort.
      clePersonne: 'a'.repeat(64),
      poste: 'poste-haut-bugey',
      agent: 12,
    },
    {
      id: 12,
      date: '2023-06-02',
      mode: 'telephone',
      profil: 'detresse',
      problematique: 'logement-hebergement',
      historique: [
        { de: 'recue', vers: 'prise-en-charge', le: '2023-06-02T08:00:00Z', par: 3 },
        { de: 'prise-en-charge', vers: 'refus', le: '2023-06-05T08:00:00Z', par: 3 },
        { de: 'refus', vers: 'cloturee', le: '2023-06-30T08:00:00Z', par: 3 },
      ],
      donneesEffaceesLe: '2025-07-01T02:00:00Z',
    },
  ],
})


describe('droit d’accès : export JSON', () => {
  const e = exportPersonne(donnees(), { maintenant })

  it('est versionné, daté, et valide son propre schéma de sortie', () => {
    expect(e.format).toBe('passerelle/acces-personne/v1')
    expect(FORMAT_EXPORT_PERSONNE).toBe(e.format)
    expect(e.genereLe).toBe('2026-12-03T10:00:00.000Z')
    expect(e.personne).toEqual({ nom: 'Lefèvre', prenom: 'Anaïs', dateNaissance: '1988-02-29' })
    expect(schemaExportPersonne.parse(JSON.parse(JSON.stringify(e)))).toEqual(e)
  })

  it('range saisines, actes et orientations par date, et calcule statut, durée et nombre d’actes', () => {
    expect(e.saisines.map((s) => s.id)).toEqual([12, 58])
    const [ancienne, recente] = e.saisines
    expect(recente!.statut).toBe('accompagnement')
    expect(recente!.actes.map((a) => a.date)).toEqual(['2026-11-21', '2026-11-23', '2026-11-25'])
    expect(recente!.nombreActes).toBe(3)
    // Prise en charge le 21 novembre, en cours le 3 décembre.
    expect(recente!.dureeAccompagnementJours).toBe(12)
    expect(recente!.orientations[0]).toMatchObject({ structure: 'CIDFF de l’Ain', statut: 'acceptee', historique: [{ statut: 'acceptee', le: '2026-11-27T10:00:00Z' }] })
    expect(recente!.retours).toEqual([{ type: 'degradation', le: '2026-11-28T15:00:00Z' }])
    expect(ancienne).toMatchObject({ statut: 'cloturee', dureeAccompagnementJours: 28, nombreActes: 0, donneesEffaceesLe: '2025-07-01T02:00:00Z' })
    expect(ancienne).not.toHaveProperty('identite')
  })

  it('ne laisse sortir ni les comptes qui ont agi, ni la clé pseudonyme, ni le poste, ni l’agent', () => {
    const json = JSON.stringify(e)
    expect(json).not.toContain('"par"')
    expect(json).not.toContain('clePersonne')
    expect(json).not.toContain('a'.repeat(64))
    expect(json).not.toContain('poste-haut-bugey')
    expect(json).not.toContain('"agent"')
    expect(json).not.toContain('auteur')
    expect(json).not.toContain('chiffreAvec')
  })

  it('refuse une donnée incohérente plutôt que d’exporter n’importe quoi', () => {
    const d = donnees()
    const premiere: Record<string, unknown> = d.saisines[0]!
    premiere.historique = [{ de: 'recue', vers: 'archivee', le: '2026-11-21T08:00:00Z', par: 7 }]
    expect(() => exportPersonne(d, { maintenant })).toThrow(/Nouveau statut : statut inconnu/)
    const sansNom = donnees()
    sansNom.personne.nom = ''
    expect(() => exportPersonne(sansNom, { maintenant })).toThrow(/personne/)
  })

  it('le schéma de sortie refuse un champ inconnu', () => {
    expect(schemaExportPersonne.safeParse({ ...e, poste: 'poste-haut-bugey' }).success).toBe(false)
    expect(schemaExportPersonne.safeParse({ ...e, saisines: [{ ...e.saisines[0]!, clePersonne: 'x' }] }).success).toBe(false)
    expect(schemaExportPersonne.safeParse({ ...e, format: 'passerelle/acces-personne/v2' }).success).toBe(false)
  })
})

describe('droit d’accès : PDF lisible', () => {
  it('contient le nom, les actes, les orientations, les signalements et les retours, en français', async () => {
    const octets = await pdfExportPersonne(exportPersonne(donnees(), { maintenant }))
    expect(Buffer.from(octets.subarray(0, 5)).toString()).toBe('%PDF-')
    const pdf = await lire(octets)
    expect(pdf.texte).toContain('Lefèvre Anaïs')
    expect(pdf.texte).toContain('Date de naissance : lundi 29 février 1988')
    expect(pdf.texte).toContain('Document établi le 3 décembre 2026')
    expect(pdf.texte).toContain('Saisine du vendredi 20 novembre 2026 (référence 58)')
    expect(pdf.texte).toContain('samedi 21 novembre 2026 – Entretien : Premier entretien au commissariat.')
    expect(pdf.texte).toContain('mercredi 25 novembre 2026 – Visite à domicile : Visite avec l’accord de Mme Lefèvre')
    expect(pdf.texte).toContain('lundi 23 novembre 2026 – Appel téléphonique')
    expect(pdf.texte).toContain('CIDFF de l’Ain (Permanence juridique) : acceptée')
    expect(pdf.texte).toContain('Article 223-6 du code pénal')
    expect(pdf.texte).toContain('destinataire : Procureur de la République')
    expect(pdf.texte).toContain('Dégradation de la situation ou nouveau passage à l’acte')
    expect(pdf.texte).toContain('Commune de résidence : Nantua')
    expect(pdf.texte).toContain('Problématique principale : Violences conjugales')
    expect(pdf.texte).toContain('Problématique principale : Logement, hébergement')
    expect(pdf.texte).toContain('Situation déjà connue de la CAF : Ne sait pas')
    expect(pdf.texte).toContain('Durée d’accompagnement : 12 jours')
    // Heure de Paris : 8 h UTC le 21 novembre, 9 h à Paris.
    expect(pdf.texte).toContain('samedi 21 novembre 2026, 9 h : Prise en charge')
    // La saisine effacée le dit, et n'a plus d'identité.
    expect(pdf.texte).toMatch(/Données personnelles effacées le mardi 1er juillet 2025, 4 h/)
    expect(pdf.texte.indexOf('référence 12')).toBeLessThan(pdf.texte.indexOf('référence 58'))
    expect(pdf.texte).toMatch(/Page 1 \/ \d/)
    // Les métadonnées ne nomment pas la personne.
    expect(pdf.titre).toBe('Données personnelles détenues par Passerelle')
  })

  it('tient sur plusieurs pages quand le suivi est long, et dit « aucune saisine » quand il n’y en a pas', async () => {
    const d = donnees()
    d.saisines[0]!.actes = Array.from({ length: 120 }, (_, i) => ({ type: 'appel', date: '2026-11-30', texte: `Appel numéro ${i + 1}, message laissé.` }))
    const long = await lire(await pdfExportPersonne(exportPersonne(d, { maintenant })))
    expect(long.pages).toBeGreaterThan(1)
    expect(long.texte).toContain('Appel numéro 120, message laissé.')
    expect(long.texte).toContain(`Page ${long.pages} / ${long.pages}`)
    const vide = await lire(await pdfExportPersonne(exportPersonne({ personne: { nom: 'Durand', prenom: 'Léo' }, saisines: [] }, { maintenant })))
    expect(vide.texte).toContain('Durand Léo')
    expect(vide.texte).toContain('aucune saisine ne concerne cette personne')
  })
})
