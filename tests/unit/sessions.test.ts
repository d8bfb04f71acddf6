import { pbkdf2Sync } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { aRehacher, hacherMotDePasse, verifierMotDePasse } from '../../domaine/acces/empreinte-mot-de-passe'
import { secondFacteurExige } from '../../domaine/acces/second-facteur'
import {
  activiteAEcrire,
  appareilDepuisUserAgent,
  DUREES_PAR_DEFAUT,
  empreinteJeton,
  etatSession,
  finDeValidite,
  FORME_JETON,
  genererJeton,
  retourSur,
} from '../../domaine/acces/sessions'
import { libreSansSession, redirectionAdmin } from '../../serveur/accesPortail'

describe('jeton de session', () => {
  it('est aléatoire (160 bits, base32 minuscule) et seule son empreinte SHA-256 se stocke', () => {
    const jetons = new Set(Array.from({ length: 1000 }, genererJeton))
    expect(jetons.size).toBe(1000)
    for (const j of jetons) expect(j).toMatch(FORME_JETON)
    // Vecteur connu : SHA-256 de « abc ».
    expect(empreinteJeton('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const j = genererJeton()
    expect(empreinteJeton(j)).toMatch(/^[0-9a-f]{64}$/)
    expect(empreinteJeton(j)).not.toContain(j)
  })
})

describe('expirations', () => {
  const debut = new Date('2026-12-03T08:00:00Z')
  const apres = (ms: number) => new Date(debut.getTime() + ms)
  const min = 60_000

  it('inactivité : 30 minutes sans requête ferment la session ; une activité la prolonge', () => {
    expect(etatSession({ creeLe: debut, vueLe: debut }, apres(29 * min), DUREES_PAR_DEFAUT)).toBe('active')
    expect(etatSession({ creeLe: debut, vueLe: debut }, apres(30 * min), DUREES_PAR_DEFAUT)).toBe('inactive')
    expect(etatSession({ creeLe: debut, vueLe: apres(25 * min) }, apres(50 * min), DUREES_PAR_DEFAUT)).toBe('active')
  })

  it('absolue : 12 heures au plus, même active sans interruption', () => {
    expect(etatSession({ creeLe: debut, vueLe: apres(12 * 60 * min - min) }, apres(12 * 60 * min - 1), DUREES_PAR_DEFAUT)).toBe('active')
    expect(etatSession({ creeLe: debut, vueLe: apres(12 * 60 * min - min) }, apres(12 * 60 * min), DUREES_PAR_DEFAUT)).toBe('expiree')
  })

  it('révoquée : plus rien, quelles que soient les dates', () => {
    expect(etatSession({ creeLe: debut, vueLe: debut, revoqueeLe: debut }, debut, DUREES_PAR_DEFAUT)).toBe('revoquee')
  })

  it('les durées viennent de la configuration', () => {
    const courtes = { inactiviteMs: 5 * min, absolueMs: 60 * min }
    expect(etatSession({ creeLe: debut, vueLe: debut }, apres(5 * min), courtes)).toBe('inactive')
    expect(finDeValidite({ creeLe: debut, vueLe: debut }, apres(58 * min), courtes)).toEqual(apres(60 * min))
  })

  it("l'activité s'écrit au plus une fois par minute", () => {
    expect(activiteAEcrire(debut, apres(59_999))).toBe(false)
    expect(activiteAEcrire(debut, apres(60_000))).toBe(true)
  })
})

describe('appareil et retour', () => {
  it("décrit l'appareil sans garder la chaîne User-Agent", () => {
    expect(appareilDepuisUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36')).toBe('Chrome sous Linux')
    expect(appareilDepuisUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox sous Windows')
    expect(appareilDepuisUserAgent(null)).toBe('Appareil inconnu')
  })

  it("n'accepte comme retour qu'un chemin du portail (pas de redirection ouverte)", () => {
    expect(retourSur('/espace/compte')).toBe('/espace/compte')
    expect(retourSur('/admin')).toBe('/admin')
    for (const piege of ['//exemple.org', 'https://exemple.org', '/\\exemple.org', 'javascript:alert(1)', '', null, '/a\nb'])
      expect(retourSur(piege)).toBe('/espace')
  })
})

describe('empreinte des mots de passe', () => {
  it('scrypt salé : deux empreintes différentes pour le même mot de passe, vérifiées toutes deux', async () => {
    const a = await hacherMotDePasse('une phrase de passe solide')
    const b = await hacherMotDePasse('une phrase de passe solide')
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifierMotDePasse('une phrase de passe solide', a)).toBe(true)
    expect(await verifierMotDePasse('une phrase de passe solide', b)).toBe(true)
    expect(await verifierMotDePasse('une phrase de passe solidE', a)).toBe(false)
    expect(aRehacher(a)).toBe(false)
  })

  it('sans empreinte (compte inconnu ou invité) : refus, après le même travail', async () => {
    expect(await verifierMotDePasse('nimporte quoi', undefined)).toBe(false)
    expect(await verifierMotDePasse('nimporte quoi', 'abimee')).toBe(false)
  })

  it('les empreintes PBKDF2 reprises de Payload restent valables, puis sont à remplacer', async () => {
    const sel = 'a1b2c3d4'
    const actuelle = `payload$${sel}$pbkdf2-sha256-v1:${pbkdf2Sync('ancien mot de passe', sel, 600_000, 32, 'sha256').toString('hex')}`
    const ancienne = `payload$${sel}$${pbkdf2Sync('ancien mot de passe', sel, 25_000, 512, 'sha256').toString('hex')}`
    for (const e of [actuelle, ancienne]) {
      expect(await verifierMotDePasse('ancien mot de passe', e)).toBe(true)
      expect(await verifierMotDePasse('autre mot de passe', e)).toBe(false)
      expect(aRehacher(e)).toBe(true)
    }
  })
})

describe('second facteur exigé', () => {
  it('pour intervenant, coordination et opérateur ; pour les autres seulement s’ils l’ont activé', () => {
    for (const role of ['intervenant', 'coordination', 'operateur'] as const) expect(secondFacteurExige({ role })).toBe(true)
    for (const role of ['agent-fsi', 'financeur'] as const) {
      expect(secondFacteurExige({ role })).toBe(false)
      expect(secondFacteurExige({ role, totpSecret: 'v1:chiffre' })).toBe(true)
    }
  })
})

describe('adresses de connexion du serveur', () => {
  it("renvoie les écrans de connexion de l'admin vers ceux du portail", () => {
    expect(redirectionAdmin('/admin/login')).toBe('/connexion?retour=%2Fadmin')
    expect(redirectionAdmin('/admin/login/')).toBe('/connexion?retour=%2Fadmin')
    expect(redirectionAdmin('/admin/logout')).toBe('/deconnexion')
    expect(redirectionAdmin('/admin/create-first-user')).toBe('/installation')
    expect(redirectionAdmin('/admin/reset/abc')).toBe('/connexion')
    expect(redirectionAdmin('/admin')).toBeUndefined()
    expect(redirectionAdmin('/admin/collections/sites')).toBeUndefined()
  })

  it('avec PORTAIL_ACCES=connecte, seules la connexion et la mise en page restent libres', () => {
    for (const libre of ['/connexion', '/connexion/second-facteur', '/invitation/abc', '/installation', '/deconnexion', '/_astro/x.css', '/favicon.svg', '/sante'])
      expect(libreSansSession(libre), libre).toBe(true)
    for (const garde of ['/', '/annuaire', '/plaquettes/poste-1.pdf', '/api/sites', '/admin', '/connexions', '/sante-publique', '/installation/x'])
      expect(libreSansSession(garde), garde).toBe(false)
  })
})
