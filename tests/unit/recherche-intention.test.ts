import { describe, expect, it } from 'vitest'

import { creerMoteurEmbarque } from '../../search/adapters/embarque.ts'
import type { DocumentServiceSaisi } from '../../search/port.ts'
import { vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'

/**
 * Classement par intention : un public nommé à côté d'un besoin classe
 * d'abord les services de ce public (sans écarter les autres), et l'urgence
 * (« cette nuit », « tout de suite ») classe d'abord les services joignables
 * à l'heure de la recherche (ouverts, 24 h/24, numéros nationaux), à l'heure
 * de Paris.
 */

const base = {
  structure_description: null,
  type: 'accompagnement',
  modes_accueil: ['en-presentiel'],
  frais: 'gratuit',
  date_maj: '2026-06-01',
  thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
  zone_eligibilite: ['01'],
  commune: 'Bourg-en-Bresse',
  code_insee: '01053',
  structure_code_insee: '01053',
  type_partenaire: 'hebergement-urgence',
} satisfies Partial<DocumentServiceSaisi>

const service = (id: string, nom: string, publics: string[], horaires: string | null, autres: Partial<DocumentServiceSaisi> = {}): DocumentServiceSaisi =>
  ({
    ...base,
    id: `sv-${id}`,
    structure_id: `s-${id}`,
    structure_nom: `Structure ${id}`,
    nom,
    description: 'Mise à l’abri et hébergement temporaire.',
    publics,
    horaires_accueil: horaires,
    ...autres,
  }) as DocumentServiceSaisi

const SERVICES = [
  service('abri-bureau', 'Abri ouvert en journée', ['tous-publics'], 'Mo-Fr 09:00-17:00'),
  service('abri-nuit', 'Abri de nuit', ['personnes-en-situation-durgence'], 'Mo-Su 19:00-08:00'),
  service('abri-jeunes', 'Accueil des jeunes sans solution', ['jeunes'], 'Mo-Fr 09:00-17:00'),
  service('abri-seniors', 'Hébergement temporaire des aînés', ['seniors'], 'Mo-Fr 09:00-17:00'),
  // Le 115 : sans horaires, joignable à toute heure par son numéro court.
  service('numero', '115 – écoute, orientation et mise à l’abri', ['tous-publics'], null, {
    type_partenaire: 'siao-115',
    numero_court: '115',
    zone_eligibilite: ['france'],
    commune: null,
    code_insee: null,
    structure_code_insee: null,
  }),
]

async function moteurA(instant: string) {
  const moteur = creerMoteurEmbarque({ vocabulaire: vocabulaireParDefaut(), maintenant: () => new Date(instant) })
  await moteur.remplacerTout(SERVICES)
  return moteur
}
const ids = async (moteur: Awaited<ReturnType<typeof moteurA>>, texte: string) => (await moteur.rechercher({ texte })).resultats.map((r) => r.id)

describe('classement par intention', () => {
  it('un public nommé avec un besoin classe d’abord les services de ce public, sans écarter les autres', async () => {
    const moteur = await moteurA('2026-11-24T10:00:00+01:00')
    const jeune = await ids(moteur, 'hébergement pour un mineur')
    expect(jeune[0]).toBe('sv-abri-jeunes')
    expect(jeune).toContain('sv-abri-seniors')
    // Les services ouverts à tous passent avant ceux réservés à un autre public.
    expect(jeune.indexOf('sv-abri-bureau')).toBeLessThan(jeune.indexOf('sv-abri-seniors'))
    expect((await ids(moteur, 'hébergement personne âgée'))[0]).toBe('sv-abri-seniors')
    const r = await moteur.rechercher({ texte: 'hébergement pour un mineur' })
    expect(r.comprehension.publics).toEqual(['Jeunes, mineurs, adolescents'])
  })

  it('seul, un public est le besoin', async () => {
    const moteur = await moteurA('2026-11-24T10:00:00+01:00')
    expect(await ids(moteur, 'mineur')).toEqual(['sv-abri-jeunes'])
  })

  it('l’urgence de nuit classe d’abord les services joignables à l’heure de Paris', async () => {
    // Samedi 28 novembre 2026, 23 h à Paris (22 h UTC) : seuls l'abri de nuit et le numéro répondent.
    const nuit = await moteurA('2026-11-28T22:00:00Z')
    const ordre = await ids(nuit, 'hébergement cette nuit')
    expect(ordre.slice(0, 2).sort()).toEqual(['sv-abri-nuit', 'sv-numero'])
    // Mardi 24 novembre 2026, 10 h à Paris : l'abri de nuit est fermé, les bureaux ouverts passent devant lui.
    const jour = await moteurA('2026-11-24T09:00:00Z')
    const ordreJour = await ids(jour, 'hébergement tout de suite')
    expect(ordreJour.indexOf('sv-abri-bureau')).toBeLessThan(ordreJour.indexOf('sv-abri-nuit'))
  })

  it('sans urgence, l’heure ne change pas l’ordre', async () => {
    const nuit = await moteurA('2026-11-28T22:00:00Z')
    const jour = await moteurA('2026-11-24T09:00:00Z')
    expect(await ids(nuit, 'hébergement')).toEqual(await ids(jour, 'hébergement'))
  })
})
