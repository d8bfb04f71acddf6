import { z } from 'zod'

/**
 * Les lignes agrégées d'où se calculent les neuf indicateurs : ce que
 * renvoient les requêtes SQL (cms/indicateurs/requetes.ts) et l'agrégation
 * de référence en mémoire (agregation.ts). Des effectifs par catégorie,
 * jamais une ligne par personne : rien de ce qui sort d'ici ne désigne
 * quelqu'un. Le schéma est la frontière entre la base et le calcul.
 */

/** Dimensions comptées par saisine (indicateurs 1, 4, 5, 6, 7). */
export const DIMENSIONS_SAISINE = ['profil', 'mode', 'origine', 'problematique', 'connueDepartement', 'connueCaf'] as const
export type DimensionSaisine = (typeof DIMENSIONS_SAISINE)[number]

/** Dimensions comptées par bénéficiaire dédoublonné (indicateurs 1, 2, 3). */
export const DIMENSIONS_BENEFICIAIRE = ['profil', 'trancheAge', 'sexe', 'situationFamiliale', 'commune'] as const
export type DimensionBeneficiaire = (typeof DIMENSIONS_BENEFICIAIRE)[number]

const effectif = z.coerce.number().int().min(0)
const valeur = z.union([z.string(), z.number().transform(String)]).nullable()

export const schemaAgregats = z.object({
  saisines: z.array(z.object({ dimension: z.enum(DIMENSIONS_SAISINE), valeur, n: effectif })),
  /** Saisines par unité qui a saisi (id de site, `null` : aucune) et nature. */
  saisinesParUnite: z.array(z.object({ unite: valeur, nature: z.string(), n: effectif })),
  /** Bénéficiaires dédoublonnés ; `sansCle` : personnes qui n'ont pas pu être rapprochées. */
  beneficiaires: z.array(z.object({ dimension: z.enum(DIMENSIONS_BENEFICIAIRE), valeur, sansCle: z.coerce.boolean(), n: effectif })),
  /** Personnes nommées dans les saisines de la période, avant dédoublonnage. */
  personnesCitees: effectif,
  actes: z.array(z.object({ type: z.string(), n: effectif })),
  /** Saisines ayant au moins un acte dans la période. */
  saisinesSuivies: effectif,
  orientations: z.array(z.object({ typePartenaire: valeur, statut: z.string(), n: effectif })),
  durees: z.array(z.object({ etat: z.enum(['terminee', 'en-cours']), jours: z.coerce.number().int().min(0), n: effectif })),
})
export type Agregats = z.infer<typeof schemaAgregats>
