import { ValidationError, type GlobalAfterChangeHook, type GlobalBeforeChangeHook, type GlobalConfig } from 'payload'
import { champThematiques } from '../../fields/thematiques'

import { ACTEURS, PHASES, RE_IDENTIFIANT_ETAPE, TYPES_ETAPE } from '../../../content/schemas/logigramme'
import { selonPolitique } from '../../access/selonPolitique'
import { erreursPourPayload, validerDocument, type DocumentLogigramme } from '../../../domaine/logigramme/document'
import { demanderPublication } from '../../../socle/publication/demande'

const enOptions = (valeurs: Record<string, string>) => Object.entries(valeurs).map(([value, label]) => ({ value, label }))

/**
 * Tout le graphe est revérifié avec le schéma zod du contenu (mêmes règles que
 * content/logigramme.json) : identifiants uniques, branches vers des étapes
 * existantes, un seul départ, tout accessible, aucune boucle, chaque parcours
 * aboutit à une action ou une fin. Chaque erreur nomme l'étape et s'affiche
 * sous le champ concerné.
 */
const validerLeGraphe: GlobalBeforeChangeHook = ({ data, originalDoc, req }) => {
  const complet = { ...(originalDoc ?? {}), ...data } as DocumentLogigramme
  const r = validerDocument(complet)
  if (!r.ok) throw new ValidationError({ global: 'logigramme', errors: erreursPourPayload(r.problemes), req }, req.t)
  return data
}

const publier: GlobalAfterChangeHook = ({ context, doc }) => {
  if (!context.sansPublication) demanderPublication('modification du logigramme')
  return doc
}

/**
 * Logigramme du circuit de l'information et de la saisine (cahier des charges,
 * « Modalités de mise en œuvre »). Une seule source pour le schéma, le
 * questionnaire pas à pas et le PDF de /logigramme.
 */
export const Logigramme: GlobalConfig = {
  slug: 'logigramme',
  label: 'Logigramme',
  admin: {
    group: 'Contenus',
    description:
      'Circuit de l’information, de la saisine au retour d’information. Le schéma, le questionnaire et le PDF de la page /logigramme sont tous produits depuis ces étapes. ' +
      'Chaque étape mène aux suivantes par des branches ; l’enregistrement est refusé si une branche mène nulle part, si une étape est inaccessible ou si le circuit boucle.',
  },
  access: { read: selonPolitique('contenu-editorial', 'lire'), update: selonPolitique('contenu-editorial', 'modifier') },
  hooks: { beforeChange: [validerLeGraphe], afterChange: [publier] },
  fields: [
    { name: 'titre', label: 'Titre', type: 'text', required: true, maxLength: 150 },
    { name: 'introduction', label: 'Introduction', type: 'textarea', maxLength: 2000 },
    {
      name: 'etapes',
      label: 'Étapes',
      labels: { singular: 'Étape', plural: 'Étapes' },
      type: 'array',
      minRows: 1,
      admin: {
        description:
          'L’ordre de la liste est l’ordre de lecture (numéros du schéma et du PDF), tant qu’il respecte le sens des branches. Le départ est la première étape de la liste : aucune branche ne doit y mener.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'identifiant',
              label: 'Identifiant',
              type: 'text',
              required: true,
              maxLength: 60,
              admin: { description: 'Adresse de la page du questionnaire (/logigramme/identifiant) ; cité par les branches.', width: '34%' },
              validate: (v: string | null | undefined) =>
                !v || RE_IDENTIFIANT_ETAPE.test(v) ? true : 'Identifiant : lettres minuscules sans accent, chiffres et tirets.',
            },
            { name: 'type', label: 'Type', type: 'select', required: true, options: enOptions(TYPES_ETAPE), admin: { width: '22%' } },
            { name: 'phase', label: 'Phase', type: 'select', required: true, options: enOptions(PHASES), admin: { width: '22%' } },
            { name: 'acteur', label: 'Qui agit', type: 'select', options: enOptions(ACTEURS), admin: { width: '22%' } },
          ],
        },
        { name: 'titre', label: 'Titre (ou question posée)', type: 'text', required: true, maxLength: 120 },
        { name: 'texte', label: 'Texte', type: 'textarea', required: true, maxLength: 2000 },
        {
          name: 'fondement',
          label: 'Fondement juridique',
          type: 'text',
          maxLength: 200,
          admin: { description: 'Ex. « Article 226-14 du code pénal », « Protocole-cadre de 2013, article 4 ».' },
        },
        champThematiques('Thématiques de l’annuaire (partenaires proposés)'),
        {
          name: 'branches',
          label: 'Branches (étapes suivantes)',
          labels: { singular: 'Branche', plural: 'Branches' },
          type: 'array',
          admin: { description: 'Aucune branche pour une fin de parcours ; au moins deux réponses pour une question.' },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'libelle',
                  label: 'Libellé',
                  type: 'text',
                  maxLength: 80,
                  admin: { description: '« Oui », « Non », « La personne refuse »… Facultatif s’il n’y a qu’une suite.', width: '60%' },
                },
                {
                  name: 'vers',
                  label: 'Vers l’étape (identifiant)',
                  type: 'text',
                  required: true,
                  maxLength: 60,
                  admin: { width: '40%' },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
}
