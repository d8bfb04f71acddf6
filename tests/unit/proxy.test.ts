import { describe, expect, it } from 'vitest'

import { adresseClient, creerReglesProxy, origineAcceptee } from '../../serveur/proxy'
import { lireConfiguration } from '../../socle/configuration'
import { LimiteDebit } from '../../site/lib/limiteDebit'

/** Derrière le proxy TLS : origine https des formulaires acceptée, adresse réelle du client, et rien de tout cela pour un client direct. */
const regles = creerReglesProxy(['127.0.0.1', '10.0.0.0/8'], 'https://passerelle.example.org')
const requete = (remoteAddress: string, headers: Record<string, string>, method = 'POST') => ({ method, headers, socket: { remoteAddress } })
const formulaire = { 'content-type': 'application/x-www-form-urlencoded', host: 'passerelle.example.org' }

describe('formulaires derrière le proxy de confiance', () => {
  it('accepte un envoi https relayé par le proxy (X-Forwarded-Proto: https) et refuse une origine étrangère', () => {
    const viaProxy = { ...formulaire, 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.168.4.20' }
    expect(origineAcceptee(requete('127.0.0.1', { ...viaProxy, origin: 'https://passerelle.example.org' }), regles)).toBe(true)
    expect(origineAcceptee(requete('127.0.0.1', { ...viaProxy, origin: 'https://malveillant.example' }), regles)).toBe(false)
    expect(origineAcceptee(requete('127.0.0.1', { ...viaProxy, origin: 'http://passerelle.example.org.malveillant.example' }), regles)).toBe(false)
    expect(origineAcceptee(requete('127.0.0.1', viaProxy), regles)).toBe(false)
  })

  it('sans PASSERELLE_URL, l’origine https vient du proxy de confiance seulement', () => {
    const sansUrl = creerReglesProxy(['127.0.0.1'])
    const entetes = { ...formulaire, host: 'portail.local', origin: 'https://portail.local', 'x-forwarded-proto': 'https' }
    expect(origineAcceptee(requete('127.0.0.1', entetes), sansUrl)).toBe(true)
    expect(origineAcceptee(requete('192.168.4.20', entetes), sansUrl)).toBe(false)
    expect(origineAcceptee(requete('192.168.4.20', { ...entetes, origin: 'http://portail.local' }), sansUrl)).toBe(true)
  })

  it('laisse passer les lectures et les requêtes JSON (jamais envoyables par un formulaire d’un autre site)', () => {
    expect(origineAcceptee(requete('192.168.4.20', { origin: 'https://malveillant.example' }, 'GET'), regles)).toBe(true)
    expect(origineAcceptee(requete('192.168.4.20', { 'content-type': 'application/json', origin: 'https://malveillant.example' }), regles)).toBe(true)
  })
})

describe('adresse réelle du client', () => {
  it('lit X-Forwarded-For de droite à gauche, seulement depuis un proxy de confiance', () => {
    expect(adresseClient(requete('127.0.0.1', { 'x-forwarded-for': '192.168.4.20' }), regles)).toBe('192.168.4.20')
    // Le client écrit lui-même une adresse à gauche : le proxy ajoute la vraie à droite.
    expect(adresseClient(requete('127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 192.168.4.20' }), regles)).toBe('192.168.4.20')
    // Deux proxys de confiance en chaîne.
    expect(adresseClient(requete('10.0.0.2', { 'x-forwarded-for': '192.168.4.20, 10.0.0.1' }), regles)).toBe('192.168.4.20')
    expect(adresseClient(requete('::ffff:127.0.0.1', { 'x-forwarded-for': '192.168.4.21' }), regles)).toBe('192.168.4.21')
  })

  it('ignore X-Forwarded-For écrit par un client qui n’est pas un proxy de confiance', () => {
    expect(adresseClient(requete('192.168.4.20', { 'x-forwarded-for': '10.9.9.9' }), regles)).toBe('192.168.4.20')
    expect(adresseClient(requete('127.0.0.1', { 'x-forwarded-for': 'pas-une-adresse' }), regles)).toBe('127.0.0.1')
  })

  it('PASSERELLE_PROXYS vaut 127.0.0.1 par défaut et refuse ce qui n’est pas une adresse ou un réseau', () => {
    expect(lireConfiguration({ PASSERELLE_DONNEES: '/tmp/passerelle-proxy-test' }).proxysDeConfiance).toEqual(['127.0.0.1'])
    expect(lireConfiguration({ PASSERELLE_DONNEES: '/tmp/passerelle-proxy-test', PASSERELLE_PROXYS: '127.0.0.1, 172.16.0.0/12' }).proxysDeConfiance).toEqual([
      '127.0.0.1',
      '172.16.0.0/12',
    ])
    expect(() => lireConfiguration({ PASSERELLE_DONNEES: '/tmp/passerelle-proxy-test', PASSERELLE_PROXYS: 'proxy.local' })).toThrow(/PASSERELLE_PROXYS : /)
    expect(() => lireConfiguration({ PASSERELLE_DONNEES: '/tmp/passerelle-proxy-test', PASSERELLE_PROXYS: '10.0.0.0/40' })).toThrow(/PASSERELLE_PROXYS : /)
  })
})

describe('limite de débit', () => {
  it('ne compte que les envois acceptés, par adresse, et se rouvre après la fenêtre', () => {
    const limite = new LimiteDebit({ max: 3, fenetreMs: 1000 })
    const t = 1_000_000
    for (let i = 0; i < 10; i++) expect(limite.atteinte('192.168.4.20', t)).toBe(false) // essais invalides : non comptés
    for (let i = 0; i < 3; i++) limite.compter('192.168.4.20', t)
    expect(limite.atteinte('192.168.4.20', t + 10)).toBe(true)
    expect(limite.atteinte('192.168.4.21', t + 10)).toBe(false)
    expect(limite.atteinte('192.168.4.20', t + 1000)).toBe(false)
  })
})
