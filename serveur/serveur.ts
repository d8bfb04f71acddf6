import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'

import { poserAdresseClient } from '../socle/adresseClient'
import { envoyerFichier, resoudreFichier } from './fichiersStatiques'

/**
 * Une seule origine pour tout le portail : l'admin Payload (Next) sur /admin et
 * /api, les pages statiques publiées, et les routes à la demande d'Astro. Les
 * cookies de session et les règles CSRF restent ainsi simples.
 */
export type Gestionnaire = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>
export type GestionnaireAstro = (req: IncomingMessage, res: ServerResponse, suite: () => void) => void | Promise<void>

export type OptionsServeur = {
  /** Dossier des fichiers statiques en service ; relu à chaque requête (bascule atomique). */
  dossierStatique: () => string | undefined
  next: Gestionnaire
  astro: GestionnaireAstro
  /** Routes servies directement (sans passer par Astro), par chemin exact. */
  routes?: Record<string, Gestionnaire>
  /** État de santé pour la sonde de Docker : 200 si la base répond, 503 sinon. */
  sante: () => Promise<{ ok: boolean; details: Record<string, unknown> }>
}

const versNext = (url: string) => /^\/(admin|api|_next)(\/|$|\?)/.test(url) || url === '/favicon.ico'

function entetesDeSecurite(res: ServerResponse) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'same-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
}

export function creerServeur(options: OptionsServeur): Server {
  return createServer(async (req, res) => {
    const url = req.url ?? '/'
    entetesDeSecurite(res)
    poserAdresseClient(req)
    try {
      if (versNext(url)) return await options.next(req, res)
      const route = options.routes?.[url.split('?')[0]!]
      if (route) return await route(req, res)
      if (url === '/sante') {
        const { ok, details } = await options.sante()
        res.statusCode = ok ? 200 : 503
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.setHeader('Cache-Control', 'no-store')
        return res.end(JSON.stringify({ statut: ok ? 'ok' : 'indisponible', ...details }))
      }
      const dossier = options.dossierStatique()
      if (dossier && (req.method === 'GET' || req.method === 'HEAD')) {
        const fichier = resoudreFichier(dossier, url)
        if (fichier) return envoyerFichier(req, res, fichier)
      }
      await options.astro(req, res, () => {
        const page404 = dossier && resoudreFichier(dossier, '/404.html')
        if (page404) return envoyerFichier(req, res, page404, 404)
        res.statusCode = 404
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
        res.end('Page introuvable')
      })
    } catch (e) {
      // Jamais de détail (ni donnée) dans la réponse ni dans le journal : le type d'erreur suffit.
      console.error(`Erreur serveur sur ${req.method} ${url.split('?')[0]} : ${(e as Error).name}`)
      if (!res.headersSent) {
        res.statusCode = 500
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      }
      res.end('Erreur interne du serveur')
    }
  })
}

export const dossierClient = (construction: string | undefined) =>
  construction ? path.join(construction, 'client') : undefined
