import type { Payload } from 'payload'

import { chargerContenu, ErreurContenu } from '../../content/charger'
import { dossierContenu } from './dossier'
import { fichierFormation, type FichierFormation } from '../../content/schemas/formation'
import { fichierSites } from '../../content/schemas/site'

/**
 * Amorçage de la formation depuis content/formation.json, sur le modèle de
 * cms/seed : création seule, jamais de réécriture d'une modification faite
 * dans l'admin.
 * - ressources : créées si aucune ne porte leur slug (une ressource supprimée
 *   dans l'admin est recréée au passage suivant, comme les autres contenus) ;
 * - parcours d'intégration (global) : écrit seulement s'il n'a encore aucune
 *   étape (l'admin exige au moins une étape, il ne peut donc pas être vidé).
 */
export type BilanFormation = Record<'ressources-formation' | 'parcours-integration', { crees: number; existants: number }>

const CONTEXTE = { sansPublication: true, seed: true }

/** Valide le fichier (et les sites cités) avant toute écriture. */
export function chargerSeedFormation(dossier = dossierContenu()): FichierFormation {
  const formation = chargerContenu(fichierFormation, 'formation.json', dossier)
  const sites = new Set(chargerContenu(fichierSites, 'sites.json', dossier).sites.map((s) => s.slug))
  const problemes = formation.ressources.flatMap((r, i) =>
    r.lieuSite && !sites.has(r.lieuSite) ? [`ressources[${i}] (${r.slug}) › lieuSite : site « ${r.lieuSite} » absent de sites.json`] : [],
  )
  if (problemes.length > 0) throw new ErreurContenu('formation.json', problemes)
  return formation
}

export async function seederFormation(payload: Payload, options: { dossier?: string; contenu?: FichierFormation } = {}): Promise<BilanFormation> {
  const contenu = options.contenu ?? chargerSeedFormation(options.dossier)
  const bilan: BilanFormation = {
    'ressources-formation': { crees: 0, existants: 0 },
    'parcours-integration': { crees: 0, existants: 0 },
  }

  const existantes = await payload.find({ collection: 'ressources-formation' as never, pagination: false, depth: 0, overrideAccess: true })
  const slugs = new Set((existantes.docs as unknown as { slug: string }[]).map((d) => d.slug))
  const slugsSites = [...new Set(contenu.ressources.flatMap((r) => (r.lieuSite ? [r.lieuSite] : [])))]
  const sites = slugsSites.length
    ? (await payload.find({ collection: 'sites', where: { slug: { in: slugsSites } }, pagination: false, depth: 0, overrideAccess: true })).docs
    : []
  const idSite = new Map(sites.map((s) => [s.slug, s.id]))

  for (const r of contenu.ressources) {
    if (slugs.has(r.slug)) {
      bilan['ressources-formation'].existants++
      continue
    }
    const { lieuSite, ...reste } = r
    if (lieuSite && !idSite.has(lieuSite))
      throw new ErreurContenu('formation.json', [`${r.slug} › lieuSite : site « ${lieuSite} » introuvable dans la base (amorcer les sites d'abord)`])
    await payload.create({
      collection: 'ressources-formation' as never,
      data: { ...reste, lieuSite: lieuSite ? idSite.get(lieuSite) : undefined, exemple: r.exemple ?? false } as never,
      context: CONTEXTE,
      overrideAccess: true,
      depth: 0,
    })
    bilan['ressources-formation'].crees++
  }

  const parcours = (await payload.findGlobal({ slug: 'parcours-integration' as never, depth: 0, overrideAccess: true })) as unknown as {
    etapes?: unknown[] | null
  } | null
  if (parcours?.etapes?.length) bilan['parcours-integration'].existants++
  else {
    await payload.updateGlobal({
      slug: 'parcours-integration' as never,
      data: contenu.parcours as never,
      context: CONTEXTE,
      overrideAccess: true,
      depth: 0,
    })
    bilan['parcours-integration'].crees++
  }
  return bilan
}
