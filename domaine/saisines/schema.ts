import { z } from 'zod'

import referentiels from '../../content/referentiels.json'
import { codeCommuneActuel, communeDeLAin, RE_CODE_COMMUNE } from '../territoire'
import { aujourdhuiAParis, datePasseeOuDuJour, enumeration, identifiant, obligatoire, refusInconnus, texte } from './champs'

/**
 * Le schéma d'une saisine, tel que l'issue 11 le décrit, et sans Payload : la
 * collection, les pages et l'API le réutiliseront. Chaque message d'erreur
 * commence par le nom du champ tel que l'agent le lit dans le formulaire, pour
 * qu'il corrige sans deviner.
 */

/**
 * Modes de saisine (le canal par lequel la situation est arrivée).
 * Cahier des charges, « Modalités de saisine » : l'intervenant est saisi par
 * « les personnels habilités […] soit lors d'une intervention, soit lors d'un
 * appel téléphonique, soit lorsqu'une personne se présente spontanément au
 * service de police ou de gendarmerie », « par auto-saisine à partir du résumé
 * hebdomadaire de l'activité à caractère social délivré par le GGD 01 », et par
 * les personnes elles-mêmes ; cadre opérationnel ANISCG : « via un extrait de
 * la main-courante pour les IS travaillant en commissariat ; la saisine par les
 * partenaires ou les usagers eux-mêmes ». Cahier, « Cadre juridique » : « les
 * transmissions s'opéreront par messagerie institutionnelle officielle
 * uniquement » — d'où la messagerie, et le portail une fois accepté dans l'AIPD.
 */
export const MODES_SAISINE = {
  'messagerie-institutionnelle': 'Messagerie institutionnelle',
  telephone: 'Téléphone',
  'visite-spontanee': 'Visite spontanée',
  partenaire: 'Partenaire',
  'synthese-ggd': 'Synthèse hebdomadaire du GGD 01',
  'main-courante': 'Extrait de main courante',
  portail: 'Portail (dépôt en ligne par un agent)',
} as const
export type ModeSaisine = keyof typeof MODES_SAISINE

/**
 * Saisine directe ou indirecte, comptée par l'indicateur « Nombre et origine
 * des saisines […] par commissariats et unités de gendarmerie (saisine directe
 * et indirecte) ». Directe : un agent ou la personne s'adresse à l'intervenant ;
 * indirecte : l'intervenant se saisit à partir d'un document (synthèse du GGD,
 * main courante) ou d'un tiers. La valeur reste choisie, ceci n'est que la
 * proposition par défaut du formulaire.
 */
export const NATURES_SAISINE = { directe: 'Saisine directe', indirecte: 'Saisine indirecte' } as const
export type NatureSaisine = keyof typeof NATURES_SAISINE
export const natureParDefaut = (mode: ModeSaisine): NatureSaisine =>
  mode === 'synthese-ggd' || mode === 'main-courante' || mode === 'partenaire' ? 'indirecte' : 'directe'

/**
 * Profils. Cahier, « Modalités de saisine » : « Le profil des bénéficiaires de
 * l'accompagnement des intervenants sociaux est le suivant : les victimes et
 * leurs familles, les personnes en voie de victimisation et leurs familles, les
 * personnes en détresse ou en difficulté sociale et leurs familles, les mis en
 * cause et leurs familles. » Les codes sont ceux de content/referentiels.json.
 */
export const PROFILS = {
  victime: 'Victime',
  victimisation: 'En voie de victimisation',
  detresse: 'En détresse ou en difficulté sociale',
  'mis-en-cause': 'Mis en cause',
} as const
export type Profil = keyof typeof PROFILS

/** Indicateur « Profil socio-démographique des bénéficiaires : l'âge, le sexe, la situation familiale ». */
export const SEXES = { femme: 'Femme', homme: 'Homme', 'non-renseigne': 'Non renseigné' } as const
export const SITUATIONS_FAMILIALES = {
  'celibataire': 'Célibataire',
  'en-couple': 'En couple (mariage, Pacs, union libre)',
  'separe': 'Séparé ou divorcé',
  'veuf': 'Veuf ou veuve',
  'non-renseignee': 'Non renseignée',
} as const

/** Ce que la personne a accepté : être contactée par l'intervenant (libre adhésion, cahier « Description des besoins »). */
export const ACCORDS_CONTACT = { oui: 'Oui', non: 'Non', 'non-demande': 'Pas encore demandé' } as const

/**
 * Origine de la saisine (qui a repéré la situation, et à quel moment), distincte
 * du canal : indicateur « Origine de l'orientation vers l'intervenant social ».
 * Codes du référentiel « mode-saisine » amorcé (fsi-intervention, fsi-appel,
 * fsi-accueil, fsi-dossier, auto-saisine, demande-personne, partenaire), qui
 * reprennent la même phrase du cahier que `MODES_SAISINE`.
 */
export const ORIGINES_AMORCEES: readonly string[] = referentiels['mode-saisine'].map((m) => m.code)

/** Codes de problématique du référentiel amorcé ; la collection Référentiels peut en fournir d'autres. */
export const PROBLEMATIQUES_AMORCEES: readonly string[] = referentiels.problematique.map((p) => p.code)

const AGE_MAX = 120
/** Numéro français : 0X XX XX XX XX ou +33 X XX XX XX XX, espaces, points ou tirets permis. */
const RE_TELEPHONE = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/

/** Âge révolu à une date (calendrier civil, anniversaire compris). */
export function ageA(naissance: string, jour: string): number {
  const [an, mois, j] = naissance.split('-').map(Number) as [number, number, number]
  const [an2, mois2, j2] = jour.split('-').map(Number) as [number, number, number]
  return an2 - an - (mois2 < mois || (mois2 === mois && j2 < j) ? 1 : 0)
}

export type OptionsSchema = {
  /** L'instant présent : une date de saisine ou de naissance après ce jour (à Paris) est refusée. */
  maintenant: Date
  /** Codes de problématique acceptés (par défaut, ceux du référentiel amorcé). */
  problematiques?: readonly string[]
  /** Codes d'origine acceptés (par défaut, le référentiel « mode-saisine » amorcé). */
  origines?: readonly string[]
}

function schemaPersonne(aujourdhui: string) {
  return z
    .object({
      nom: obligatoire('Nom', 100),
      prenom: obligatoire('Prénom', 100),
      dateNaissance: datePasseeOuDuJour('Date de naissance', aujourdhui).optional(),
      age: z
        .number({ error: 'Âge : nombre attendu' })
        .int('Âge : nombre entier d’années attendu')
        .min(0, 'Âge : ne peut pas être négatif')
        .max(AGE_MAX, `Âge : ${AGE_MAX} ans au plus`)
        .optional(),
      sexe: enumeration('Sexe', SEXES),
      situationFamiliale: enumeration('Situation familiale', SITUATIONS_FAMILIALES),
      // Un ancien code (commune fusionnée) mène à la commune actuelle : on garde celle-ci.
      commune: z
        .string({ error: 'Commune de résidence : code INSEE attendu' })
        .trim()
        .refine((c) => RE_CODE_COMMUNE.test(c), 'Commune de résidence : code INSEE de 5 caractères attendu')
        .transform((c, ctx) => {
          const actuel = codeCommuneActuel(c)
          if (!actuel) {
            ctx.addIssue({ code: 'custom', message: `Commune de résidence : « ${c} » ne désigne aucune commune` })
            return z.NEVER
          }
          if (!communeDeLAin(actuel)) {
            ctx.addIssue({ code: 'custom', message: `Commune de résidence : « ${c} » n’est pas une commune de l’Ain` })
            return z.NEVER
          }
          return actuel
        })
        .optional(),
      telephone: z
        .string({ error: 'Téléphone : texte attendu' })
        .trim()
        .refine((t) => RE_TELEPHONE.test(t), 'Téléphone : numéro français attendu (ex. 06 12 34 56 78)')
        .optional(),
    })
    .superRefine((p, ctx) => {
      if (p.dateNaissance === undefined && p.age === undefined)
        ctx.addIssue({ code: 'custom', path: ['dateNaissance'], message: 'Date de naissance ou âge : indiquez l’un des deux' })
    })
}

/**
 * Le schéma d'une saisine. Fabriqué avec « aujourd'hui » et la liste des
 * problématiques, pour que la règle ne lise ni l'horloge ni la base. Le même
 * jour et les mêmes référentiels donnent le même schéma, rendu sans le
 * refabriquer : construire un schéma zod (et la compilation de sa première
 * validation) coûtait plus, à chaque dépôt, que la validation elle-même.
 */
export function schemaSaisine({ maintenant, problematiques = PROBLEMATIQUES_AMORCEES, origines = ORIGINES_AMORCEES }: OptionsSchema): SchemaSaisine {
  const aujourdhui = aujourdhuiAParis(maintenant)
  const cle = JSON.stringify([aujourdhui, problematiques, origines])
  let schema = schemasFabriques.get(cle)
  if (!schema) {
    schema = fabriquerSchemaSaisine(aujourdhui, problematiques, origines)
    // Quelques jours et quelques versions des référentiels suffisent : au-delà, le plus ancien sort.
    if (schemasFabriques.size >= 8) schemasFabriques.delete(schemasFabriques.keys().next().value!)
    schemasFabriques.set(cle, schema)
  }
  return schema
}
const schemasFabriques = new Map<string, SchemaSaisine>()

function fabriquerSchemaSaisine(aujourdhui: string, problematiques: readonly string[], origines: readonly string[]) {
  return z
    .object({
      // Pour un dépôt sur le portail, unité et agent viennent du compte ; pour une saisine
      // enregistrée par l'intervenant (partenaire, personne elle-même), il peut n'y en avoir aucun.
      unite: identifiant('Unité qui saisit').optional(),
      agent: identifiant('Agent qui saisit').optional(),
      mode: enumeration('Mode de saisine', MODES_SAISINE),
      nature: enumeration('Saisine directe ou indirecte', NATURES_SAISINE),
      origine: z
        .string({ error: 'Origine de la saisine : choisissez dans le référentiel' })
        .refine((c) => origines.includes(c), 'Origine de la saisine : code absent du référentiel')
        .optional(),
      date: datePasseeOuDuJour('Date de la saisine', aujourdhui),
      urgence: z.boolean({ error: 'Urgence : oui ou non' }),
      personnes: z
        .array(schemaPersonne(aujourdhui), { error: 'Personnes concernées : liste attendue' })
        .min(1, 'Personnes concernées : au moins une personne')
        .max(20, 'Personnes concernées : 20 au plus'),
      profil: enumeration('Profil', PROFILS),
      problematique: z
        .string({ error: 'Problématique principale : choisissez dans le référentiel' })
        .refine((c) => problematiques.includes(c), 'Problématique principale : code absent du référentiel'),
      ditALaPersonne: texte('Ce qui a été dit à la personne', 2000).optional(),
      accepteContact: enumeration('La personne accepte d’être contactée', ACCORDS_CONTACT),
      texteLibre: texte('Texte libre', 5000).optional(),
    },
      // Un champ inconnu (« suivi », « orientations ») n'a rien à faire dans un dépôt : refusé, pas ignoré.
      refusInconnus('Saisine'),
    )
    .strict()
    .superRefine((s, ctx) => {
      if (s.mode === 'portail') {
        if (s.unite === undefined) ctx.addIssue({ code: 'custom', path: ['unite'], message: 'Unité qui saisit : obligatoire pour un dépôt sur le portail' })
        if (s.agent === undefined) ctx.addIssue({ code: 'custom', path: ['agent'], message: 'Agent qui saisit : obligatoire pour un dépôt sur le portail' })
      }
      s.personnes.forEach((p, i) => {
        if (p.dateNaissance && p.dateNaissance > s.date)
          ctx.addIssue({ code: 'custom', path: ['personnes', i, 'dateNaissance'], message: 'Date de naissance : postérieure à la date de la saisine' })
        else if (p.dateNaissance && p.age !== undefined && ageA(p.dateNaissance, s.date) !== p.age)
          ctx.addIssue({
            code: 'custom',
            path: ['personnes', i, 'age'],
            message: `Âge : ne correspond pas à la date de naissance (${ageA(p.dateNaissance, s.date)} ans à la date de la saisine)`,
          })
      })
    })
}

export type SchemaSaisine = ReturnType<typeof fabriquerSchemaSaisine>
/** Saisine validée (sortie du schéma : textes nettoyés, commune actuelle). */
export type Saisine = z.infer<SchemaSaisine>
/** Ce qu'un formulaire envoie avant validation. */
export type SaisineSaisie = z.input<SchemaSaisine>
export type PersonneConcernee = Saisine['personnes'][number]

/** Âge de la personne à la date de la saisine, pour les indicateurs (en clair, sans la date de naissance). */
export const ageALaSaisine = (p: PersonneConcernee, dateSaisine: string): number | undefined =>
  p.dateNaissance ? ageA(p.dateNaissance, dateSaisine) : p.age

/** Erreurs de validation, une par champ : « personnes.0.nom » → message. Pour réafficher le formulaire. */
export function erreursParChamp(erreur: z.ZodError): Record<string, string> {
  const sortie: Record<string, string> = {}
  for (const i of erreur.issues) {
    const cle = i.path.map(String).join('.') || '_'
    sortie[cle] ??= i.message
  }
  return sortie
}
