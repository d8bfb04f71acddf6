import { readFileSync } from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { DIRECTIVES_DES_PAGES } from '../site/construction/politiqueDeSecurite'

/**
 * Politiques de sécurité du contenu (CSP) envoyées par le serveur.
 *
 * - Pages du portail : la politique calculée par Astro à la construction
 *   (security.csp dans astro.config.mjs : 'self' plus l'empreinte de chaque
 *   script ou style incrusté, jamais 'unsafe-inline'), écrite pour chaque page
 *   statique dans _headers.json et posée par Astro lui-même sur les pages à la
 *   demande.
 * - Toute autre réponse (CSS, scripts, images, JSON, agendas, erreurs) : rien
 *   n'est permis, sauf l'incrustation par le portail lui-même.
 * - Admin Payload (Next) : elle a besoin de scripts et styles incrustés ; on
 *   interdit au moins son incrustation par un autre site et les balises
 *   <object>/<base> détournées.
 */
export const POLITIQUE_PAR_DEFAUT = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
export const POLITIQUE_ADMIN = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
/** Page dont la construction ne donne pas la politique : les mêmes règles, sans aucun script ni style incrusté. */
export const POLITIQUE_PAGE_SANS_EMPREINTES = [...DIRECTIVES_DES_PAGES, "script-src 'self'", "style-src 'self'"].join('; ')

/** Fichier écrit par @astrojs/node (option staticHeaders) à la racine de chaque construction. */
const EntetesStatiques = z.array(
  z.object({
    pathname: z.string(),
    headers: z.array(z.object({ key: z.string(), value: z.string() })),
  }),
)

/** Chemin de route d'un fichier de page : « annuaire/x/index.html » → « /annuaire/x », « 404.html » → « /404 ». */
export function cheminDePage(relatif: string): string {
  const sansIndex = relatif.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')
  return `/${sansIndex}`.replace(/\/+$/, '') || '/'
}

type Politiques = { parPage: Map<string, string>; commune?: string }

let enCache: { dossier: string; politiques: Politiques } | undefined

function lirePolitiques(dossierClient: string): Politiques {
  const fichier = path.join(path.dirname(dossierClient), '_headers.json')
  let brut: unknown
  try {
    brut = JSON.parse(readFileSync(fichier, 'utf8'))
  } catch {
    return { parPage: new Map() }
  }
  const lu = EntetesStatiques.safeParse(brut)
  if (!lu.success) {
    console.error(`En-têtes de la construction illisibles (${fichier}) : les pages n'auront que la politique par défaut.`)
    return { parPage: new Map() }
  }
  const parPage = new Map<string, string>()
  for (const { pathname, headers } of lu.data) {
    const csp = headers.find((h) => h.key.toLowerCase() === 'content-security-policy')?.value
    if (csp) parPage.set(pathname.replace(/\/+$/, '') || '/', csp)
  }
  return { parPage, commune: parPage.values().next().value }
}

/**
 * Politique d'une page statique de la construction servie. Les politiques sont
 * relues à chaque changement de construction (publication). Une page absente
 * du fichier reçoit celle des autres pages : toutes partagent la mise en page
 * et donc les mêmes scripts et styles ; sans fichier, la politique stricte
 * sans empreintes (la page s'affiche, ses scripts incrustés sont bloqués).
 */
export function politiqueDePage(dossierClient: string, relatif: string): string {
  if (enCache?.dossier !== dossierClient) enCache = { dossier: dossierClient, politiques: lirePolitiques(dossierClient) }
  const { parPage, commune } = enCache.politiques
  return parPage.get(cheminDePage(relatif)) ?? commune ?? POLITIQUE_PAGE_SANS_EMPREINTES
}
