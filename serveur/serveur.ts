import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'

import { poserAdresseClient } from '../socle/adresseClient'
import type { Disponibilite } from '../socle/sante'
import { cheminJournalisable, identifiantRequete, journalServeur, type Journal } from '../socle/journal'
import { typeErreur } from '../socle/journauxCaviardes'
import { verifierCorps } from '../socle/limitesCorps'
import { erreurParametresApi } from '../socle/parametresApi'
import { envoyerFichier, resolveurMemorise, resoudreFichier, type FichierStatique } from './fichiersStatiques'
import { POLITIQUE_ADMIN, POLITIQUE_PAR_DEFAUT, politiqueDePage } from './politiqueDeSecurite'
import { libreSansSession, redirectionAdmin } from './accesPortail'
import { adresseClient, origineAcceptee, viaProxyDeConfiance, type ReglesProxy } from './proxy'

/**
 * Une seule origine pour tout le portail : l'admin Payload (Next) sur /admin et
 * /api, les pages statiques publiées, et les routes à la demande d'Astro. Les
 * cookies de session et les règles CSRF restent ainsi simples.
 */
export type Gestionnaire = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>
export type GestionnaireAstro = (
  req: IncomingMessage,
  res: ServerResponse,
  suite: () => void,
  locals?: { adresseClient: string },
) => void | Promise<void>

export type OptionsServeur = {
  /** Dossier des fichiers statiques en service ; relu à chaque requête (bascule atomique). */
  dossierStatique: () => string | undefined
  next: Gestionnaire
  astro: GestionnaireAstro
  /** Routes servies directement (sans passer par Astro), par chemin exact. */
  routes?: Record<string, Gestionnaire>
  /** Disponibilité (/sante/pret) : 503 si une dépendance obligatoire manque (voir socle/sante.ts). */
  sante: () => Promise<Disponibilite>
  /** Adresse publique en https (PASSERELLE_URL) : les navigateurs n'y reviennent plus qu'en https (HSTS). */
  https?: boolean
  /** Proxys de confiance et adresse publique : origine des formulaires, adresse réelle du client. */
  proxy: ReglesProxy
  /**
   * PORTAIL_ACCES=connecte : la requête porte-t-elle une session complète ?
   * Absent : le portail est ouvert (intranet de l'État), seul l'espace connecté la demande.
   */
  sessionExigee?: (req: IncomingMessage) => Promise<boolean>
  /** Les champs qui portent un identifiant dans chaque collection de l'API REST (relations, fichiers), vérifiés avant Payload. */
  champsIdentifiants?: ReadonlyMap<string, ReadonlySet<string>>
  /** Journal JSON des requêtes et des erreurs (par défaut celui du processus). */
  journal?: Journal
}

const versNext = (url: string) => /^\/(admin|api|_next)(\/|$|\?)/.test(url)

/** Un an, sans includeSubDomains : les autres services du domaine de la préfecture ne sont pas les nôtres. */
const HSTS = 'max-age=31536000'

function entetesDeSecurite(res: ServerResponse, { https, admin }: { https: boolean; admin: boolean }) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'same-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  // Remplacée par celle de la page pour les pages du portail (statiques ici, à la demande par Astro).
  res.setHeader('Content-Security-Policy', admin ? POLITIQUE_ADMIN : POLITIQUE_PAR_DEFAUT)
  if (https) res.setHeader('Strict-Transport-Security', HSTS)
}

/** Les pages portent la politique calculée par Astro (empreintes de leurs scripts et styles). */
/** Répond sans lire le corps, puis ferme la connexion : le reste de l'envoi n'est jamais lu. */
function refuserCorps(res: ServerResponse, statut: number, message: string) {
  res.writeHead(statut, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
  res.end(message)
}

const entetesDuFichier = (dossier: string, fichier: FichierStatique): Record<string, string> => {
  const politique = fichier.relatif.endsWith('.html') ? politiqueDePage(dossier, fichier.relatif) : undefined
  return politique ? { 'Content-Security-Policy': politique } : {}
}

export function creerServeur(options: OptionsServeur): Server {
  const journal = options.journal ?? journalServeur
  const resoudre = resolveurMemorise()
  return createServer(async (req, res) => {
    const url = req.url ?? '/'
    // Un identifiant par requête, renvoyé au client et transmis à l'admin et à Astro : une personne
    // qui signale une erreur donne cet identifiant, l'exploitant retrouve la ligne du journal.
    const debut = performance.now()
    const requete = identifiantRequete(req.headers['x-request-id'], viaProxyDeConfiance(req, options.proxy), randomUUID)
    req.headers['x-request-id'] = requete
    res.setHeader('X-Request-Id', requete)
    res.once('close', () =>
      journal.info(
        { requete, methode: req.method, chemin: cheminJournalisable(url), statut: res.statusCode, dureeMs: Math.round(performance.now() - debut), termine: res.writableFinished },
        'requête',
      ),
    )
    // L'adresse réelle du client (proxy de confiance compris), pour le journal d'audit et les
    // limites de débit : établie ici, jamais reprise telle quelle d'un en-tête du client.
    const adresse = adresseClient(req, options.proxy)
    poserAdresseClient(req, adresse)
    const admin = versNext(url)
    entetesDeSecurite(res, { https: options.https ?? false, admin })
    const corps = verifierCorps(req.method, url, req.headers)
    if (!corps.accepte) return refuserCorps(res, corps.statut, corps.message)
    // Jamais de détail (ni donnée) dans la réponse ni dans le journal : le type d'erreur suffit.
    const erreurServeur = (e: unknown) => {
      // Le client est parti avant la réponse (onglet fermé, banc arrêté) : ce n'est pas une panne, et
      // la journaliser comme telle noierait les vraies erreurs que la supervision doit voir.
      if (req.destroyed || res.destroyed) {
        journal.info({ requete, methode: req.method, chemin: cheminJournalisable(url), erreur: typeErreur(e) }, 'Requête abandonnée par le client')
        return
      }
      journal.error({ requete, methode: req.method, chemin: cheminJournalisable(url), erreur: typeErreur(e) }, 'Erreur serveur')
      if (!res.headersSent) {
        res.statusCode = 500
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      }
      res.end('Erreur interne du serveur')
    }
    const introuvable = async (dossier: string | undefined) => {
      const page404 = dossier && (await resoudreFichier(dossier, '/404.html'))
      if (page404 && (await envoyerFichier(req, res, page404, { statut: 404, entetes: entetesDuFichier(dossier, page404) }))) return
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end('Page introuvable')
    }
    const chemin = url.split('?')[0]!
    try {
      const redirection = redirectionAdmin(chemin)
      if (redirection) {
        res.writeHead(303, { Location: redirection, 'Cache-Control': 'no-store' })
        return res.end()
      }
      if (options.sessionExigee && !libreSansSession(chemin) && !(await options.sessionExigee(req))) {
        if (req.method === 'GET' || req.method === 'HEAD') {
          // Le chemin seul (jamais la requête : elle peut porter une recherche).
          res.writeHead(303, { Location: `/connexion?retour=${encodeURIComponent(chemin)}`, 'Cache-Control': 'no-store' })
          return res.end()
        }
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        return res.end('Connexion requise : ce portail n’est accessible qu’aux personnes connectées.')
      }
      if (admin) {
        const collection = chemin.split('/')[2] ?? ''
        const erreur = chemin.startsWith('/api/')
          ? erreurParametresApi(new URLSearchParams(url.slice(chemin.length + 1)), options.champsIdentifiants?.get(collection))
          : undefined
        if (erreur) {
          res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
          return res.end(JSON.stringify({ errors: [{ message: erreur }] }))
        }
        return await options.next(req, res)
      }
      const route = options.routes?.[chemin]
      if (route) return await route(req, res)
      if (chemin === '/sante' || chemin === '/sante/pret') {
        // Vivacité : le processus répond, sans rien interroger. Disponibilité : chaque dépendance.
        const etat = chemin === '/sante' ? { statut: 'ok' } : await options.sante()
        res.statusCode = etat.statut === 'indisponible' ? 503 : 200
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.setHeader('Cache-Control', 'no-store')
        return res.end(JSON.stringify(etat))
      }
      const dossier = options.dossierStatique()
      const fichier = dossier ? await resoudre(dossier, url) : undefined
      if (dossier && fichier) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.statusCode = 405
          res.setHeader('Allow', 'GET, HEAD')
          res.setHeader('Content-Type', 'text/plain; charset=utf-8')
          return res.end('Méthode non autorisée : cette adresse ne se lit qu’avec GET.')
        }
        if (await envoyerFichier(req, res, fichier, { entetes: entetesDuFichier(dossier, fichier) })) return
      }
      if (!origineAcceptee(req, options.proxy)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
        return res.end('Envoi refusé : ce formulaire doit être envoyé depuis le portail lui-même.')
      }
      // Astro appelle « suite » sans l'attendre : ses erreurs sont traitées ici.
      await options.astro(req, res, () => void introuvable(dossier).catch(erreurServeur), { adresseClient: adresse })
    } catch (e) {
      erreurServeur(e)
    }
  })
}

export const dossierClient = (construction: string | undefined) =>
  construction ? path.join(construction, 'client') : undefined
