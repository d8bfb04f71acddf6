import { describe, expect, it } from 'vitest'

import { erreursParChamp } from '../../domaine/saisines/schema'
import {
  ARTICLES_SIGNALEMENT,
  DESTINATAIRES_SIGNALEMENT,
  destinataireEnMots,
  schemaSignalement,
} from '../../domaine/saisines/signalements'

const maintenant = new Date('2026-12-03T10:00:00Z')
const schema = schemaSignalement({ maintenant })
const valide = { article: '226-14', date: '2026-12-02', destinataire: 'procureur', texte: 'Signalement adressé au parquet de Bourg-en-Bresse.' }

function erreurs(donnees: unknown) {
  const r = schema.safeParse(donnees)
  expect(r.success).toBe(false)
  return r.success ? {} : erreursParChamp(r.error)
}

describe('signalements à l’autorité judiciaire', () => {
  it('les deux articles du cahier, et le procureur de la République comme destinataire', () => {
    expect(Object.keys(ARTICLES_SIGNALEMENT)).toEqual(['226-14', '223-6'])
    expect(ARTICLES_SIGNALEMENT['223-6']).toMatch(/assistance à personne en danger ou en péril/)
    expect(Object.keys(DESTINATAIRES_SIGNALEMENT)).toEqual(['procureur', 'autre'])
  })

  it('accepte un signalement complet', () => {
    expect(schema.parse(valide)).toEqual(valide)
    expect(destinataireEnMots(schema.parse(valide))).toBe('Procureur de la République')
  })

  it('« autre » exige une précision ; la précision sans « autre » est refusée', () => {
    expect(erreurs({ ...valide, destinataire: 'autre' }).precisionDestinataire).toBe(
      'Précision du destinataire : obligatoire quand le destinataire est « autre »',
    )
    expect(erreurs({ ...valide, destinataire: 'autre', precisionDestinataire: '   ' }).precisionDestinataire).toMatch(/obligatoire/)
    const autre = schema.parse({ ...valide, destinataire: 'autre', precisionDestinataire: ' Juge des enfants ' })
    expect(destinataireEnMots(autre)).toBe('Juge des enfants')
    expect(erreurs({ ...valide, precisionDestinataire: 'Juge des enfants' }).precisionDestinataire).toBe(
      'Précision du destinataire : seulement quand le destinataire est « autre »',
    )
    // Une précision vide envoyée par le formulaire avec « procureur » ne gêne pas, et ne reste pas.
    expect(schema.parse({ ...valide, precisionDestinataire: '' })).not.toHaveProperty('precisionDestinataire')
  })

  it('refuse article inconnu, date future (à Paris), texte trop long, champ inconnu, en nommant le champ', () => {
    expect(erreurs({ ...valide, article: '434-3' }).article).toMatch(/^Article du code pénal : choisissez parmi « Article 226-14/)
    expect(erreurs({ ...valide, destinataire: 'crip' }).destinataire).toMatch(/^Destinataire du signalement : choisissez parmi/)
    expect(erreurs({ ...valide, date: '2026-12-04' }).date).toBe('Date du signalement : la date ne peut pas être dans le futur')
    expect(schemaSignalement({ maintenant: new Date('2026-12-03T23:05:00Z') }).safeParse({ ...valide, date: '2026-12-04' }).success).toBe(true)
    expect(erreurs({ ...valide, date: '2025-02-29' }).date).toBe('Date du signalement : date invalide (attendu AAAA-MM-JJ)')
    expect(schema.safeParse({ ...valide, date: '2024-02-29' }).success).toBe(true)
    expect(erreurs({ ...valide, texte: 'x'.repeat(5001) }).texte).toBe('Texte du signalement : 5000 caractères au plus')
    expect(erreurs({ ...valide, agent: 12 })._).toBe('Signalement : champ inconnu (agent)')
  })
})
