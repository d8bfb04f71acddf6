import { saisineValidee } from '../saisines/statuts'
import { versUtcFlottant } from '../temps'
import { type Bornes, dansBornes } from './periodes'

/**
 * Les règles de comptage des neuf indicateurs du cahier des charges
 * (« Modalités de suivi de l'activité »), écrites une fois : en français dans
 * `DEFINITIONS` (repris tels quels par les rapports et le README), et en code
 * dans les fonctions qui suivent, que l'agrégation de référence
 * (agregation.ts) applique et que les requêtes SQL (cms/indicateurs/requetes.ts)
 * reproduisent — le test d'intégration les confronte sur la même base.
 *
 * Aucune règle ne lit une identité : un bénéficiaire se reconnaît à sa clé
 * pseudonyme (domaine/saisines/cle-personne.ts), jamais en déchiffrant.
 */

export const INDICATEURS = {
  beneficiaires: '1. Nombre de bénéficiaires et profils',
  sociodemographie: '2. Profil socio-démographique des bénéficiaires',
  territoire: '3. Origine territoriale et lieu d’accueil',
  problematique: '4. Problématique sociale principale',
  saisines: '5. Nombre et origine des saisines par unité (directe, indirecte)',
  origine: '6. Origine de l’orientation vers l’intervenant social',
  connaissance: '7. Part des dossiers déjà connus du Département et de la CAF',
  orientations: '8. Orientations réalisées par type de partenaire',
  suivi: '9. Durée d’accompagnement et nombre d’actes',
} as const
export type Indicateur = keyof typeof INDICATEURS

/** Règles communes à tous les indicateurs, dites avant eux dans les rapports. */
export const REGLES_COMMUNES =
  'Période : les bornes sont des jours civils, incluses. Une saisine compte dans la période si sa date de saisine y tombe (indicateurs 1 à 7) ; ' +
  'une saisine ouverte sur deux trimestres compte donc dans le trimestre de sa date de saisine, ses orientations dans le trimestre de leur date (indicateur 8), ' +
  'ses actes dans le trimestre de chaque acte (indicateur 9). Filtres : poste d’intervenant social et unité qui a saisi, tels qu’enregistrés sur la saisine ; ' +
  'les actes et orientations suivent la saisine à laquelle ils appartiennent. Personne n’est compté en déchiffrant : les identités restent chiffrées, ' +
  'le dédoublonnage se fait par une clé pseudonyme (empreinte HMAC du nom, du prénom et de la date de naissance). ' +
  'Les données effacées à l’échéance de conservation gardent leurs champs statistiques : les chiffres passés ne bougent pas, ' +
  'sauf le dédoublonnage de leurs personnes, dont la clé est effacée. ' +
  'Les saisines créées depuis la synthèse hebdomadaire du GGD 01 naissent « à trier » : elles ne comptent dans aucun indicateur tant que ' +
  'l’intervenant ne les a pas validées (« reçue » ou « prise en charge »), et jamais si elles sont écartées au tri ; une fois validées, elles comptent ' +
  'dans la période de leur date (la date des faits de la synthèse), si bien qu’un rapport refait après le tri peut compter une saisine de plus.'

/** Un texte par indicateur : ce qui est compté, et comment. */
export const DEFINITIONS: Readonly<Record<Indicateur, string>> = {
  beneficiaires:
    'Saisines : nombre de saisines dont la date de saisine tombe dans la période. Bénéficiaires : chaque personne nommée dans ces saisines ' +
    '(dans une famille, chaque membre nommé est une personne), comptée une fois par clé pseudonyme : une personne saisie deux fois dans la période ' +
    'compte une fois. Une personne sans clé (date de naissance inconnue, ou données effacées à l’échéance de conservation) ne peut pas être ' +
    'rapprochée : elle compte une fois par saisine, et le nombre en est donné (« dont N non dédoublonnables »). Profils : « par saisine », le profil ' +
    'de chaque saisine (une famille compte une fois) ; « par bénéficiaire », le profil de la première saisine de la période où la personne apparaît ' +
    '(les membres d’une famille prennent le profil de la saisine : « victimes et leurs familles »), si bien que la somme des profils égale le nombre de bénéficiaires.',
  sociodemographie:
    'Par bénéficiaire (dédoublonné comme à l’indicateur 1), tel qu’enregistré à sa première saisine de la période : tranche d’âge (âge à la date ' +
    'de la saisine : moins de 18 ans, 18 à 25, 26 à 40, 41 à 60, plus de 60 ans, non renseigné), sexe, situation familiale.',
  territoire:
    'Commune de résidence de chaque bénéficiaire (dédoublonné, à sa première saisine de la période), et l’EPCI dont elle est membre ' +
    '(découpage administratif en vigueur) ; lieu d’accueil : l’unité de police ou de gendarmerie qui a saisi, par saisine. ' +
    '« Non renseigné » : commune inconnue, ou saisine sans unité (personne venue d’elle-même, partenaire).',
  problematique:
    'Problématique sociale principale de chaque saisine de la période, selon le référentiel tenu par l’opérateur. Le code est enregistré sur la saisine : ' +
    'renommer une problématique change son libellé partout, en retirer une du référentiel ne retire pas les saisines passées, qui restent comptées sous leur code.',
  saisines:
    'Nombre de saisines de la période par unité qui a saisi (commissariat, brigade, compagnie), en distinguant la saisine directe (un agent ou la personne ' +
    's’adresse à l’intervenant) et indirecte (synthèse du GGD, main courante, partenaire), telle que choisie à l’enregistrement.',
  origine:
    'Par saisine de la période : origine (qui a repéré la situation, et à quel moment, selon le référentiel « origine de la saisine ») et canal ' +
    'par lequel la saisine est arrivée (messagerie, téléphone, portail…).',
  connaissance:
    'Par saisine de la période : la situation était-elle déjà connue des services du Département, de la CAF (oui, non, ne sait pas) ? ' +
    'La part est donnée sur l’ensemble des saisines, et sur les seules saisines où la réponse est connue : « ne sait pas » n’est pas compté comme « non ».',
  orientations:
    'Orientations datées dans la période, quelle que soit la date de leur saisine, par type de partenaire de l’annuaire (recopié au moment de ' +
    'l’orientation : une fiche modifiée plus tard ne réécrit pas les chiffres) et par statut (proposée, acceptée, refusée, réalisée).',
  suivi:
    'Actes : actes datés dans la période, quelle que soit la date de leur saisine, par type ; « saisines suivies » : saisines ayant au moins un ' +
    'acte dans la période. Durée d’accompagnement, en jours civils à Paris : pour chaque saisine prise en charge au plus tard le dernier jour de la ' +
    'période et non clôturée avant son premier jour, du jour de la prise en charge au jour de la clôture, ou au dernier jour de la période si elle ' +
    'n’est pas clôturée à cette date (« en cours »). Une saisine reçue puis clôturée sans prise en charge n’a pas de durée. Une saisine accompagnée ' +
    'sur deux trimestres apparaît dans les deux : en cours au premier, avec sa durée entière au second.',
}

/** Tranches d'âge (âge à la date de la saisine, en clair sur la saisine). */
export const TRANCHES_AGE = [
  { code: 'moins-18', libelle: 'Moins de 18 ans', min: 0, max: 17 },
  { code: '18-25', libelle: '18 à 25 ans', min: 18, max: 25 },
  { code: '26-40', libelle: '26 à 40 ans', min: 26, max: 40 },
  { code: '41-60', libelle: '41 à 60 ans', min: 41, max: 60 },
  { code: 'plus-60', libelle: 'Plus de 60 ans', min: 61, max: Number.POSITIVE_INFINITY },
] as const
export const NON_RENSEIGNE = 'non-renseigne'
export const LIBELLE_NON_RENSEIGNE = 'Non renseigné'

export function trancheAge(age: number | null | undefined): string {
  if (age === null || age === undefined || !Number.isFinite(age)) return NON_RENSEIGNE
  return TRANCHES_AGE.find((t) => age >= t.min && age <= t.max)?.code ?? NON_RENSEIGNE
}

/** Tranches de durée d'accompagnement, en jours civils. */
export const TRANCHES_DUREE = [
  { code: '0', libelle: 'Le jour même', min: 0, max: 0 },
  { code: '1-7', libelle: '1 à 7 jours', min: 1, max: 7 },
  { code: '8-30', libelle: '8 à 30 jours', min: 8, max: 30 },
  { code: '31-90', libelle: '31 à 90 jours', min: 31, max: 90 },
  { code: '91-180', libelle: '91 à 180 jours', min: 91, max: 180 },
  { code: 'plus-180', libelle: 'Plus de 180 jours', min: 181, max: Number.POSITIVE_INFINITY },
] as const

export const trancheDuree = (jours: number): string => TRANCHES_DUREE.find((t) => jours >= t.min && jours <= t.max)?.code ?? TRANCHES_DUREE[0].code

/** Une saisine compte-t-elle ? Pas tant qu'elle est « à trier », ni écartée au tri (statut absent : saisine ancienne, comptée). */
export const saisineComptee = (statut: string | null | undefined) => !statut || saisineValidee(statut)

/** Indicateurs 1 à 7 : la saisine compte dans la période de sa date de saisine. */
export const saisineDansPeriode = (dateSaisine: string, b: Bornes) => dansBornes(dateSaisine, b)

/** Indicateurs 8 et 9 (actes) : chaque orientation, chaque acte, dans la période de sa propre date. */
export const suiviDansPeriode = (date: string, b: Bornes) => dansBornes(date, b)

/**
 * Clé de dédoublonnage d'un bénéficiaire : la clé pseudonyme, ou, sans clé,
 * la mention elle-même (la personne compte une fois par saisine).
 */
export const cleBeneficiaire = (clePersonne: string | null | undefined, mention: string): { cle: string; sansCle: boolean } =>
  clePersonne ? { cle: `k:${clePersonne}`, sansCle: false } : { cle: `m:${mention}`, sansCle: true }

export type EtatAccompagnement = 'terminee' | 'en-cours'
export const ETATS_ACCOMPAGNEMENT: Readonly<Record<EtatAccompagnement, string>> = {
  terminee: 'Accompagnements clôturés dans la période',
  'en-cours': 'Accompagnements en cours à la fin de la période',
}

const joursEntre = (debut: string, fin: string) => Math.round((versUtcFlottant(fin).getTime() - versUtcFlottant(debut).getTime()) / 86_400_000)

/**
 * Durée d'accompagnement d'une saisine pour une période (jours civils à
 * Paris de la prise en charge et de la clôture) ; `null` si la saisine n'est
 * pas accompagnée pendant la période. Même résultat que
 * `dureeAccompagnementJours(historique, fin de la période)` du suivi.
 */
export function accompagnementDansPeriode(
  priseEnChargeJour: string | null | undefined,
  clotureeJour: string | null | undefined,
  b: Bornes,
): { etat: EtatAccompagnement; jours: number } | null {
  if (!priseEnChargeJour || priseEnChargeJour > b.au) return null
  if (clotureeJour && clotureeJour < b.du) return null
  const terminee = Boolean(clotureeJour) && clotureeJour! <= b.au
  return { etat: terminee ? 'terminee' : 'en-cours', jours: joursEntre(priseEnChargeJour, terminee ? clotureeJour! : b.au) }
}
