import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ErreurConfiguration, lireConfiguration } from '../../socle/configuration'

/** Une configuration absente ou mal formée arrête le démarrage avec un message français qui nomme la variable. */
const dossier = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-config-'))
const lire = (env: Record<string, string>) => lireConfiguration({ PASSERELLE_DONNEES: dossier(), ...env })
const erreur = (env: Record<string, string>) => {
  try {
    lire(env)
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurConfiguration)
    return (e as Error).message
  }
  throw new Error('aucune erreur levée')
}

describe('configuration', () => {
  it('sans rien : SQLite dans data/, port 3000, secret de développement généré une fois et jamais commité', () => {
    const donnees = dossier()
    const config = lireConfiguration({ PASSERELLE_DONNEES: donnees })
    expect(config.base).toEqual({ type: 'sqlite', url: `file:${path.join(donnees, 'passerelle.db')}`, synchrone: 'NORMAL' })
    expect(config.port).toBe(3000)
    expect(config.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(path.join(donnees, 'secret-developpement.txt'), 'utf8')).toBe(config.secret)
    expect(lireConfiguration({ PASSERELLE_DONNEES: donnees }).secret).toBe(config.secret)
  })

  it('reconnaît PostgreSQL et MongoDB', () => {
    expect(lire({ DATABASE_URL: 'postgres://u@h:5432/b' }).base.type).toBe('postgres')
    expect(lire({ DATABASE_URL: 'mongodb://h/b' }).base.type).toBe('mongodb')
  })

  it('exige PAYLOAD_SECRET en production, sans en générer', () => {
    const donnees = dossier()
    expect(() => lireConfiguration({ NODE_ENV: 'production', PASSERELLE_DONNEES: donnees })).toThrow(
      /PAYLOAD_SECRET : PAYLOAD_SECRET est obligatoire en production/,
    )
    expect(existsSync(path.join(donnees, 'secret-developpement.txt'))).toBe(false)
  })

  it('cookies de session « Secure » en production même sans PASSERELLE_URL, et derrière une URL https', () => {
    const secret = 'x'.repeat(32)
    // En production, l'URL publique est forcément en https (sinon la configuration est refusée).
    expect(
      lire({ NODE_ENV: 'production', PAYLOAD_SECRET: secret, PASSERELLE_CLE_CHIFFREMENT: 'c'.repeat(64), PASSERELLE_CLE_PSEUDONYMISATION: 'd'.repeat(64), PASSERELLE_URL: 'https://passerelle.example.org' }).cookiesSecurises,
    ).toBe(true)
    expect(lire({ PASSERELLE_URL: 'https://passerelle.example.org' }).cookiesSecurises).toBe(true)
    expect(lire({}).cookiesSecurises).toBe(false)
  })

  it("l'environnement transmis par la racine de composition prime sur le NODE_ENV que Next pose dans le processus", () => {
    const config = lire({ NODE_ENV: 'production', PASSERELLE_ENVIRONNEMENT: 'development' })
    expect(config.environnement).toBe('development')
    expect(config.cookiesSecurises).toBe(false)
  })

  it.each([
    [{ PORT: 'trois-mille' }, /PORT : PORT doit être un nombre/],
    [{ PORT: '70000' }, /PORT : PORT doit être compris entre 1 et 65535/],
    [{ DATABASE_URL: 'mysql://h/b' }, /DATABASE_URL : DATABASE_URL doit commencer par/],
    [{ PAYLOAD_SECRET: 'court' }, /PAYLOAD_SECRET : PAYLOAD_SECRET doit contenir au moins 32 caractères/],
    [{ PASSERELLE_URL: 'passerelle.local' }, /PASSERELLE_URL : PASSERELLE_URL doit être une URL complète/],
    [{ ANNUAIRE_DEMO: 'peut-être' }, /ANNUAIRE_DEMO : ANNUAIRE_DEMO doit valoir « oui » ou « non »/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV : NODE_ENV doit valoir/],
  ])('refuse %o avec un message qui nomme la variable', (env, attendu) => {
    expect(erreur(env)).toMatch(attendu)
  })

  it('clé de chiffrement : générée une fois hors production, lue en hexadécimal ou base64, exigée en production', () => {
    const donnees = dossier()
    const config = lireConfiguration({ PASSERELLE_DONNEES: donnees })
    expect(config.cleChiffrement).toHaveLength(32)
    expect(readFileSync(path.join(donnees, 'cle-chiffrement-developpement.txt'), 'utf8')).toBe(config.cleChiffrement.toString('hex'))
    expect(lireConfiguration({ PASSERELLE_DONNEES: donnees }).cleChiffrement.equals(config.cleChiffrement)).toBe(true)
    const hex = 'ab'.repeat(32)
    expect(lire({ PASSERELLE_CLE_CHIFFREMENT: hex }).cleChiffrement.toString('hex')).toBe(hex)
    expect(lire({ PASSERELLE_CLE_CHIFFREMENT: Buffer.from(hex, 'hex').toString('base64') }).cleChiffrement.toString('hex')).toBe(hex)
    expect(erreur({ PASSERELLE_CLE_CHIFFREMENT: 'trop-courte' })).toMatch(/PASSERELLE_CLE_CHIFFREMENT : PASSERELLE_CLE_CHIFFREMENT doit contenir 32 octets/)
    const production = dossier()
    expect(() => lireConfiguration({ NODE_ENV: 'production', PAYLOAD_SECRET: 'b'.repeat(64), PASSERELLE_URL: 'https://p.example.org', PASSERELLE_DONNEES: production })).toThrow(
      /PASSERELLE_CLE_CHIFFREMENT : PASSERELLE_CLE_CHIFFREMENT est obligatoire en production/,
    )
    expect(existsSync(path.join(production, 'cle-chiffrement-developpement.txt'))).toBe(false)
  })

  describe('en production', () => {
    const secrets = { PAYLOAD_SECRET: 'b'.repeat(64), PASSERELLE_CLE_CHIFFREMENT: 'c'.repeat(64), PASSERELLE_CLE_PSEUDONYMISATION: 'd'.repeat(64), PASSERELLE_URL: 'https://passerelle.example.org' }
    const production = (env: Record<string, string>) => ({ NODE_ENV: 'production', ...secrets, ...env })

    it('refuse de démarrer sans PASSERELLE_URL, ou avec une adresse en http', () => {
      const { PASSERELLE_URL: _, ...sansUrl } = production({})
      expect(erreur(sansUrl)).toMatch(/PASSERELLE_URL : PASSERELLE_URL est obligatoire en production et doit commencer par « https:\/\/ »/)
      expect(erreur(production({ PASSERELLE_URL: 'http://passerelle.example.org' }))).toMatch(/PASSERELLE_URL : .*https:\/\//)
      expect(lire(production({})).urlPublique).toBe('https://passerelle.example.org')
    })

    it('n’amorce pas l’annuaire de démonstration sauf demande explicite', () => {
      expect(lire(production({})).annuaireDemo).toBe(false)
      expect(lire(production({ ANNUAIRE_DEMO: 'oui' })).annuaireDemo).toBe(true)
      expect(lire({}).annuaireDemo).toBe(true)
      expect(lire({ ANNUAIRE_DEMO: 'non' }).annuaireDemo).toBe(false)
    })

    it.each([
      ['PAYLOAD_SECRET', { PAYLOAD_SECRET: 'a-remplacer-par-openssl-rand-hex-32-au-moins-32-caracteres' }],
      ['PASSERELLE_CLE_CHIFFREMENT', { PASSERELLE_CLE_CHIFFREMENT: 'a-remplacer-par-openssl-rand-hex-32' }],
      ['PASSERELLE_CLE_PSEUDONYMISATION', { PASSERELLE_CLE_PSEUDONYMISATION: 'a-remplacer-par-openssl-rand-hex-32' }],
      ['MEILI_MASTER_KEY', { MEILI_URL: 'http://meilisearch:7700', MEILI_MASTER_KEY: 'a-remplacer-par-openssl-rand-hex-32' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgres://passerelle:a-remplacer-par-openssl-rand-hex-32@postgres:5432/passerelle' }],
    ])('refuse la valeur d’exemple de %s', (nom, env) => {
      expect(erreur(production(env))).toMatch(new RegExp(`${nom} : .*(valeur|mot de passe) d’exemple`))
    })
  })

  it('suit l’environnement transmis par le serveur à Next et à Astro, qui tournent avec NODE_ENV=production', () => {
    const enfant = lire({ NODE_ENV: 'production', PASSERELLE_ENVIRONNEMENT: 'development' })
    expect(enfant.environnement).toBe('development')
    expect(enfant.annuaireDemo).toBe(true)
    expect(erreur({ NODE_ENV: 'development', PASSERELLE_ENVIRONNEMENT: 'production', PAYLOAD_SECRET: 'b'.repeat(64) })).toMatch(/PASSERELLE_URL : /)
  })

  it('refuse aussi les valeurs d’exemple hors production', () => {
    expect(erreur({ MEILI_URL: 'http://localhost:7700', MEILI_MASTER_KEY: 'a-remplacer-par-openssl-rand-hex-32' })).toMatch(/MEILI_MASTER_KEY : /)
  })

  describe('ProConnect', () => {
    const proconnect = { PROCONNECT_ISSUER: 'https://proconnect.example.org/api/v2', PROCONNECT_CLIENT_ID: 'passerelle', PROCONNECT_CLIENT_SECRET: 'c'.repeat(64) }

    it('absent par défaut : pas de bouton ProConnect', () => {
      expect(lire({}).proconnect).toBeUndefined()
    })

    it('les trois réglages donnés : acr multi-facteur eidas2 et eidas3 par défaut', () => {
      expect(lire(proconnect).proconnect).toEqual({
        issuer: 'https://proconnect.example.org/api/v2',
        clientId: 'passerelle',
        clientSecret: 'c'.repeat(64),
        acrMfa: ['eidas2', 'eidas3'],
      })
      expect(lire({ ...proconnect, PROCONNECT_ACR_MFA: ' eidas3 , ' }).proconnect?.acrMfa).toEqual(['eidas3'])
    })

    it.each(['PROCONNECT_ISSUER', 'PROCONNECT_CLIENT_ID', 'PROCONNECT_CLIENT_SECRET'] as const)('tous ou aucun : refuse sans %s en le nommant', (nom) => {
      const { [nom]: _, ...incomplet } = proconnect
      const message = erreur(incomplet)
      expect(message).toMatch(new RegExp(`${nom} : ${nom} manque : la connexion avec ProConnect demande`))
      // Une seule variable manque : seule elle est nommée en tête de ligne.
      expect(message.match(/^ {2}- PROCONNECT_\w+ :/gm)).toHaveLength(1)
    })

    it('refuse une URL mal formée, une liste d’acr vide et le secret d’exemple', () => {
      expect(erreur({ ...proconnect, PROCONNECT_ISSUER: 'proconnect.gouv.fr' })).toMatch(/PROCONNECT_ISSUER : PROCONNECT_ISSUER doit être une URL/)
      expect(erreur({ ...proconnect, PROCONNECT_ACR_MFA: ' , ' })).toMatch(/PROCONNECT_ACR_MFA : PROCONNECT_ACR_MFA doit lister au moins une valeur/)
      expect(erreur({ ...proconnect, PROCONNECT_CLIENT_SECRET: 'a-remplacer-par-le-secret-proconnect' })).toMatch(/PROCONNECT_CLIENT_SECRET : .*valeur d’exemple/)
    })

    it('exige https en production, accepte http hors production (fournisseur local des tests)', () => {
      const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'b'.repeat(64), PASSERELLE_CLE_CHIFFREMENT: 'c'.repeat(64), PASSERELLE_CLE_PSEUDONYMISATION: 'd'.repeat(64), PASSERELLE_URL: 'https://passerelle.example.org' }
      expect(erreur({ ...production, ...proconnect, PROCONNECT_ISSUER: 'http://proconnect.example.org/api/v2' })).toMatch(
        /PROCONNECT_ISSUER : PROCONNECT_ISSUER doit commencer par « https:\/\/ » en production/,
      )
      expect(lire({ ...production, ...proconnect }).proconnect?.issuer).toBe('https://proconnect.example.org/api/v2')
      expect(lire({ ...proconnect, PROCONNECT_ISSUER: 'http://127.0.0.1:4000' }).proconnect?.issuer).toBe('http://127.0.0.1:4000')
    })
  })

  it('seuil du secret statistique des indicateurs : 5 par défaut, un entier d’au moins 2, message qui nomme la variable', () => {
    expect(lire({}).indicateurs.seuilSecret).toBe(5)
    expect(lire({ INDICATEURS_SEUIL_SECRET: '11' }).indicateurs.seuilSecret).toBe(11)
    expect(() => lire({ INDICATEURS_SEUIL_SECRET: '1' })).toThrow(/INDICATEURS_SEUIL_SECRET doit valoir au moins 2/)
    expect(() => lire({ INDICATEURS_SEUIL_SECRET: '3.5' })).toThrow(/INDICATEURS_SEUIL_SECRET doit être un nombre entier/)
    expect(() => lire({ INDICATEURS_SEUIL_SECRET: 'cinq' })).toThrow(/INDICATEURS_SEUIL_SECRET/)
  })

  it('liste toutes les erreurs à la fois', () => {
    const message = erreur({ PORT: 'x', DATABASE_URL: 'mysql://h/b' })
    expect(message).toContain('PORT')
    expect(message).toContain('DATABASE_URL')
  })

  describe('courriels et invitations', () => {
    it('sans SMTP_URL : aucun envoi (le lien est montré à l’écran) ; agents FSI sur les domaines de l’Intérieur, autres rôles sur tout domaine', () => {
      const config = lire({})
      expect(config.courriel).toBeUndefined()
      expect(config.invitations.domaines).toEqual({
        'agent-fsi': ['interieur.gouv.fr', 'gendarmerie.interieur.gouv.fr'],
        intervenant: null,
        operateur: null,
        coordination: null,
        financeur: null,
      })
    })

    it('SMTP_URL en smtp:// ou smtps://, avec son expéditeur', () => {
      expect(lire({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', COURRIEL_EXPEDITEUR: 'ne-pas-repondre@example.org' }).courriel).toEqual({
        smtpUrl: 'smtps://u:p@smtp.example.org:465',
        expediteur: 'ne-pas-repondre@example.org',
      })
      expect(lire({ SMTP_URL: 'smtp://127.0.0.1:2525', COURRIEL_EXPEDITEUR: 'a@example.org' }).courriel?.smtpUrl).toBe('smtp://127.0.0.1:2525')
    })

    it('une variable par rôle : liste de domaines, « * » pour tout domaine, vide pour la valeur par défaut', () => {
      const config = lire({
        INVITATION_DOMAINES_AGENT_FSI: 'Interieur.gouv.fr, gendarmerie.interieur.gouv.fr,police.example',
        INVITATION_DOMAINES_INTERVENANT: 'adsea01.org',
        INVITATION_DOMAINES_COORDINATION: 'ain.gouv.fr',
        INVITATION_DOMAINES_FINANCEUR: '',
        INVITATION_DOMAINES_OPERATEUR: '*',
      })
      expect(config.invitations.domaines).toEqual({
        'agent-fsi': ['interieur.gouv.fr', 'gendarmerie.interieur.gouv.fr', 'police.example'],
        intervenant: ['adsea01.org'],
        coordination: ['ain.gouv.fr'],
        financeur: null,
        operateur: null,
      })
      expect(lire({ INVITATION_DOMAINES_AGENT_FSI: '*' }).invitations.domaines['agent-fsi']).toBeNull()
    })

    it.each([
      [{ SMTP_URL: 'http://smtp.example.org' }, /SMTP_URL : SMTP_URL doit commencer par « smtp:\/\/ »/],
      [{ SMTP_URL: 'smtp://127.0.0.1:25' }, /COURRIEL_EXPEDITEUR : COURRIEL_EXPEDITEUR est obligatoire quand SMTP_URL est définie/],
      [{ COURRIEL_EXPEDITEUR: 'passerelle' }, /COURRIEL_EXPEDITEUR : COURRIEL_EXPEDITEUR doit être une adresse électronique/],
      [{ INVITATION_DOMAINES_AGENT_FSI: 'interieur.gouv.fr;@gmail.com' }, /INVITATION_DOMAINES_AGENT_FSI : .*« interieur\.gouv\.fr;@gmail\.com » n’est pas un nom de domaine/],
      [{ INVITATION_DOMAINES_INTERVENANT: '*.example.org' }, /INVITATION_DOMAINES_INTERVENANT : .*n’est pas un nom de domaine/],
      [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS : SQLITE_SYNCHRONOUS doit valoir « NORMAL » ou « FULL »/],
    ])('refuse %o avec un message qui nomme la variable', (env, attendu) => {
      expect(erreur(env)).toMatch(attendu)
    })
  })
})
