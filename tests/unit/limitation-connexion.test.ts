import { describe, expect, it } from 'vitest'

import { LimiteurConnexion, messageAttente, REGLES_PAR_DEFAUT, type ReglesLimitation } from '../../domaine/acces/limitation-connexion'

/** Horloge manuelle : les délais se vérifient sans attendre. */
function limiteur(regles: Partial<ReglesLimitation> = {}) {
  let maintenant = Date.UTC(2026, 11, 3, 9)
  const l = new LimiteurConnexion({ ...REGLES_PAR_DEFAUT, essaisLibres: 3, delaiInitialMs: 1_000, plafondParAdresse: 10, ...regles }, () => maintenant)
  return { l, avancer: (ms: number) => (maintenant += ms) }
}

const OPERATEUR = 'operateur@example.org'

describe('limitation des connexions', () => {
  it('laisse quelques essais libres, puis impose un délai qui double à chaque échec', () => {
    const { l, avancer } = limiteur()
    for (let i = 0; i < 3; i++) expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: true })
    expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: false, attendreMs: 1_000 })
    avancer(1_000)
    expect(l.essayer(OPERATEUR, '10.0.0.9').autorise).toBe(true)
    expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: false, attendreMs: 2_000 })
    avancer(2_000)
    expect(l.essayer(OPERATEUR, '10.0.0.9').autorise).toBe(true)
    expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: false, attendreMs: 4_000 })
  })

  it('plafonne le délai', () => {
    const { l, avancer } = limiteur({ delaiMaximalMs: 5_000, plafondParAdresse: 1_000 })
    for (let i = 0; i < 20; i++) {
      avancer(5_000)
      expect(l.essayer(OPERATEUR, '10.0.0.9').autorise).toBe(true)
    }
    expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: false, attendreMs: 5_000 })
  })

  it("les échecs d'une autre adresse ne retardent pas l'opérateur sur son poste", () => {
    const { l } = limiteur({ plafondParAdresse: 1_000 })
    for (let i = 0; i < 50; i++) l.essayer(OPERATEUR, '10.6.6.6')
    expect(l.essayer(OPERATEUR, '10.6.6.6').autorise).toBe(false)
    expect(l.essayer(OPERATEUR, '10.0.0.9')).toEqual({ autorise: true })
  })

  it('une adresse qui essaie beaucoup de comptes est plafonnée, les autres adresses non', () => {
    const { l, avancer } = limiteur({ plafondParAdresse: 10, fenetreAdresseMs: 60_000 })
    for (let i = 0; i < 10; i++) {
      expect(l.essayer(`compte-${i}@example.org`, '10.6.6.6').autorise).toBe(true)
      avancer(1_000)
    }
    // Le plus ancien échec (t = 0) sort de la fenêtre à t = 60 s ; on est à t = 10 s.
    expect(l.essayer('nouveau@example.org', '10.6.6.6')).toEqual({ autorise: false, attendreMs: 50_000 })
    expect(l.essayer('nouveau@example.org', '10.0.0.9').autorise).toBe(true)
    avancer(50_000)
    expect(l.essayer('nouveau@example.org', '10.6.6.6').autorise).toBe(true)
  })

  it('une connexion réussie efface les échecs du couple', () => {
    const { l } = limiteur()
    for (let i = 0; i < 3; i++) l.essayer(OPERATEUR, '10.0.0.9')
    l.reussite(OPERATEUR, '10.0.0.9')
    for (let i = 0; i < 3; i++) expect(l.essayer(OPERATEUR, '10.0.0.9').autorise).toBe(true)
  })

  it('le compte est compté comme Payload le cherche : casse et espaces ignorés', () => {
    const { l } = limiteur()
    for (let i = 0; i < 3; i++) l.essayer(OPERATEUR, '10.0.0.9')
    expect(l.essayer('  Operateur@Example.ORG ', '10.0.0.9').autorise).toBe(false)
  })

  it("un compte qui n'existe pas est traité exactement comme un compte existant", () => {
    // Le limiteur ne sait rien des comptes : mêmes verdicts, même message, pour n'importe quelle adresse saisie.
    const { l } = limiteur()
    const verdicts = (compte: string) => Array.from({ length: 5 }, () => l.essayer(compte, '10.0.0.9'))
    expect(verdicts('inconnu@example.org')).toEqual(verdicts(OPERATEUR))
  })

  it('oublie un couple resté sans échec assez longtemps', () => {
    const { l, avancer } = limiteur({ oubliMs: 60 * 60_000, delaiMaximalMs: 60 * 60_000, plafondParAdresse: 1_000 })
    for (let i = 0; i < 12; i++) l.essayer(OPERATEUR, '10.0.0.9') // dont 9 refusés
    avancer(60 * 60_000)
    for (let i = 0; i < 3; i++) expect(l.essayer(OPERATEUR, '10.0.0.9').autorise).toBe(true)
  })

  it('garde une mémoire bornée', () => {
    const { l } = limiteur({ entreesMax: 100, plafondParAdresse: 1_000 })
    for (let i = 0; i < 1_000; i++) l.essayer(`c${i}@example.org`, `10.0.${i >> 8}.${i & 255}`)
    const interne = l as unknown as { couples: Map<string, unknown>; adresses: Map<string, unknown> }
    expect(interne.couples.size).toBeLessThanOrEqual(100)
    expect(interne.adresses.size).toBeLessThanOrEqual(100)
  })

  it('dit combien de temps attendre, en français', () => {
    expect(messageAttente(1_500)).toBe('Trop de tentatives de connexion : réessayez dans 2 s.')
    expect(messageAttente(14 * 60_000 + 1)).toBe('Trop de tentatives de connexion : réessayez dans 15 min.')
  })
})
