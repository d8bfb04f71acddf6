import { describe, expect, it } from 'vitest'

import path from 'node:path'

import { chargerContenu } from '../../content/charger'
import { fichierPostes } from '../../content/schemas/poste'
import { fichierSites } from '../../content/schemas/site'
import type { Poste, Site } from '../../cms/payload-types'
import { communesDeLAin, postesDeLaCommune } from '../../domaine/territoire'
import { racine } from '../outils/payloadDeTest'

/** « Qui contacter ? » par commune, sur le contenu amorcé (sites du cahier des charges, secteurs des postes). */
const contenu = path.join(racine, 'content')
const sitesSeed = chargerContenu(fichierSites, 'sites.json', contenu).sites
const postesSeed = chargerContenu(fichierPostes, 'postes.json', contenu).postes
const sites = sitesSeed.map((s, i) => ({ ...s, id: i + 1 }) as unknown as Site)
const idSite = (slug: string) => sites.find((s) => s.slug === slug)!.id
const postes = postesSeed.map((p, i) => ({ ...p, id: i + 1, sites: p.sites.map(idSite) }) as unknown as Poste)
const secteurs = (code: string) => postesDeLaCommune(code, postes, sites).map((r) => r.poste.secteur)

describe('poste d’intervenant social couvrant une commune', () => {
  it('une commune qui accueille une unité relève du poste de cette unité, même si son EPCI est ailleurs', () => {
    // Meximieux est dans la CC de la Plaine de l'Ain, mais sa brigade relève de la compagnie de Trévoux.
    expect(secteurs('01244')).toEqual(['Côtière et Val de Saône'])
    expect(postesDeLaCommune('01244', postes, sites)[0].motif).toBe('Brigade de Meximieux se trouve à Meximieux')
  })

  it('sinon le secteur dont le territoire contient l’EPCI de la commune', () => {
    // Viriat : CA du Bassin de Bourg-en-Bresse, sans unité.
    expect(secteurs('01451')).toEqual(['Bresse-Dombes'])
    expect(postesDeLaCommune('01451', postes, sites)[0].motif).toBe('Viriat (CA du Bassin de Bourg-en-Bresse) fait partie du secteur Bresse-Dombes')
    // Valserhône (anciennement Bellegarde-sur-Valserine) : CC Terre Valserhône.
    expect(secteurs('01033')).toEqual(['Haut-Bugey et Pays de Gex'])
    // Un ancien code (Châtillon-en-Michaille) mène au même poste.
    expect(secteurs('01091')).toEqual(['Haut-Bugey et Pays de Gex'])
  })

  it('chaque commune de l’Ain est couverte par exactement un poste', () => {
    const sansPoste = communesDeLAin().filter((c) => secteurs(c.code).length !== 1).map((c) => c.nom)
    expect(sansPoste).toEqual([])
  })

  it('un code inconnu ne désigne personne', () => {
    expect(postesDeLaCommune('99999', postes, sites)).toEqual([])
  })
})
