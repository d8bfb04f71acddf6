import type { AstroGlobal } from 'astro'
import type { Payload } from 'payload'

import { acteurSaisineDe, type ActeurEspace } from '../../cms/saisines/acteur'
import { nomCommune } from '../../domaine/territoire'

/** La commune tapée → code INSEE : règle du territoire, partagée avec l'import de la synthèse du GGD. */
export { codeCommuneSaisie } from '../../domaine/territoire'
import { dateEnMots, instantEnMots } from '../../domaine/temps'
import { configuration } from '../../socle/configuration'
import type { Connecte } from './session'

/**
 * Ce que les pages des saisines (/espace/saisines/…) partagent : l'acteur de
 * la session, la commune tapée dans le formulaire ramenée à son code INSEE,
 * le cookie de la saisie mise en attente quand la session a expiré.
 */

export const acteurDeSession = (s: Connecte): ActeurEspace | null => acteurSaisineDe(s.utilisateur)

type AvecAdresse = Pick<AstroGlobal, 'locals' | 'clientAddress'>
export const adresseDe = (Astro: AvecAdresse): string | null => Astro.locals.adresseClient ?? Astro.clientAddress ?? null

/** L'adresse publique du portail, pour le lien du courriel de notification. */
export const urlPortail = (Astro: Pick<AstroGlobal, 'url'>) => configuration().urlPublique ?? Astro.url.origin

/**
 * Le cookie qui porte le jeton d'une saisie arrivée sans session valide :
 * jamais dans l'URL (la saisie contient des noms), limité aux pages des
 * saisines, un quart d'heure comme la saisie en attente côté serveur.
 */
export const COOKIE_ATTENTE = 'passerelle-saisie-en-attente'
export const optionsCookieAttente = (maxAge: number) =>
  ({ httpOnly: true, sameSite: 'lax', path: '/espace/saisines', maxAge, secure: configuration().cookiesSecurises }) as const

/** Le nom à réafficher pour une commune enregistrée (code INSEE). */
export const nomDeCommune = (code: string | null | undefined) => (code ? nomCommune(code) : '')

/** « mardi 1er décembre 2026 » pour une date « AAAA-MM-JJ », ou pour le jour (à Paris) d'un instant ISO. */
export function jourEnMots(date: string | null | undefined): string {
  if (!date) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return dateEnMots(date, { avecAnnee: true })
  return Number.isNaN(Date.parse(date)) ? '' : dateEnMots(new Date(date), { avecAnnee: true })
}
/** « mardi 1er décembre 2026, 14 h 30 » pour un instant ISO. */
export const instantISOEnMots = (iso: string | null | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? instantEnMots(new Date(iso), { avecAnnee: true }) : '')

/**
 * Le choix d'un résultat de la recherche de l'annuaire (« identifiant de la
 * structure|identifiant du service », ceux de data·inclusion que la recherche
 * connaît) → les identifiants en base qu'attend l'orientation. Une valeur
 * inconnue donne des champs vides : l'orientation le refuse en nommant le champ.
 */
export async function structureEtServiceChoisis(p: Payload, choix: string): Promise<{ structure: string; service?: string }> {
  const [idStructure = '', idService = ''] = choix.split('|')
  if (!idStructure) return { structure: '' }
  const trouver = async (collection: 'structures' | 'services', idSource: string) =>
    idSource
      ? (await p.find({ collection, where: { id_source: { equals: idSource } }, limit: 1, pagination: false, depth: 0, overrideAccess: true, select: {} })).docs[0]?.id
      : undefined
  const [structure, service] = await Promise.all([trouver('structures', idStructure), trouver('services', idService)])
  return { structure: structure === undefined ? '' : String(structure), ...(service === undefined ? {} : { service: String(service) }) }
}
