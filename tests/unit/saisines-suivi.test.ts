import { describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../../domaine/acces/roles'
import { erreursParChamp } from '../../domaine/saisines/schema'
import type { Changement } from '../../domaine/saisines/statuts'
import {
  changerStatutOrientation,
  CONNAISSANCES,
  dureeAccompagnementJours,
  nombreActes,
  schemaActe,
  schemaChangementOrientation,
  schemaOrientation,
  schemaSituationConnue,
  STATUTS_ORIENTATION,
  statutOrientationCourant,
  transitionOrientationPermise,
  TransitionOrientationRefusee,
  TRANSITIONS_ORIENTATION,
  TYPES_ACTE,
  type StatutOrientation,
} from '../../domaine/saisines/suivi'

// 3 décembre 2026, 11 h à Paris.
const maintenant = new Date('2026-12-03T10:00:00Z')
const intervenant = { id: 7, role: 'intervenant' as const }

function erreurs(schema: { safeParse: (d: unknown) => { success: boolean; error?: unknown } }, donnees: unknown) {
  const r = schema.safeParse(donnees)
  expect(r.success).toBe(false)
  return erreursParChamp(r.error as Parameters<typeof erreursParChamp>[0])
}

describe('actes de l’intervenant', () => {
  const schema = schemaActe({ maintenant })

  it('les six types de l’issue, codes en kebab-case, libellés français', () => {
    expect(Object.keys(TYPES_ACTE)).toEqual(['entretien', 'appel', 'visite-a-domicile', 'accompagnement-physique', 'demarche', 'fiche-de-liaison'])
    for (const code of Object.keys(TYPES_ACTE)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/)
    expect(TYPES_ACTE['visite-a-domicile']).toBe('Visite à domicile')
  })

  it('accepte un acte daté du jour, sans texte ou avec un texte nettoyé', () => {
    expect(schema.parse({ type: 'entretien', date: '2026-12-03' })).toEqual({ type: 'entretien', date: '2026-12-03' })
    expect(schema.parse({ type: 'appel', date: '2026-12-01', texte: '  Rappel prévu.  ' }).texte).toBe('Rappel prévu.')
  })

  it('refuse un type inconnu, une date future ou impossible, en nommant le champ', () => {
    expect(erreurs(schema, { type: 'courrier', date: '2026-12-03' }).type).toMatch(/^Type d’acte : choisissez parmi « Entretien »/)
    expect(erreurs(schema, { type: 'entretien', date: '2026-12-04' }).date).toBe('Date de l’acte : la date ne peut pas être dans le futur')
    expect(erreurs(schema, { type: 'entretien', date: '2026-02-29' }).date).toBe('Date de l’acte : date invalide (attendu AAAA-MM-JJ)')
    expect(erreurs(schema, { type: 'entretien', date: '03/12/2026' }).date).toBe('Date de l’acte : date invalide (attendu AAAA-MM-JJ)')
    expect(erreurs(schema, { type: 'entretien' }).date).toBe('Date de l’acte : date attendue (AAAA-MM-JJ)')
  })

  it('accepte le 29 février d’une année bissextile', () => {
    expect(schema.parse({ type: 'demarche', date: '2024-02-29' }).date).toBe('2024-02-29')
  })

  it('« aujourd’hui » est celui de Paris : à 0 h 30 le 4 (23 h 30 UTC le 3), un acte du 4 est accepté', () => {
    const minuitEtDemi = schemaActe({ maintenant: new Date('2026-12-03T23:30:00Z') })
    expect(minuitEtDemi.safeParse({ type: 'appel', date: '2026-12-04' }).success).toBe(true)
    // 23 h à Paris le 3 : le 4 est encore demain.
    const vingtTroisHeures = schemaActe({ maintenant: new Date('2026-12-03T22:00:00Z') })
    expect(vingtTroisHeures.safeParse({ type: 'appel', date: '2026-12-04' }).success).toBe(false)
  })

  it('refuse un texte de plus de 5 000 caractères et un champ inconnu', () => {
    expect(schema.safeParse({ type: 'entretien', date: '2026-12-03', texte: 'a'.repeat(5000) }).success).toBe(true)
    expect(erreurs(schema, { type: 'entretien', date: '2026-12-03', texte: 'a'.repeat(5001) }).texte).toBe('Compte rendu de l’acte : 5000 caractères au plus')
    expect(erreurs(schema, { type: 'entretien', date: '2026-12-03', auteur: 'Dupont' })._).toBe('Acte : champ inconnu (auteur)')
  })

  it('compte les actes, tous ou d’un type ; calculé, jamais saisi', () => {
    const actes = [{ type: 'entretien' }, { type: 'appel' }, { type: 'entretien' }] as const
    expect(nombreActes(actes)).toBe(3)
    expect(nombreActes(actes, 'entretien')).toBe(2)
    expect(nombreActes(actes, 'fiche-de-liaison')).toBe(0)
    expect(nombreActes([])).toBe(0)
  })
})

describe('orientations vers les services de l’annuaire', () => {
  const statuts = Object.keys(STATUTS_ORIENTATION) as StatutOrientation[]
  const roles = Object.keys(ROLES) as Role[]

  it('proposée → acceptée → réalisée, chaque changement daté et attribué', () => {
    expect(statutOrientationCourant([])).toBe('proposee')
    let h = changerStatutOrientation([], 'acceptee', intervenant, new Date('2026-12-01T09:00:00Z'))
    h = changerStatutOrientation(h, 'realisee', intervenant, new Date('2026-12-02T15:30:00Z'))
    expect(h).toEqual([
      { de: 'proposee', vers: 'acceptee', le: '2026-12-01T09:00:00.000Z', par: 7 },
      { de: 'acceptee', vers: 'realisee', le: '2026-12-02T15:30:00.000Z', par: 7 },
    ])
    expect(statutOrientationCourant(h)).toBe('realisee')
    for (const c of h) expect(schemaChangementOrientation.parse(c)).toEqual(c)
  })

  it('la table exacte : refusée et réalisée sont terminales', () => {
    const permises = statuts.flatMap((de) => statuts.filter((vers) => transitionOrientationPermise(de, vers, 'intervenant')).map((vers) => `${de}→${vers}`))
    expect(permises.sort()).toEqual(['acceptee→realisee', 'acceptee→refusee', 'proposee→acceptee', 'proposee→refusee'])
    expect(TRANSITIONS_ORIENTATION.refusee).toEqual([])
    expect(TRANSITIONS_ORIENTATION.realisee).toEqual([])
  })

  it('refuse une transition absente de la table, avec un message qui nomme le champ', () => {
    expect(() => changerStatutOrientation([], 'realisee', intervenant, maintenant)).toThrow(TransitionOrientationRefusee)
    expect(() => changerStatutOrientation([], 'realisee', intervenant, maintenant)).toThrow(
      'Statut de l’orientation : passer de « Proposée » à « Réalisée » n’est pas permis',
    )
    const refusee = changerStatutOrientation([], 'refusee', intervenant, maintenant)
    for (const vers of statuts) expect(() => changerStatutOrientation(refusee, vers, intervenant, maintenant)).toThrow(TransitionOrientationRefusee)
    // L'historique reçu n'est jamais modifié.
    expect(refusee).toHaveLength(1)
  })

  it('seul l’intervenant change le statut d’une orientation', () => {
    for (const role of roles)
      for (const de of statuts)
        for (const vers of statuts)
          expect(transitionOrientationPermise(de, vers, role)).toBe(role === 'intervenant' && TRANSITIONS_ORIENTATION[de].includes(vers))
    expect(() => changerStatutOrientation([], 'acceptee', { id: 1, role: 'coordination' }, maintenant)).toThrow(TransitionOrientationRefusee)
  })

  it('schéma : structure obligatoire, service facultatif, date passée, commentaire borné, champ inconnu refusé', () => {
    const schema = schemaOrientation({ maintenant })
    expect(schema.parse({ structure: 'cidff-ain', service: 12, date: '2026-12-03' })).toEqual({ structure: 'cidff-ain', service: 12, date: '2026-12-03' })
    expect(erreurs(schema, { date: '2026-12-03' }).structure).toBe('Structure : identifiant attendu')
    expect(erreurs(schema, { structure: 'cidff-ain', service: '', date: '2026-12-03' }).service).toBe('Service : identifiant attendu')
    expect(erreurs(schema, { structure: 'cidff-ain', date: '2026-12-05' }).date).toBe('Date de l’orientation : la date ne peut pas être dans le futur')
    expect(schema.safeParse({ structure: 1, date: '2026-12-03', commentaire: 'é'.repeat(2000) }).success).toBe(true)
    expect(erreurs(schema, { structure: 1, date: '2026-12-03', commentaire: 'é'.repeat(2001) }).commentaire).toBe(
      'Commentaire de l’orientation : 2000 caractères au plus',
    )
    expect(erreurs(schema, { structure: 1, date: '2026-12-03', statut: 'realisee' })._).toBe('Orientation : champ inconnu (statut)')
  })
})

describe('situation déjà connue du Département et de la CAF', () => {
  it('oui, non ou inconnu pour chacune des deux questions', () => {
    expect(Object.keys(CONNAISSANCES)).toEqual(['oui', 'non', 'inconnu'])
    expect(schemaSituationConnue.parse({ connueDuDepartement: 'oui', connueDeLaCaf: 'inconnu' })).toEqual({ connueDuDepartement: 'oui', connueDeLaCaf: 'inconnu' })
    const e = erreurs(schemaSituationConnue, { connueDuDepartement: 'peut-etre' })
    expect(e.connueDuDepartement).toBe('Situation déjà connue des services du Département : choisissez parmi « Oui », « Non », « Ne sait pas »')
    expect(e.connueDeLaCaf).toMatch(/^Situation déjà connue de la CAF : /)
    expect(erreurs(schemaSituationConnue, { connueDuDepartement: 'oui', connueDeLaCaf: 'non', connueMsa: 'non' })._).toBe(
      'Situation déjà connue : champ inconnu (connueMsa)',
    )
  })
})

describe('durée d’accompagnement', () => {
  const passage = (vers: Changement['vers'], le: string, de: Changement['de'] = null): Changement => ({ de, vers, le, par: 7 })

  it('null si la saisine n’a jamais été prise en charge', () => {
    expect(dureeAccompagnementJours([], maintenant)).toBeNull()
    expect(dureeAccompagnementJours([passage('cloturee', '2026-11-02T10:00:00Z', 'recue')], maintenant)).toBeNull()
  })

  it('de la prise en charge à la clôture, en jours calendaires', () => {
    const h = [
      passage('prise-en-charge', '2026-11-02T09:00:00Z', 'recue'),
      passage('contactee', '2026-11-03T09:00:00Z'),
      passage('cloturee', '2026-11-20T16:00:00Z'),
    ]
    expect(dureeAccompagnementJours(h, maintenant)).toBe(18)
    // Le même jour : 0.
    expect(dureeAccompagnementJours([passage('prise-en-charge', '2026-12-03T08:00:00Z')], maintenant)).toBe(0)
  })

  it('jusqu’à maintenant si la saisine n’est pas clôturée', () => {
    expect(dureeAccompagnementJours([passage('prise-en-charge', '2026-11-30T09:00:00Z', 'recue')], maintenant)).toBe(3)
  })

  it('compte les jours de Paris : 23 h 30 → 0 h 30 fait un jour, pas zéro', () => {
    // 2 décembre 23 h 30 à Paris (22 h 30 UTC) → 3 décembre 0 h 30 à Paris (23 h 30 UTC le 2).
    const h = [passage('prise-en-charge', '2026-12-02T22:30:00Z'), passage('cloturee', '2026-12-02T23:30:00Z')]
    expect(dureeAccompagnementJours(h, maintenant)).toBe(1)
    // Et 1 h du matin à Paris le 3 puis 23 h le 3 : le même jour, bien que 22 h séparent les deux.
    expect(dureeAccompagnementJours([passage('prise-en-charge', '2026-12-03T00:00:00Z'), passage('cloturee', '2026-12-03T22:00:00Z')], maintenant)).toBe(0)
  })

  it('traverse le 29 février et le passage à l’heure d’été sans perdre de jour', () => {
    const bissextile = [passage('prise-en-charge', '2024-02-28T10:00:00Z'), passage('cloturee', '2024-03-01T10:00:00Z')]
    expect(dureeAccompagnementJours(bissextile, maintenant)).toBe(2)
    // Le 31 mars 2024 dure 23 h à Paris.
    const ete = [passage('prise-en-charge', '2024-03-30T23:30:00Z'), passage('cloturee', '2024-04-01T22:30:00Z')]
    expect(dureeAccompagnementJours(ete, maintenant)).toBe(2)
  })

  it('à une date de référence (fin de trimestre) : les passages postérieurs sont ignorés', () => {
    const h = [passage('prise-en-charge', '2026-03-20T09:00:00Z', 'recue'), passage('cloturee', '2026-04-10T09:00:00Z')]
    // Bilan du premier trimestre (31 mars, 23 h 59 à Paris) : en cours, 11 jours.
    expect(dureeAccompagnementJours(h, new Date('2026-03-31T21:59:00Z'))).toBe(11)
    // Bilan du deuxième : la durée entière.
    expect(dureeAccompagnementJours(h, new Date('2026-06-30T21:59:00Z'))).toBe(21)
    // Avant la prise en charge : pas encore accompagnée.
    expect(dureeAccompagnementJours(h, new Date('2026-03-01T00:00:00Z'))).toBeNull()
  })
})
