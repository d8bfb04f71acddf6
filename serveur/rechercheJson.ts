import type { IncomingMessage, ServerResponse } from 'node:http'

import { lireParametres, rechercher } from '../search/parametres'

/**
 * GET /annuaire/recherche.json (q, commune, thematique, public, type, accueil,
 * frais, page) : paramètres validés par zod, 400 en français sur une entrée
 * invalide. Servi directement par le serveur et non par une route Astro : la
 * recherche au fil de la frappe l'appelle à chaque touche, et le passage par
 * Astro doublait le coût d'une requête (mesuré : 770 contre plus de 1 500
 * requêtes par seconde avec 20 clients).
 */
export async function repondreRechercheJson(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const envoyer = (statut: number, corps: unknown) => {
    const texte = JSON.stringify(corps)
    res.writeHead(statut, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(texte),
      'Cache-Control': 'no-store',
    })
    res.end(texte)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return envoyer(405, { erreurs: ['Méthode non autorisée : utilisez GET.'] })
  const lus = lireParametres(new URL(req.url ?? '/', 'http://passerelle.invalid'))
  if (!lus.ok) return envoyer(400, { erreurs: lus.erreurs })
  const resultat = await rechercher(lus.valeur.requete)
  if (!resultat.ok) return envoyer(resultat.indisponible ? 503 : 400, { erreurs: resultat.erreurs })
  envoyer(200, resultat.reponse)
}
