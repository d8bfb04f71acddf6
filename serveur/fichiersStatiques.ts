import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

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

/** Chemin du fichier à servir pour une URL, ou undefined (jamais hors du dossier racine). */
export function resoudreFichier(racine: string, url: string): string | undefined {
  let chemin: string
  try {
    chemin = decodeURIComponent(new URL(url, 'http://x').pathname)
  } catch {
    return undefined
  }
  if (chemin.includes('\0')) return undefined
  const absolu = path.join(racine, path.normalize(chemin))
  if (absolu !== racine && !absolu.startsWith(racine + path.sep)) return undefined
  for (const candidat of [absolu, path.join(absolu, 'index.html')]) {
    try {
      if (statSync(candidat).isFile()) return candidat
    } catch {
      // essaie le suivant
    }
  }
  return undefined
}

export function envoyerFichier(req: IncomingMessage, res: ServerResponse, fichier: string, statut = 200) {
  const ext = path.extname(fichier)
  const immuable = fichier.includes(`${path.sep}_astro${path.sep}`)
  res.statusCode = statut
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream')
  // Les pages changent à chaque publication ; les ressources de /_astro portent une empreinte.
  res.setHeader('Cache-Control', immuable ? 'public, max-age=31536000, immutable' : 'no-cache')
  res.setHeader('Content-Length', statSync(fichier).size)
  if (req.method === 'HEAD') return res.end()
  createReadStream(fichier).pipe(res)
}
