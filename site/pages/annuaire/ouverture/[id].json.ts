import type { APIRoute } from 'astro'

import { payload } from '../../../lib/cms'
import { etatOuverture } from '../../../../domaine/annuaire/horaires'

export const prerender = false

/**
 * « Ouvert aujourd'hui jusqu'à 17 h » change d'heure en heure : la fiche
 * statique affiche les horaires de la semaine et demande ici l'état du moment
 * (la bibliothèque d'horaires pèse 1 Mo, trop lourd pour le navigateur).
 */
export const GET: APIRoute = async ({ params }) => {
  const id = params.id ?? ''
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    return Response.json({ erreur: 'Identifiant de structure invalide (lettres minuscules, chiffres et tirets).' }, { status: 400 })
  const p = await payload()
  const structure = (await p.find({ collection: 'structures', where: { id_source: { equals: id } }, limit: 1, pagination: false, depth: 0, overrideAccess: false })).docs[0]
  if (!structure) return Response.json({ erreur: 'Structure introuvable.' }, { status: 404 })
  const services = (await p.find({ collection: 'services', where: { structure: { equals: structure.id } }, pagination: false, depth: 0, overrideAccess: false })).docs
  const maintenant = new Date()
  return Response.json(
    {
      structure: etatOuverture(structure.horaires_accueil, maintenant) ?? null,
      services: Object.fromEntries(services.filter((s) => s.horaires_accueil).map((s) => [s.id_source, etatOuverture(s.horaires_accueil, maintenant) ?? null])),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
