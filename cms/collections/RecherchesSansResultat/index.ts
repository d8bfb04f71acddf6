import type { CollectionConfig } from 'payload'

import { FENETRE_JOURS, NOMBRE_AFFICHE } from '../../../search/retour/contrat'
import { selonPolitique } from '../../access/selonPolitique'
import { SLUG_VOCABULAIRE } from '../Vocabulaire/fiche'
import { SLUG_RECHERCHES_SANS_RESULTAT } from './comptage'
import { rattacherAuConcept } from './hooks'

/** Champs tenus par le serveur : visibles, jamais modifiables dans l'admin ni par l'API. */
const tenuParLeServeur = { access: { create: () => false, update: () => false }, admin: { readOnly: true } } as const

/**
 * « Recherches sans résultat » : les recherches du portail qui n'ont rien
 * trouvé, pour que l'opérateur voie ce qui manque au vocabulaire. Une entrée
 * par recherche normalisée (search/retour/examen.ts : jamais un nom, un
 * téléphone, une adresse, un courriel), avec son nombre et ses dates ; ni
 * personne, ni adresse IP. Créées et comptées par le serveur seul
 * (cms/collections/RecherchesSansResultat/comptage.ts), supprimées 90 jours
 * après la dernière recherche. L'opérateur choisit une entrée du vocabulaire
 * et enregistre : la recherche devient une expression de cette entrée et la
 * recherche du portail la comprend aussitôt.
 */
export const RecherchesSansResultat: CollectionConfig = {
  slug: SLUG_RECHERCHES_SANS_RESULTAT,
  labels: { singular: 'Recherche sans résultat', plural: 'Recherches sans résultat' },
  admin: {
    useAsTitle: 'requete',
    defaultColumns: ['requete', 'nombre', 'derniere_recherche', 'statut', 'concept'],
    group: 'Référentiels',
    listSearchableFields: ['requete'],
    pagination: { defaultLimit: NOMBRE_AFFICHE },
    description: `Recherches du portail qui n’ont donné aucun résultat ces ${FENETRE_JOURS} derniers jours, les plus fréquentes d’abord. Ouvrez-en une et choisissez l’entrée du vocabulaire qui y répond : la recherche est ajoutée à ses expressions et le portail la comprend aussitôt. Les recherches qui ressemblent à un nom, un numéro de téléphone, une adresse ou un courriel ne sont jamais gardées ; les autres sont supprimées 90 jours après la dernière.`,
    // Les 30 derniers jours à l'écran ; la table garde 90 jours (purge quotidienne).
    baseFilter: () => ({ derniere_recherche: { greater_than_equal: new Date(Date.now() - FENETRE_JOURS * 86_400_000).toISOString() } }),
  },
  access: {
    read: selonPolitique('recherches-sans-resultat', 'lire'),
    // Le serveur seul crée les entrées (overrideAccess), jamais l'API.
    create: () => false,
    update: selonPolitique('recherches-sans-resultat', 'modifier'),
    delete: selonPolitique('recherches-sans-resultat', 'supprimer'),
  },
  defaultSort: '-nombre',
  hooks: { beforeChange: [rattacherAuConcept] },
  fields: [
    { name: 'requete', label: 'Recherche (normalisée)', type: 'text', required: true, unique: true, index: true, ...tenuParLeServeur },
    { name: 'nombre', label: 'Nombre de fois', type: 'number', required: true, min: 1, defaultValue: 1, index: true, ...tenuParLeServeur },
    { name: 'premiere_recherche', label: 'Première fois', type: 'date', required: true, ...tenuParLeServeur, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'derniere_recherche',
      label: 'Dernière fois',
      type: 'date',
      required: true,
      index: true,
      ...tenuParLeServeur,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'concept',
      label: 'Entrée du vocabulaire qui y répond',
      type: 'relationship',
      relationTo: SLUG_VOCABULAIRE,
      admin: {
        description:
          'Choisissez l’entrée puis enregistrez : la recherche est ajoutée à ses expressions (validée comme toute modification du vocabulaire) et l’entrée est marquée « rattachée ».',
      },
    },
    {
      name: 'statut',
      label: 'Statut',
      type: 'select',
      required: true,
      defaultValue: 'a-traiter',
      options: [
        { label: 'À traiter', value: 'a-traiter' },
        { label: 'Rattachée au vocabulaire', value: 'rattachee' },
      ],
      enumName: 'enum_rsr_statut',
      index: true,
      ...tenuParLeServeur,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'rattachee_le', label: 'Rattachée le', type: 'date', ...tenuParLeServeur, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
