import type { Payload, PayloadRequest } from 'payload'

/**
 * Une fiche de la collection `vocabulaire` : une entrée du vocabulaire de
 * recherche (search/vocabulaire/schema.ts, `EntreeVocabulaire`), champ pour
 * champ. Les listes vides peuvent revenir de la base en `null` ou absentes :
 * `entreeDepuisFiche` les ramène à la forme attendue par le schéma.
 */
export const SLUG_VOCABULAIRE = 'vocabulaire'

export type FicheVocabulaire = {
  id: number | string
  code: string
  libelle: string
  sigles?: string[] | null
  expressions?: string[] | null
  mots_associes?: string[] | null
  thematiques?: string[] | null
  types_partenaires?: string[] | null
  publics?: string[] | null
}

const LISTES = ['sigles', 'expressions', 'mots_associes', 'thematiques', 'types_partenaires', 'publics'] as const

/** Forme brute d'une entrée (validée ensuite par `vocabulaireDepuisEntrees`), depuis une fiche ou une saisie partielle. */
export function entreeDepuisFiche(fiche: Partial<Record<string, unknown>>): Record<string, unknown> {
  const entree: Record<string, unknown> = { code: fiche.code ?? undefined, libelle: fiche.libelle ?? undefined }
  for (const champ of LISTES) entree[champ] = fiche[champ] ?? []
  return entree
}

/**
 * API locale vue sans les types générés : la collection est enregistrée par
 * la configuration, mais `payload-types.ts` peut ne pas encore la connaître.
 */
type ApiVocabulaire = {
  find(args: Record<string, unknown>): Promise<{ docs: FicheVocabulaire[] }>
  create(args: Record<string, unknown>): Promise<FicheVocabulaire>
}
const api = (payload: Payload) => payload as unknown as ApiVocabulaire

/** Toutes les fiches, dans l'ordre de création (celui du fichier livré pour un référentiel amorcé). */
export async function lireFiches(payload: Payload, req?: PayloadRequest): Promise<FicheVocabulaire[]> {
  const { docs } = await api(payload).find({
    collection: SLUG_VOCABULAIRE,
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  return docs
}

export async function creerFiche(payload: Payload, data: Record<string, unknown>, context: Record<string, unknown>): Promise<FicheVocabulaire> {
  return api(payload).create({ collection: SLUG_VOCABULAIRE, data, context, overrideAccess: true, depth: 0 })
}
