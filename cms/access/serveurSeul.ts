import type { CollectionConfig } from 'payload'

/**
 * Aucun accès par l'API REST ni par l'admin : les saisines et tout ce qui s'y
 * rattache ne se lisent et ne s'écrivent que par cms/saisines/, qui décide
 * chaque opération avec `operationPermise` (domaine/saisines/statuts.ts) sur
 * l'enregistrement visé (auteur, poste) et la journalise. Une API générique
 * ne saurait ni déchiffrer ni réduire la vue de l'agent à ce que l'article 4
 * permet : elle reste donc fermée à tous, opérateur compris.
 */
export const serveurSeul: NonNullable<CollectionConfig['access']> = {
  read: () => false,
  create: () => false,
  update: () => false,
  delete: () => false,
}
