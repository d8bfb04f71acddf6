import { describe, expect, it } from 'vitest'

import { LIMITE_CORPS_OCTETS, LIMITE_FICHIER_SYNTHESE_OCTETS, LIMITE_TELEVERSEMENT_OCTETS, verifierCorps } from '../../socle/limitesCorps'

/** Le serveur décide sur les en-têtes, avant de lire le corps : un envoi énorme ne remplit jamais la mémoire. */
describe('plafond des corps de requête', () => {
  it('refuse (413) un corps annoncé au-delà du plafond global, sur toutes les routes', () => {
    for (const url of ['/api/users/login', '/annuaire/signaler', '/api/structures', '/admin'])
      expect(verifierCorps('POST', url, { 'content-length': String(LIMITE_CORPS_OCTETS + 1) })).toMatchObject({ accepte: false, statut: 413 })
    expect(verifierCorps('POST', '/annuaire/signaler', { 'content-length': '2000' })).toEqual({ accepte: true })
  })

  it('accorde un plafond plus grand à la seule route de téléversement des médias', () => {
    const cinqMo = String(5 * 1024 * 1024)
    expect(verifierCorps('POST', '/api/medias', { 'content-length': cinqMo })).toEqual({ accepte: true })
    expect(verifierCorps('PATCH', '/api/medias/12?depth=0', { 'content-length': cinqMo })).toEqual({ accepte: true })
    expect(verifierCorps('POST', '/api/mediasx', { 'content-length': cinqMo })).toMatchObject({ statut: 413 })
    expect(verifierCorps('POST', '/api/plaquettes', { 'content-length': cinqMo })).toMatchObject({ statut: 413 })
    const trenteMo = String(30 * 1024 * 1024)
    expect(LIMITE_TELEVERSEMENT_OCTETS).toBeLessThan(30 * 1024 * 1024)
    expect(verifierCorps('POST', '/api/medias', { 'content-length': trenteMo })).toMatchObject({ accepte: false, statut: 413 })
  })

  it('accorde au seul envoi de la synthèse du GGD de quoi porter un fichier de 2 Mo, pas davantage', () => {
    const fichierPlein = String(LIMITE_FICHIER_SYNTHESE_OCTETS + 10_000)
    expect(verifierCorps('POST', '/espace/saisines/synthese-ggd', { 'content-length': fichierPlein })).toEqual({ accepte: true })
    expect(verifierCorps('POST', '/espace/saisines/synthese-ggd', { 'content-length': String(LIMITE_FICHIER_SYNTHESE_OCTETS + 200_000) })).toMatchObject({ statut: 413 })
    expect(verifierCorps('POST', '/espace/saisines/nouvelle', { 'content-length': fichierPlein })).toMatchObject({ statut: 413 })
    expect(verifierCorps('POST', '/espace/saisines/synthese-ggdx', { 'content-length': fichierPlein })).toMatchObject({ statut: 413 })
  })

  it('refuse (411) un corps sans longueur annoncée, et une longueur illisible (413)', () => {
    expect(verifierCorps('POST', '/api/medias', { 'transfer-encoding': 'chunked' })).toMatchObject({ accepte: false, statut: 411 })
    expect(verifierCorps('POST', '/api/medias', { 'content-length': 'beaucoup' })).toMatchObject({ accepte: false, statut: 413 })
    expect(verifierCorps('GET', '/', {})).toEqual({ accepte: true })
  })
})
