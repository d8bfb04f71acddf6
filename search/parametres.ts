import { z } from 'zod'

import { moteurInstalle } from './partage.ts'
import { ErreurRequete, type ReponseRecherche, type RequeteRecherche, requeteRecherche } from './port.ts'

/**
 * Paramètres d'URL de la recherche (formulaire GET, endpoint JSON, fragment
 * de la recherche au fil de la frappe) : un seul format, validé par zod.
 * Les filtres se répètent : ?thematique=a&thematique=b.
 */
const FILTRES = { thematique: 'thematiques', public: 'publics', type: 'types_partenaires', accueil: 'modes_accueil', frais: 'frais' } as const
const PAR_PAGE = 20

const parametres = z.object({
  q: z.string().max(200, 'La recherche est limitée à 200 caractères.').default(''),
  commune: z.string().optional(),
  page: z.coerce.number({ error: 'page : nombre attendu' }).int('page : nombre entier attendu').min(1, 'page : 1 au moins').max(50, 'page : 50 au plus').default(1),
  en_cours: z.enum(['0', '1'], { error: 'en_cours : 0 ou 1 attendu' }).optional(),
  /** Recherche littérale (lien « rechercher exactement … ») : aucune correction de la saisie. */
  exact: z.enum(['0', '1'], { error: 'exact : 0 ou 1 attendu' }).optional(),
})

export type ParametresRecherche = { requete: RequeteRecherche; q: string; commune?: string; page: number; filtres: Record<string, string[]> }

export function lireParametres(url: URL): { ok: true; valeur: ParametresRecherche } | { ok: false; erreurs: string[] } {
  const brut = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => !(k in FILTRES)))
  const lu = parametres.safeParse({ ...brut, commune: brut.commune || undefined })
  if (!lu.success) return { ok: false, erreurs: lu.error.issues.map((i) => i.message) }
  const filtres: Record<string, string[]> = {}
  for (const [param, champ] of Object.entries(FILTRES)) {
    const valeurs = url.searchParams.getAll(param).filter(Boolean)
    if (valeurs.length) filtres[champ] = valeurs
  }
  const requete: RequeteRecherche = {
    texte: lu.data.q.trim(),
    commune: lu.data.commune,
    filtres,
    limite: PAR_PAGE,
    decalage: (lu.data.page - 1) * PAR_PAGE,
    enCours: lu.data.en_cours === '1',
    litteral: lu.data.exact === '1',
  }
  const verifie = requeteRecherche.safeParse(requete)
  if (!verifie.success) return { ok: false, erreurs: verifie.error.issues.map((i) => i.message) }
  return { ok: true, valeur: { requete, q: lu.data.q, commune: lu.data.commune, page: lu.data.page, filtres } }
}

/**
 * Lien vers la page de recherche pour une autre saisie, les autres paramètres
 * (commune, filtres) gardés : « Vouliez-vous dire … ? » et « rechercher
 * exactement … ». Depuis le fragment de la recherche au fil de la frappe aussi.
 */
export function lienRecherche(courante: URL, q: string, exact: boolean): string {
  const params = new URLSearchParams(courante.search)
  params.set('q', q)
  params.delete('page')
  params.delete('en_cours')
  if (exact) params.set('exact', '1')
  else params.delete('exact')
  return `/annuaire/recherche?${params}`
}

export const NOMS_PARAMETRES_FILTRES = Object.fromEntries(Object.entries(FILTRES).map(([p, c]) => [c, p])) as Record<string, string>
export { PAR_PAGE }

/** Recherche dans le moteur du serveur ; une requête invalide (commune inconnue…) devient une liste d'erreurs en français. */
export async function rechercher(requete: RequeteRecherche): Promise<{ ok: true; reponse: ReponseRecherche } | { ok: false; erreurs: string[]; indisponible?: boolean }> {
  const moteur = moteurInstalle()
  if (!moteur) return { ok: false, erreurs: ['La recherche est momentanément indisponible.'], indisponible: true }
  try {
    return { ok: true, reponse: await moteur.rechercher(requete) }
  } catch (e) {
    if (e instanceof ErreurRequete) return { ok: false, erreurs: e.problemes }
    throw e
  }
}
