import type { Client as ClientLibsql, InStatement } from '@libsql/client'
import type { Pool } from 'pg'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { cible } from '../../domaine/journal/evenements'
import { idNumerique } from '../../domaine/reference'
import { journaliser } from '../journalAudit'
import { supprimerBrouillon } from './brouillons'
import type { donneesSaisine } from './depot'

/**
 * L'écriture d'un dépôt : la saisine, ses personnes, sa ligne de journal et la
 * fin du brouillon de l'auteur, d'un seul bloc (tout ou rien), en SQL direct sur
 * SQLite et PostgreSQL.
 *
 * Pourquoi pas l'API locale de Payload : le profil CPU du serveur sous
 * `bench:saisines` y passait les deux tiers d'un dépôt (construction des
 * requêtes par drizzle, hooks de champs, relecture de la saisine qu'on vient
 * d'écrire), pour cinq instructions SQL. Et sur SQLite, Payload n'ouvre pas de
 * transaction : un dépôt y restait une suite d'écritures qu'un arrêt brutal
 * pouvait couper. Ici, SQLite reçoit un lot (`batch`) exécuté d'un trait sur la
 * connexion de Payload, dans une transaction d'écriture ; PostgreSQL une
 * transaction sur une connexion du pool de Payload.
 *
 * Rien n'est contourné qui compte : la collection `saisines` n'a pas de hook,
 * celle du journal n'en a que contre la modification et la suppression, celle
 * des brouillons aucun ; les accès sont décidés avant (`deposerSaisine`, par la
 * politique). Les noms de colonnes sont ceux des migrations de Payload ; un
 * test relit par Payload ce qui est écrit ici et le compare à ce que
 * `payload.create` écrit (tests/integration/saisines-ecriture-depot.test.ts).
 * MongoDB (câblé, non testable ici) garde le chemin de l'API locale.
 */

export type Depot = {
  saisine: ReturnType<typeof donneesSaisine>
  /** L'auteur du dépôt : son brouillon est effacé, la ligne de journal porte son id. */
  auteur: number
  adresse: string | null
  instant: Date
}

const COLONNES_SAISINE = [
  'jeton',
  'poste_id',
  'unite_id',
  'agent_id',
  'auteur_id',
  'mode',
  'nature',
  'origine',
  'date',
  'urgence',
  'profil',
  'problematique',
  'accepte_contact',
  'statut',
  'historique',
  'retours_article4',
  'dit_a_la_personne',
  'texte_libre',
  'cle_depot',
  'updated_at',
  'created_at',
] as const

const COLONNES_PERSONNE = ['_order', '_parent_id', 'id', 'identite', 'cle_personne', 'age', 'sexe', 'situation_familiale', 'commune'] as const

function valeursSaisine({ saisine: s, instant }: Depot) {
  const iso = instant.toISOString()
  return [
    s.jeton,
    s.poste,
    s.unite,
    s.agent,
    s.auteur,
    s.mode,
    s.nature,
    s.origine,
    s.date,
    s.urgence,
    s.profil,
    s.problematique,
    s.accepteContact,
    s.statut,
    JSON.stringify(s.historique),
    JSON.stringify(s.retoursArticle4),
    s.ditALaPersonne,
    s.texteLibre,
    s.cleDepot,
    iso,
    iso,
  ]
}

const valeursPersonne = (p: Depot['saisine']['personnes'][number]) => [p.id, p.identite, p.clePersonne, p.age, p.sexe, p.situationFamiliale, p.commune]

const liste = (colonnes: readonly string[]) => colonnes.map((c) => `"${c}"`).join(', ')
const marques = (n: number, depuis = 1, style: 'sqlite' | 'postgres' = 'sqlite') =>
  Array.from({ length: n }, (_, i) => (style === 'sqlite' ? '?' : `$${depuis + i}`)).join(', ')

// --- SQLite ------------------------------------------------------------------------------------

const SQLITE_SAISINE = `insert into "saisines" (${liste(COLONNES_SAISINE)}) values (${marques(COLONNES_SAISINE.length)})`
// L'id de la saisine n'est pas connu avant l'exécution du lot : on le retrouve par son jeton (index unique).
const SQLITE_ID_PAR_JETON = `(select "id" from "saisines" where "jeton" = ?)`
const SQLITE_PERSONNE = `insert into "saisines_personnes" (${liste(COLONNES_PERSONNE)}) values (?, ${SQLITE_ID_PAR_JETON}, ${marques(COLONNES_PERSONNE.length - 2)})`
const SQLITE_JOURNAL = `insert into "journal" ("action", "acteur", "cible", "adresse", "updated_at", "created_at") values ('saisine-deposee', ?, ? || ${SQLITE_ID_PAR_JETON}, ?, ?, ?)`
const SQLITE_BROUILLON = `delete from "brouillons_saisines" where "auteur_id" = ?`
const SQLITE_RELIRE_ID = `select "id" from "saisines" where "jeton" = ?`

async function ecrireSqlite(client: ClientLibsql, depot: Depot): Promise<number> {
  const { saisine: s } = depot
  const iso = depot.instant.toISOString()
  const lot: InStatement[] = [
    // libsql ne prend pas de booléen : SQLite les range en 0 ou 1, comme Payload.
    { sql: SQLITE_SAISINE, args: valeursSaisine(depot).map((v) => (typeof v === 'boolean' ? Number(v) : v)) },
    ...s.personnes.map((p, rang) => ({ sql: SQLITE_PERSONNE, args: [rang + 1, s.jeton, ...valeursPersonne(p)] })),
    { sql: SQLITE_JOURNAL, args: [depot.auteur, cible('saisines', ''), s.jeton, depot.adresse, iso, iso] },
    { sql: SQLITE_BROUILLON, args: [depot.auteur] },
    { sql: SQLITE_RELIRE_ID, args: [s.jeton] },
  ]
  // « write » : BEGIN IMMEDIATE ; le lot s'exécute sans rendre la main (client synchrone), validé ou annulé en entier.
  const resultats = await client.batch(lot, 'write')
  return Number(resultats.at(-1)!.rows[0]!.id)
}

// --- PostgreSQL --------------------------------------------------------------------------------

// Instructions nommées : PostgreSQL garde leur plan sur chaque connexion du pool.
const PG_SAISINE = {
  name: 'passerelle-depot-saisine',
  text: `insert into "saisines" (${liste(COLONNES_SAISINE)}) values (${marques(COLONNES_SAISINE.length, 1, 'postgres')}) returning "id"`,
}
const PG_PERSONNE = {
  name: 'passerelle-depot-personne',
  text: `insert into "saisines_personnes" (${liste(COLONNES_PERSONNE)}) values (${marques(COLONNES_PERSONNE.length, 1, 'postgres')})`,
}
const PG_JOURNAL = {
  name: 'passerelle-depot-journal',
  text: `insert into "journal" ("action", "acteur", "cible", "adresse", "updated_at", "created_at") values ('saisine-deposee', $1, $2, $3, $4, $4)`,
}
const PG_BROUILLON = { name: 'passerelle-depot-brouillon', text: `delete from "brouillons_saisines" where "auteur_id" = $1` }

async function ecrirePostgres(pool: Pool, depot: Depot): Promise<number> {
  const { saisine: s } = depot
  const connexion = await pool.connect()
  let casse: Error | undefined
  try {
    await connexion.query('begin')
    try {
      const { rows } = await connexion.query<{ id: number }>({ ...PG_SAISINE, values: valeursSaisine(depot) })
      const id = rows[0]!.id
      for (const [rang, p] of s.personnes.entries()) await connexion.query({ ...PG_PERSONNE, values: [rang + 1, id, ...valeursPersonne(p)] })
      await connexion.query({ ...PG_JOURNAL, values: [depot.auteur, cible('saisines', id), depot.adresse, depot.instant.toISOString()] })
      await connexion.query({ ...PG_BROUILLON, values: [depot.auteur] })
      await connexion.query('commit')
      return id
    } catch (e) {
      await connexion.query('rollback').catch((r: Error) => (casse = r))
      throw e
    }
  } finally {
    // Une connexion dont le rollback a échoué est rendue cassée : le pool la ferme au lieu de la prêter encore.
    connexion.release(casse)
  }
}

// --- Autres bases : l'API locale, dans la transaction de Payload quand il y en a une ----------------

async function ecrireParPayload(payload: Payload, depot: Depot): Promise<number> {
  const req = await createLocalReq({}, payload)
  const enTransaction = await initTransaction(req)
  if (!enTransaction) delete req.transactionID
  try {
    const cree = await payload.create({ collection: 'saisines', data: depot.saisine, overrideAccess: true, depth: 0, req })
    await journaliser(payload, { action: 'saisine-deposee', acteur: depot.auteur, cible: cible('saisines', cree.id), adresse: depot.adresse }, req)
    await supprimerBrouillon(payload, depot.auteur, req)
    if (enTransaction) await commitTransaction(req)
    return cree.id
  } catch (e) {
    if (enTransaction) await killTransaction(req).catch(() => undefined)
    throw e
  }
}

export type DepotEcrit = { id: number; auteur: number; deja: boolean }

/**
 * Écrit le dépôt d'un bloc. Si sa clé de formulaire a déjà servi, rien n'est
 * écrit : rend la saisine qui la porte (`deja`), avec son auteur, pour que
 * l'appelant vérifie que c'est bien le même.
 */
export async function ecrireDepot(payload: Payload, depot: Depot): Promise<DepotEcrit> {
  const db = payload.db as unknown as { name: string; client?: ClientLibsql; pool?: Pool }
  try {
    const id =
      db.name === 'sqlite' && db.client ? await ecrireSqlite(db.client, depot) : db.name === 'postgres' && db.pool ? await ecrirePostgres(db.pool, depot) : await ecrireParPayload(payload, depot)
    return { id, auteur: depot.auteur, deja: false }
  } catch (e) {
    // L'index unique de la clé a refusé l'écriture (ou une autre erreur est survenue) : le lot est annulé en
    // entier. On ne cherche la saisine qu'après coup, pour ne rien coûter aux dépôts ordinaires.
    const cle = depot.saisine.cleDepot
    if (!cle) throw e
    const { docs } = await payload.find({ collection: 'saisines', where: { cleDepot: { equals: cle } }, limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { auteur: true } })
    const existante = docs[0]
    if (!existante) throw e
    return { id: existante.id, auteur: idNumerique(existante.auteur) ?? 0, deja: true }
  }
}

/** Pour le test qui compare les deux chemins. */
export const ecrireDepotParPayload = ecrireParPayload
