import { describe, expect, it } from 'vitest'

import {
  DOMAINES_PAR_DEFAUT,
  DUREE_INVITATION_MS,
  echeanceInvitation,
  etatInvitation,
  rattachementDuRole,
  verifierAdresseInvitee,
  type DomainesParRole,
} from '../../domaine/acces/invitations'
import { empreinteJeton, genererJeton } from '../../domaine/acces/sessions'

/** Règles des invitations : domaines permis par rôle, 72 heures, usage unique, jeton dont seule l'empreinte est gardée. */
describe('invitations', () => {
  it('les agents FSI sont invités sur interieur.gouv.fr ou gendarmerie.interieur.gouv.fr, adresse comparée sans la casse', () => {
    expect(verifierAdresseInvitee('prenom.nom@interieur.gouv.fr', 'agent-fsi')).toEqual({ ok: true })
    expect(verifierAdresseInvitee('  Prenom.Nom@Gendarmerie.Interieur.gouv.fr ', 'agent-fsi')).toEqual({ ok: true })
  })

  it('un autre domaine est refusé avec la raison et la liste des domaines permis', () => {
    expect(verifierAdresseInvitee('agent@gmail.com', 'agent-fsi')).toEqual({
      ok: false,
      message: 'L’adresse agent@gmail.com n’est pas dans un domaine autorisé pour le rôle agent FSI : interieur.gouv.fr, gendarmerie.interieur.gouv.fr.',
    })
  })

  it('comparaison exacte : ni sous-domaine, ni domaine qui finit pareil', () => {
    expect(verifierAdresseInvitee('a@faux.interieur.gouv.fr', 'agent-fsi').ok).toBe(false)
    expect(verifierAdresseInvitee('a@pasinterieur.gouv.fr', 'agent-fsi').ok).toBe(false)
    expect(verifierAdresseInvitee('a@interieur.gouv.fr.example.org', 'agent-fsi').ok).toBe(false)
  })

  it('les autres rôles : tout domaine par défaut, la liste configurée sinon', () => {
    for (const role of ['intervenant', 'operateur', 'coordination', 'financeur'] as const)
      expect(verifierAdresseInvitee('personne@association.example', role)).toEqual({ ok: true })
    const domaines: DomainesParRole = { ...DOMAINES_PAR_DEFAUT, intervenant: ['adsea01.org'] }
    expect(verifierAdresseInvitee('is@adsea01.org', 'intervenant', domaines)).toEqual({ ok: true })
    expect(verifierAdresseInvitee('is@gmail.com', 'intervenant', domaines)).toEqual({
      ok: false,
      message: 'L’adresse is@gmail.com n’est pas dans un domaine autorisé pour le rôle intervenant social : adsea01.org.',
    })
  })

  it('une adresse mal formée est refusée en nommant le champ', () => {
    for (const adresse of ['', 'sans-arobase', 'a@b', 'a b@interieur.gouv.fr', '@interieur.gouv.fr'])
      expect(verifierAdresseInvitee(adresse, 'financeur')).toMatchObject({ ok: false, message: expect.stringMatching(/^Adresse électronique : /) })
  })

  it('72 heures de validité, à la milliseconde près', () => {
    const envoi = new Date('2026-12-03T14:00:00Z')
    const expireLe = echeanceInvitation(envoi)
    expect(expireLe.toISOString()).toBe('2026-12-06T14:00:00.000Z')
    expect(DUREE_INVITATION_MS).toBe(259_200_000)
    expect(etatInvitation({ expireLe }, new Date(expireLe.getTime() - 1))).toBe('valide')
    expect(etatInvitation({ expireLe: expireLe.toISOString() }, expireLe)).toBe('expiree')
    expect(etatInvitation({ expireLe: null }, envoi)).toBe('expiree')
  })

  it('usage unique : une invitation utilisée le reste, même annulée ou échue ensuite', () => {
    const expireLe = '2026-12-06T14:00:00.000Z'
    const avant = new Date('2026-12-04T00:00:00Z')
    expect(etatInvitation({ expireLe, utiliseeLe: '2026-12-03T15:00:00Z' }, avant)).toBe('utilisee')
    expect(etatInvitation({ expireLe, utiliseeLe: '2026-12-03T15:00:00Z', annuleeLe: '2026-12-03T16:00:00Z' }, new Date('2027-01-01'))).toBe('utilisee')
    expect(etatInvitation({ expireLe, annuleeLe: '2026-12-03T16:00:00Z' }, avant)).toBe('annulee')
  })

  it('rattachement : unité pour l’agent FSI, poste pour l’intervenant, aucun sinon', () => {
    expect(rattachementDuRole('agent-fsi')).toBe('site')
    expect(rattachementDuRole('intervenant')).toBe('poste')
    expect(rattachementDuRole('coordination')).toBeNull()
  })

  it('jeton : 160 bits en base32 minuscule, jamais deux fois le même ; empreinte SHA-256 hexadécimale', () => {
    const jetons = new Set(Array.from({ length: 1000 }, genererJeton))
    expect(jetons.size).toBe(1000)
    for (const jeton of jetons) expect(jeton).toMatch(/^[a-z2-7]{32}$/)
    // Vecteur connu : SHA-256 de « abc ».
    expect(empreinteJeton('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
