import type { Payload } from 'payload'

import { obtenirPayload } from '../../cms/base'
import type { Plaquette, Poste, Referentiel, Service, Site, Structure } from '../../cms/payload-types'

/**
 * Lecture du contenu publié, pour les pages du portail. Les lectures passent par
 * l'API locale de Payload en respectant les règles d'accès d'un visiteur anonyme
 * (overrideAccess: false) : une page publique ne peut rien montrer de plus qu'un
 * anonyme n'a le droit de lire.
 */
let instance: Promise<Payload> | undefined
export const payload = () => (instance ??= obtenirPayload())

const memo = new Map<string, Promise<unknown>>()
const memoriser = <T>(cle: string, lire: () => Promise<T>): Promise<T> => {
  if (!memo.has(cle)) memo.set(cle, lire())
  return memo.get(cle) as Promise<T>
}

const tous = async <T>(collection: 'sites' | 'postes' | 'structures' | 'services' | 'plaquettes' | 'referentiels', depth = 0, sort?: string) =>
  (await (await payload()).find({ collection, pagination: false, depth, sort, overrideAccess: false })).docs as T[]

export const sites = () => memoriser('sites', () => tous<Site>('sites', 0, 'ordre'))
export const postes = () => memoriser('postes', () => tous<Poste>('postes', 0, 'ordre'))
export const structures = () => memoriser('structures', () => tous<Structure>('structures', 0, 'nom'))
export const services = () => memoriser('services', () => tous<Service>('services', 0, 'nom'))
export const plaquettes = () => memoriser('plaquettes', () => tous<Plaquette>('plaquettes', 1, '-date'))
const referentiels = () => memoriser('referentiels', () => tous<Referentiel>('referentiels', 0, 'ordre'))

/** Entrées actives d'un référentiel, dans l'ordre choisi par l'opérateur. */
export async function referentiel(nom: Referentiel['referentiel']): Promise<Referentiel[]> {
  return (await referentiels()).filter((r) => r.referentiel === nom && r.actif !== false)
}

export const id = (ref: number | string | { id: number | string } | null | undefined) =>
  ref && typeof ref === 'object' ? ref.id : ref

/** Les postes qui couvrent un site. */
export async function postesDuSite(site: Site): Promise<Poste[]> {
  return (await postes()).filter((p) => (p.sites ?? []).some((s) => id(s) === site.id))
}

export async function servicesDeLaStructure(structure: Structure): Promise<Service[]> {
  return (await services()).filter((s) => id(s.structure) === structure.id)
}
