import type { FileHandle } from 'node:fs/promises'
import { open, realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { EXTENSIONS_COMPRESSIBLES } from '../site/construction/precompression'
import { choisirEncodage, ENCODAGES, type Encodage } from './encodage'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Un fichier de la construction : chemin réel et chemin relatif au dossier servi (avec « / »). */
export type FichierStatique = { absolu: string; relatif: string }

const dansLeDossier = (racine: string, chemin: string) => chemin === racine || chemin.startsWith(racine + path.sep)

/**
 * Fichier à servir pour une URL, ou undefined. Jamais hors du dossier servi,
 * ni par « .. » ni par un lien symbolique qui en sort ; jamais un fichier ou
 * dossier caché (.env, .cache…) ; jamais une version précompressée demandée
 * directement (elles ne se servent que par négociation).
 */
export async function resoudreFichier(racine: string, url: string): Promise<FichierStatique | undefined> {
  let chemin: string
  try {
    chemin = decodeURIComponent(new URL(url, 'http://x').pathname)
  } catch {
    return undefined
  }
  if (chemin.includes('\0')) return undefined
  if (chemin.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return undefined
  if (ENCODAGES.some(({ extension }) => chemin.endsWith(extension))) return undefined
  const absolu = path.join(racine, path.normalize(chemin))
  if (!dansLeDossier(racine, absolu)) return undefined
  let racineReelle: string
  try {
    racineReelle = await realpath(racine)
  } catch {
    return undefined
  }
  for (const candidat of [absolu, path.join(absolu, 'index.html')]) {
    let reel: string
    try {
      reel = await realpath(candidat)
    } catch {
      continue
    }
    if (!dansLeDossier(racineReelle, reel)) continue
    const estFichier = await stat(reel).then((s) => s.isFile(), () => false)
    if (estFichier) return { absolu: reel, relatif: path.relative(racineReelle, reel).split(path.sep).join('/') }
  }
  return undefined
}

/**
 * `resoudreFichier` gardé en mémoire pour le dossier en service : chaque requête, page à la
 * demande comprise, cherche d'abord un fichier (deux ou trois realpath, coûteux en appels
 * système). Une construction publiée ne change plus (la suivante va dans un autre dossier) :
 * la réponse, même négative, vaut tant que le dossier ne change pas. Bornée, la table
 * repart de zéro quand des adresses inventées la remplissent.
 */
export function resolveurMemorise(plafond = 2000): (racine: string, url: string) => Promise<FichierStatique | undefined> {
  let courante = ''
  const table = new Map<string, Promise<FichierStatique | undefined>>()
  return (racine, url) => {
    const fin = url.search(/[?#]/)
    const chemin = fin === -1 ? url : url.slice(0, fin)
    if (racine !== courante || table.size >= plafond) {
      table.clear()
      courante = racine
    }
    let resolution = table.get(chemin)
    if (!resolution) {
      resolution = resoudreFichier(racine, chemin)
      table.set(chemin, resolution)
    }
    return resolution
  }
}

async function ouvrirFichier(chemin: string): Promise<{ handle: FileHandle; taille: number } | undefined> {
  const handle = await open(chemin, 'r').catch(() => undefined)
  if (!handle) return undefined
  const infos = await handle.stat().catch(() => undefined)
  if (infos?.isFile()) return { handle, taille: infos.size }
  await handle.close()
  return undefined
}

/**
 * Envoie un fichier résolu par `resoudreFichier`, précompressé si le client
 * l'accepte. Rend false si le fichier a disparu entre-temps (publication
 * remplacée et nettoyée) : l'appelant répond alors autrement. Une fois le
 * fichier ouvert, sa lecture va au bout même s'il est supprimé ; une erreur de
 * lecture coupe la réponse sans jamais arrêter le processus.
 */
export async function envoyerFichier(
  req: IncomingMessage,
  res: ServerResponse,
  fichier: FichierStatique,
  { statut = 200, entetes = {} }: { statut?: number; entetes?: Record<string, string> } = {},
): Promise<boolean> {
  const ext = path.extname(fichier.absolu)
  const compressible = EXTENSIONS_COMPRESSIBLES.has(ext)
  let encodage: Encodage | undefined
  let ouvert: Awaited<ReturnType<typeof ouvrirFichier>>
  if (compressible) {
    const disponibles: Encodage[] = []
    for (const { nom, extension } of ENCODAGES) {
      if (await stat(fichier.absolu + extension).then((s) => s.isFile(), () => false)) disponibles.push(nom)
    }
    encodage = choisirEncodage(req.headers['accept-encoding'], disponibles)
    const extension = ENCODAGES.find((e) => e.nom === encodage)?.extension
    if (extension) ouvert = await ouvrirFichier(fichier.absolu + extension)
    if (!ouvert) encodage = undefined
  }
  ouvert ??= await ouvrirFichier(fichier.absolu)
  if (!ouvert) return false

  res.statusCode = statut
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream')
  // Les pages changent à chaque publication ; les ressources de /_astro portent une empreinte.
  res.setHeader('Cache-Control', fichier.relatif.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache')
  if (compressible) res.setHeader('Vary', 'Accept-Encoding')
  if (encodage) res.setHeader('Content-Encoding', encodage)
  res.setHeader('Content-Length', ouvert.taille)
  for (const [nom, valeur] of Object.entries(entetes)) res.setHeader(nom, valeur)
  if (req.method === 'HEAD') {
    await ouvert.handle.close()
    res.end()
    return true
  }
  try {
    await pipeline(ouvert.handle.createReadStream(), res)
  } catch (e) {
    // Client parti en cours de route, ou lecture impossible : la réponse est déjà coupée par pipeline.
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`Lecture interrompue de /${fichier.relatif} : ${code ?? (e as Error).name}`)
  }
  return true
}
