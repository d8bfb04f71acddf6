/**
 * Messages de l'import et de l'export : un problème est décrit par sa
 * position, l'identifiant, le champ et la raison. Les raisons ne citent jamais
 * la valeur d'un champ de texte libre ou de contact : seulement les
 * identifiants, les noms de champs et les codes de référentiel (utiles pour
 * corriger, sans caractère personnel).
 */

/** Un problème sur un enregistrement : où, quel champ, pourquoi. */
export type Rejet = {
  /** `structures[12]`, `services[3]` ou `racine du fichier`. */
  position: string
  /** Identifiant data·inclusion de l'enregistrement, s'il en a un. */
  id?: string
  /** Chemin du champ dans l'enregistrement (`thematiques[1]`), vide pour l'enregistrement entier. */
  champ: string
  raison: string
}

/** Champs dont la valeur peut figurer dans une raison : identifiants, codes de référentiel, dates, coordonnées. */
const VALEURS_CITABLES = new Set([
  'id',
  'structure_id',
  'source',
  'type_partenaire',
  'reseaux_porteurs',
  'type',
  'thematiques',
  'publics',
  'frais',
  'modes_accueil',
  'modes_mobilisation',
  'mobilisable_par',
  'zone_eligibilite',
  'code_postal',
  'code_insee',
  'date_maj',
  'numero_court',
  'latitude',
  'longitude',
  'volume_horaire_hebdomadaire',
  'nombre_semaines',
])

const racineDuChamp = (champ: string) => champ.split(/[.[]/, 1)[0]!

/** Retire les valeurs citées (« … ») d'une raison portant sur un champ de texte libre ou de contact. */
export function masquerValeurs(champ: string, raison: string): string {
  if (champ && VALEURS_CITABLES.has(racineDuChamp(champ))) return raison
  return raison.replace(/«[^»]*»/g, '(valeur masquée)')
}

export function cheminChamp(chemin: readonly PropertyKey[]): string {
  let texte = ''
  for (const segment of chemin) {
    if (typeof segment === 'number') texte += `[${segment}]`
    else texte += texte ? `.${String(segment)}` : String(segment)
  }
  return texte
}
