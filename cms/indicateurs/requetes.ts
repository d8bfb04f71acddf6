import { sql as sqlPostgres } from '@payloadcms/db-postgres'
import { sql as sqlSqlite } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import {
  type Agregats,
  bornes as bornesDe,
  DIMENSIONS_BENEFICIAIRE,
  DIMENSIONS_SAISINE,
  type Bornes,
  type Indicateurs,
  indicateursDepuisAgregats,
  libellePeriode,
  type Libelles,
  NON_RENSEIGNE,
  type Periode,
  schemaAgregats,
  TRANCHES_AGE,
} from '../../domaine/indicateurs'
import { STATUTS_HORS_INDICATEURS } from '../../domaine/saisines/statuts'
import { ajouterJours, FUSEAU, instantLocal } from '../../domaine/temps'

/**
 * Les agrégats des indicateurs, en SQL, sur SQLite et PostgreSQL : des
 * COUNT … GROUP BY, jamais une saisine chargée en mémoire. Les règles sont
 * celles de domaine/indicateurs/regles.ts (l'agrégation de référence en
 * mémoire, agregation.ts, dit la même chose en TypeScript ; le test
 * d'intégration confronte les deux).
 *
 * Aucune requête ne lit un champ chiffré (identite, dit_a_la_personne,
 * texte_libre, texte, commentaire) : seuls les champs statistiques en clair
 * et la clé pseudonyme servent. Le test d'intégration le prouve en cassant la
 * clé de chiffrement avant de calculer.
 *
 * Tables et colonnes : celles que Payload génère (cms/migrations/*saisines*).
 */

/**
 * Filtres : un poste d'intervenant social, une unité (le site qui a saisi),
 * ou une compagnie avec ses brigades ; aucun : le département entier.
 */
export type Filtre = { poste?: number; unite?: number; compagnie?: number }
type Dialecte = 'sqlite' | 'postgres'
// Les deux `sql` de drizzle (un par adaptateur) ont la même forme ; on compose avec celui du dialecte.
type Sql = typeof sqlSqlite
type Fragment = ReturnType<Sql>

type BaseDrizzle = {
  name: string
  drizzle: { all?: (q: unknown) => Promise<unknown[]>; execute?: (q: unknown) => Promise<{ rows: unknown[] }> }
}

function dialecteDe(payload: Payload): { d: Dialecte; sql: Sql; lire: (q: Fragment) => Promise<Record<string, unknown>[]> } {
  const db = payload.db as unknown as BaseDrizzle
  if (db.name === 'postgres')
    return { d: 'postgres', sql: sqlPostgres as unknown as Sql, lire: async (q) => (await db.drizzle.execute!(q)).rows as Record<string, unknown>[] }
  if (db.name === 'sqlite') return { d: 'sqlite', sql: sqlSqlite, lire: async (q) => (await db.drizzle.all!(q)) as Record<string, unknown>[] }
  throw new Error(`Indicateurs : base « ${db.name} » non prise en charge (SQLite ou PostgreSQL attendue)`)
}

/**
 * Jour civil à Paris d'un horodatage, en SQL. PostgreSQL connaît les fuseaux ;
 * SQLite non : on y applique la règle de l'heure d'été de l'Union européenne
 * (en vigueur depuis 1996 : du dernier dimanche de mars au dernier dimanche
 * d'octobre, 1 h UTC), UTC+2 l'été, UTC+1 l'hiver. Le test d'intégration la
 * compare à `jourLocal` (domaine/temps) autour de chaque changement d'heure.
 */
export function jourDeParis(sql: Sql, d: Dialecte, colonne: Fragment): Fragment {
  if (d === 'postgres') return sql`CAST((${colonne} AT TIME ZONE ${FUSEAU}) AS date)`
  const jd = sql`julianday(${colonne})`
  const dernierDimanche = (moisSuivant: string) => sql`julianday(date(substr(${colonne}, 1, 4) || ${`-${moisSuivant}-01`}, 'weekday 0', '-7 days'))`
  return sql`date(${jd} + CASE WHEN ${jd} >= ${dernierDimanche('04')} + 1.0 / 24 AND ${jd} < ${dernierDimanche('11')} + 1.0 / 24 THEN 2.0 / 24 ELSE 1.0 / 24 END)`
}

/**
 * Une constante du code écrite dans la requête (nom de dimension, code de
 * tranche) : PostgreSQL ne sait pas typer un paramètre seul dans un SELECT
 * réuni par UNION, ni le regrouper.
 */
const litteral = (sql: Sql, valeur: string) => sql.raw(`'${valeur.replaceAll("'", "''")}'`)

/** La tranche d'âge en SQL, tirée de TRANCHES_AGE : la règle n'est écrite qu'une fois. */
function trancheAgeSql(sql: Sql, age: Fragment): Fragment {
  const nr = litteral(sql, NON_RENSEIGNE)
  const cas = TRANCHES_AGE.map((t) =>
    Number.isFinite(t.max)
      ? sql`WHEN ${age} >= ${sql.raw(String(t.min))} AND ${age} <= ${sql.raw(String(t.max))} THEN ${litteral(sql, t.code)}`
      : sql`WHEN ${age} >= ${sql.raw(String(t.min))} THEN ${litteral(sql, t.code)}`,
  )
  return sql`CASE WHEN ${age} IS NULL THEN ${nr} ${sql.join(cas, sql` `)} ELSE ${nr} END`
}

const colonnesSaisine: Record<(typeof DIMENSIONS_SAISINE)[number], string> = {
  profil: 'profil',
  mode: 'mode',
  origine: 'origine',
  problematique: 'problematique',
  connueDepartement: 'connue_departement',
  connueCaf: 'connue_caf',
}

/**
 * Les requêtes d'une période, nommées ; `lire` les exécute. Séparées de leur
 * exécution pour que le banc (bench/indicateurs.ts) chronomètre chacune.
 */
export function requetesAgregats(payload: Payload, b: Bornes, filtre: Filtre = {}) {
  const { d, sql, lire } = dialecteDe(payload)
  const texte = (f: Fragment) => sql`CAST(${f} AS text)`
  const surSaisine = (alias: string) => {
    const s = sql.raw(`"${alias}"`)
    const conditions: Fragment[] = []
    if (filtre.poste !== undefined) conditions.push(sql`${s}."poste_id" = ${filtre.poste}`)
    if (filtre.unite !== undefined) conditions.push(sql`${s}."unite_id" = ${filtre.unite}`)
    if (filtre.compagnie !== undefined)
      conditions.push(sql`${s}."unite_id" IN (SELECT "id" FROM "sites" WHERE "id" = ${filtre.compagnie} OR "compagnie_id" = ${filtre.compagnie})`)
    return conditions
  }
  const et = (conditions: Fragment[]) => (conditions.length ? sql.join(conditions, sql` AND `) : sql`1 = 1`)
  // Une saisine à trier (synthèse du GGD) ou écartée au tri ne compte pas : regles.ts, saisineComptee.
  const validee = sql`"s"."statut" NOT IN (${sql.join(STATUTS_HORS_INDICATEURS.map((st) => litteral(sql, st)), sql`, `)})`
  const saisinesDeLaPeriode = et([sql`"s"."date" >= ${b.du}`, sql`"s"."date" <= ${b.au}`, validee, ...surSaisine('s')])

  // Indicateurs 1, 4, 6, 7 : une ligne par (dimension, valeur). Les saisines de la période sont lues une fois, puis regroupées six fois.
  const colonnes = DIMENSIONS_SAISINE.map((dim) => sql.raw(`"s"."${colonnesSaisine[dim]}"`))
  const parDimension = sql`WITH "sdp" AS MATERIALIZED (SELECT ${sql.join(colonnes, sql`, `)} FROM "saisines" "s" WHERE ${saisinesDeLaPeriode})
    ${sql.join(
      DIMENSIONS_SAISINE.map((dim) => {
        const colonne = sql.raw(`"sdp"."${colonnesSaisine[dim]}"`)
        return sql`SELECT ${litteral(sql, dim)} AS "dimension", ${texte(colonne)} AS "valeur", COUNT(*) AS "n" FROM "sdp" GROUP BY ${colonne}`
      }),
      sql` UNION ALL `,
    )}`

  const parUnite = sql`SELECT "s"."unite_id" AS "unite", ${texte(sql`"s"."nature"`)} AS "nature", COUNT(*) AS "n" FROM "saisines" "s" WHERE ${saisinesDeLaPeriode} GROUP BY "s"."unite_id", "s"."nature"`

  // Bénéficiaires : la première mention de chaque clé (date de saisine, identifiant, rang) ; sans clé, chaque mention.
  const colonnesBeneficiaire: Record<(typeof DIMENSIONS_BENEFICIAIRE)[number], Fragment> = {
    profil: texte(sql`"b"."profil"`),
    trancheAge: trancheAgeSql(sql, sql`"b"."age"`),
    sexe: texte(sql`"b"."sexe"`),
    situationFamiliale: texte(sql`"b"."situation_familiale"`),
    commune: sql`"b"."commune"`,
  }
  const beneficiaires = sql`WITH "p" AS MATERIALIZED (
      SELECT "sp"."cle_personne", "sp"."age", "sp"."sexe", "sp"."situation_familiale", "sp"."commune", "s"."profil",
        ROW_NUMBER() OVER (PARTITION BY COALESCE("sp"."cle_personne", "sp"."id") ORDER BY "s"."date", "s"."id", "sp"."_order") AS "rang"
      FROM "saisines_personnes" "sp" JOIN "saisines" "s" ON "s"."id" = "sp"."_parent_id"
      WHERE ${saisinesDeLaPeriode}
    ), "b" AS MATERIALIZED (SELECT * FROM "p" WHERE "rang" = 1)
    ${sql.join(
      DIMENSIONS_BENEFICIAIRE.map(
        (dim) =>
          sql`SELECT ${litteral(sql, dim)} AS "dimension", ${colonnesBeneficiaire[dim]} AS "valeur", CASE WHEN "b"."cle_personne" IS NULL THEN 1 ELSE 0 END AS "sansCle", COUNT(*) AS "n" FROM "b" GROUP BY 2, 3`,
      ),
      sql` UNION ALL `,
    )}
    UNION ALL SELECT 'citees', NULL, 0, COUNT(*) FROM "p"`

  // Actes et orientations : par leur propre date ; la saisine ne sert qu'aux filtres.
  const jointure = (table: string) =>
    surSaisine('s').length ? sql`FROM ${sql.raw(`"${table}" "x"`)} JOIN "saisines" "s" ON "s"."id" = "x"."saisine_id"` : sql`FROM ${sql.raw(`"${table}" "x"`)}`
  const dateesDansLaPeriode = et([sql`"x"."date" >= ${b.du}`, sql`"x"."date" <= ${b.au}`, ...surSaisine('s')])
  const actes = sql`SELECT "x"."type" AS "type", COUNT(*) AS "n" ${jointure('actes')} WHERE ${dateesDansLaPeriode} GROUP BY "x"."type"`
  const suivies = sql`SELECT COUNT(DISTINCT "x"."saisine_id") AS "n" ${jointure('actes')} WHERE ${dateesDansLaPeriode}`
  const orientations = sql`SELECT "x"."type_partenaire" AS "typePartenaire", "x"."statut" AS "statut", COUNT(*) AS "n" ${jointure('orientations')} WHERE ${dateesDansLaPeriode} GROUP BY "x"."type_partenaire", "x"."statut"`

  // Durées : accompagnements pris en charge au plus tard le dernier jour, non clôturés avant le premier (regles.ts, accompagnementDansPeriode).
  const debut = instantLocal(b.du, '00:00').toISOString()
  const finExclue = instantLocal(ajouterJours(b.au, 1), '00:00').toISOString()
  const instant = (v: string) => (d === 'postgres' ? sql`CAST(${v} AS timestamptz)` : sql`${v}`)
  const pc = jourDeParis(sql, d, sql`"s"."prise_en_charge_le"`)
  const cl = jourDeParis(sql, d, sql`"s"."cloturee_le"`)
  const terminee = sql`("s"."cloturee_le" IS NOT NULL AND "s"."cloturee_le" < ${instant(finExclue)})`
  const jours =
    d === 'postgres'
      ? sql`(CASE WHEN ${terminee} THEN ${cl} ELSE CAST(${b.au} AS date) END) - ${pc}`
      : sql`CAST(julianday(CASE WHEN ${terminee} THEN ${cl} ELSE ${b.au} END) - julianday(${pc}) AS integer)`
  const durees = sql`SELECT "etat", "jours", COUNT(*) AS "n" FROM (
      SELECT CASE WHEN ${terminee} THEN 'terminee' ELSE 'en-cours' END AS "etat", ${jours} AS "jours"
      FROM "saisines" "s"
      WHERE "s"."prise_en_charge_le" IS NOT NULL AND "s"."prise_en_charge_le" < ${instant(finExclue)}
        AND ("s"."cloturee_le" IS NULL OR "s"."cloturee_le" >= ${instant(debut)}) AND ${et([validee, ...surSaisine('s')])}
    ) "a" GROUP BY "etat", "jours"`

  return { lire, requetes: { parDimension, parUnite, beneficiaires, actes, suivies, orientations, durees } }
}

/** Les lignes agrégées d'une période, pour le département entier, un poste, une unité ou une compagnie. */
export async function agregats(payload: Payload, b: Bornes, filtre: Filtre = {}): Promise<Agregats> {
  const { lire, requetes: q } = requetesAgregats(payload, b, filtre)
  const [lSaisines, lUnites, lBeneficiaires, lActes, lSuivies, lOrientations, lDurees] = await Promise.all(
    [q.parDimension, q.parUnite, q.beneficiaires, q.actes, q.suivies, q.orientations, q.durees].map(lire),
  )
  const citees = lBeneficiaires!.find((l) => l.dimension === 'citees')
  return schemaAgregats.parse({
    saisines: lSaisines,
    saisinesParUnite: lUnites,
    beneficiaires: lBeneficiaires!.filter((l) => l.dimension !== 'citees').map((l) => ({ ...l, sansCle: Number(l.sansCle) === 1 })),
    personnesCitees: citees?.n ?? 0,
    actes: lActes,
    saisinesSuivies: lSuivies![0]?.n ?? 0,
    orientations: lOrientations,
    durees: lDurees,
  })
}

/**
 * Libellés tenus en base : noms des unités, référentiels de l'opérateur, y
 * compris les entrées désactivées (une problématique retirée garde son nom
 * dans les bilans passés).
 */
async function libelles(payload: Payload): Promise<Libelles> {
  const [sites, referentiels] = await Promise.all([
    payload.find({ collection: 'sites', pagination: false, depth: 0, overrideAccess: true, select: { nom: true } }),
    payload.find({
      collection: 'referentiels',
      where: { referentiel: { in: ['problematique', 'mode-saisine'] } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { referentiel: true, code: true, libelle: true },
    }),
  ])
  const de = (nom: string) => Object.fromEntries(referentiels.docs.filter((r) => r.referentiel === nom).map((r) => [String(r.code), String(r.libelle)]))
  return {
    unites: Object.fromEntries(sites.docs.map((s) => [String(s.id), String(s.nom)])),
    problematiques: de('problematique'),
    origines: de('mode-saisine'),
  }
}

export type Bilan = { periode: Periode; libelle: string; bornes: Bornes; filtre: Filtre; indicateurs: Indicateurs }

/** Les neuf indicateurs d'une période, pour le département, un poste, une unité ou une compagnie. */
export async function calculerIndicateurs(payload: Payload, { periode, ...demande }: { periode: Periode } & Filtre): Promise<Bilan> {
  const b = bornesDe(periode)
  const filtre: Filtre = Object.fromEntries(Object.entries(demande).filter(([, v]) => v !== undefined))
  const [a, l] = await Promise.all([agregats(payload, b, filtre), libelles(payload)])
  return { periode, libelle: libellePeriode(periode), bornes: b, filtre, indicateurs: indicateursDepuisAgregats(a, l) }
}
