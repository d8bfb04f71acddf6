import { describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../../domaine/acces/roles'
import {
  changerStatut,
  operationPermise,
  schemaChangement,
  STATUTS,
  statutCourant,
  transitionPermise,
  TransitionRefusee,
  TRANSITIONS,
  type Operation,
  type SaisineVisee,
  type Statut,
} from '../../domaine/saisines/statuts'

const statuts = Object.keys(STATUTS) as Statut[]
const roles = Object.keys(ROLES) as Role[]
const intervenant = { id: 7, role: 'intervenant' as const, poste: 'poste-gex' }

describe('cycle de vie d’une saisine', () => {
  it('le chemin de l’issue va de « reçue » à « clôturée » pour l’intervenant', () => {
    let h = changerStatut([], 'prise-en-charge', intervenant, new Date('2026-12-01T09:00:00Z'))
    for (const vers of ['contactee', 'accompagnement', 'orientee', 'cloturee'] as const) h = changerStatut(h, vers, intervenant, new Date('2026-12-02T09:00:00Z'))
    expect(statutCourant(h)).toBe('cloturee')
    expect(h[0]).toEqual({ de: 'recue', vers: 'prise-en-charge', le: '2026-12-01T09:00:00.000Z', par: 7 })
    expect(h.map((c) => c.vers)).toEqual(['prise-en-charge', 'contactee', 'accompagnement', 'orientee', 'cloturee'])
  })

  it('refuse les transitions absentes de la table, avec un message en français', () => {
    expect(() => changerStatut([], 'orientee', intervenant, new Date())).toThrow(TransitionRefusee)
    expect(() => changerStatut([], 'orientee', intervenant, new Date())).toThrow('Statut : passer de « Reçue » à « Orientée » n’est pas permis')
    expect(transitionPermise('cloturee', 'accompagnement', 'intervenant')).toBe(false)
    expect(transitionPermise('prise-en-charge', 'recue', 'intervenant')).toBe(false)
    expect(transitionPermise('recue', 'contactee', 'intervenant')).toBe(false)
  })

  it('« clôturée » est terminal ; on ne revient jamais à « reçue » ; chaque statut est atteignable', () => {
    expect(TRANSITIONS.cloturee).toEqual([])
    // Seule « à trier » (synthèse du GGD) mène à « reçue » : c'est la validation au tri, pas un retour en arrière.
    for (const de of statuts) if (de !== 'a-trier') expect(TRANSITIONS[de]).not.toContain('recue')
    for (const de of statuts) expect(TRANSITIONS[de]).not.toContain('a-trier')
    const atteints = new Set<Statut>(['recue', 'a-trier'])
    for (let i = 0; i < statuts.length; i++) for (const de of [...atteints]) for (const v of TRANSITIONS[de]) atteints.add(v)
    expect([...atteints].sort()).toEqual([...statuts].sort())
  })

  it('une saisine « à trier » se valide (reçue, prise en charge) ou s’écarte ; « écartée » est terminal', () => {
    const importee = [{ de: null, vers: 'a-trier' as const, le: '2026-12-01T09:00:00.000Z', par: 7 }]
    expect(statutCourant(importee)).toBe('a-trier')
    expect(statutCourant(changerStatut(importee, 'recue', intervenant, new Date()))).toBe('recue')
    expect(statutCourant(changerStatut(importee, 'prise-en-charge', intervenant, new Date()))).toBe('prise-en-charge')
    const ecartee = changerStatut(importee, 'ecartee', intervenant, new Date())
    expect(TRANSITIONS.ecartee).toEqual([])
    expect(() => changerStatut(ecartee, 'recue', intervenant, new Date())).toThrow('Statut : passer de « Écartée au tri » à « Reçue » n’est pas permis')
    expect(() => changerStatut(importee, 'contactee', intervenant, new Date())).toThrow(TransitionRefusee)
  })

  it('seul l’intervenant change un statut : aucun autre rôle, pour aucune transition', () => {
    for (const role of roles)
      for (const de of statuts)
        for (const vers of statuts) expect(transitionPermise(de, vers, role)).toBe(role === 'intervenant' && TRANSITIONS[de].includes(vers))
    expect(() => changerStatut([], 'prise-en-charge', { id: 3, role: 'agent-fsi' }, new Date())).toThrow(TransitionRefusee)
  })
})

describe('qui peut faire quoi sur une saisine', () => {
  const saisine = { auteur: 42, poste: 'poste-gex' }
  const operations: Operation[] = ['deposer', 'importer-synthese', 'voir-retour', 'voir-contenu', 'traiter', 'voir-signalements', 'exporter-personne']
  const permises = (acteur: Parameters<typeof operationPermise>[0], s: SaisineVisee = saisine) => operations.filter((o) => operationPermise(acteur, o, s))

  it('l’agent FSI dépose, et voit le retour de SES saisines seulement, jamais le contenu', () => {
    expect(permises({ id: 42, role: 'agent-fsi' })).toEqual(['deposer', 'voir-retour'])
    expect(permises({ id: '42', role: 'agent-fsi' })).toEqual(['deposer', 'voir-retour'])
    expect(permises({ id: 43, role: 'agent-fsi' })).toEqual(['deposer'])
    expect(permises({ id: 42, role: 'agent-fsi' }, { auteur: null, poste: 'poste-gex' })).toEqual(['deposer'])
  })

  it('l’intervenant fait tout sur les saisines de son poste, rien sur celles d’un autre poste', () => {
    // Le droit d'accès d'une personne est la réponse du responsable du traitement (coordination), pas de l'intervenant.
    expect(permises(intervenant)).toEqual(['deposer', 'importer-synthese', 'voir-retour', 'voir-contenu', 'traiter', 'voir-signalements'])
    expect(permises({ ...intervenant, poste: 'poste-bourg' })).toEqual([])
    expect(permises({ ...intervenant, poste: null }, { auteur: 1, poste: null })).toEqual([])
  })

  it('la coordination voit les signalements, répond au droit d’accès et importe la synthèse du GGD pour tout le département, jamais le contenu ; opérateur, financeur, anonyme, compte suspendu : rien', () => {
    expect(permises({ id: 1, role: 'coordination' })).toEqual(['importer-synthese', 'voir-signalements', 'exporter-personne'])
    expect(permises({ id: 1, role: 'coordination' }, { poste: null })).toEqual(['importer-synthese', 'voir-signalements', 'exporter-personne'])
    expect(permises({ id: 1, role: 'operateur' })).toEqual([])
    expect(permises({ id: 1, role: 'financeur' })).toEqual([])
    expect(permises(null)).toEqual([])
    expect(permises({ ...intervenant, suspendu: true })).toEqual([])
    expect(permises({ id: 42, role: 'agent-fsi', suspendu: true })).toEqual([])
  })
})

describe('schéma d’un changement de statut', () => {
  it('relit un changement produit par changerStatut, refuse un statut inconnu ou une date libre', () => {
    const [c] = changerStatut([], 'prise-en-charge', intervenant, new Date('2026-12-01T09:00:00Z'))
    expect(schemaChangement.parse(c)).toEqual(c)
    expect(schemaChangement.safeParse({ ...c, vers: 'archivee' }).error?.issues[0]?.message).toBe('Nouveau statut : statut inconnu')
    expect(schemaChangement.safeParse({ ...c, le: 'hier' }).error?.issues[0]?.message).toBe('Date du changement : date et heure ISO attendues')
  })
})
