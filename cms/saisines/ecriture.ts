import type { Client as ClientLibsql } from '@libsql/client'
import type { Pool } from 'pg'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { cible, type EvenementJournal } from '../../domaine/journal/evenements'
import { idNumerique } from '../../domaine/reference'
import { journaliser } from '../journalAudit'
import { supprimerBrouillon } from './brouillons'
import { connexionEcriture } from './connexionSqlite'
import type { donneesSaisine } from './depot'

/**
 * L'écriture des saisines, d'un seul bloc (tout ou rien), en SQL direct sur
 * SQLite et PostgreSQL : au dépôt, la saisine, ses personnes, sa ligne de journal
 * et la fin du brouillon de l'auteur ; à l'import de la synthèse du GGD, toutes
 * les saisines du fichier et leurs lignes de journal.
 *
 * Pourquoi pas l'API locale de Payload : le profil CPU du serveur sous
 * `bench:saisines` y passait les deux tiers d'un dépôt (construction des
 * requêtes par drizzle, hooks de champs, relecture de la saisine qu'on vient
 * d'écrire), pour cinq instructions SQL. Et sur SQLite, Payload n'ouvre pas de
 * transaction : un dépôt y restait une suite d'écritures qu'un arrêt brutal
 * pouvait couper. Ici, SQLite reçoit une transaction d'écriture exécutée d'un
 * trait, par des instructions préparées une fois, sur une connexion d'écriture
 * qui accompagne celle de Payload (./connexionSqlite.ts) ; PostgreSQL une
 * seule instruction par saisine, sur le pool de Payload (et une transaction
 * autour quand un fichier en apporte plusieurs).
 *
 * Rien n'est contourné qui compte : la collection `saisines` n'a pas de hook,
 * celle du journal n'en a que contre la modification et la suppression, celle
 * des brouillons aucun ; les accès sont décidés avant (`deposerSaisine`, par la
 * politique). Les noms de colonnes sont ceux des migrations de Payload ; un
 * test relit par Payload ce qui est écrit ici et le compare à ce que
 * `payload.create` écrit (tests/integration/saisines-ecriture.test.ts).
 * MongoDB (câblé, non testable ici) garde le chemin de l'API locale.
 */

type DonneesSaisine = ReturnType<typeof donneesSaisine> & { empreinteSynthese?: string | null }

/** Des saisines écrites d'un bloc : un dépôt (une saisine), ou un fichier de la synthèse du GGD (plusieurs). */
export type Ecriture = {
  saisines: DonneesSaisine[]
  /** La ligne de journal de chaque saisine. */
  action: Extract<EvenementJournal['action'], 'saisine-deposee' | 'saisine-importee'>
  /** Qui écrit : la ligne de journal porte son id ; au dépôt, son brouillon est effacé. */
  auteur: number
  adresse: string | null
  instant: Date
  effacerBrouillon: boolean
}

export type Depot = { saisine: DonneesSaisine; auteur: number; adresse: string | null; instant: Date }

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
  'empreinte_synthese',
  'updated_at',
  'created_at',
] as const

const COLONNES_PERSONNE = ['_order', '_parent_id', 'id', 'identite', 'cle_personne', 'age', 'sexe', 'situation_familiale', 'commune'] as const

function valeursSaisine(s: DonneesSaisine, instant: Date) {
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
    s.empreinteSynthese ?? null,
    iso,
    iso,
  ]
}

const valeursPersonne = (p: DonneesSaisine['personnes'][number]) => [p.id, p.identite, p.clePersonne, p.age, p.sexe, p.situationFamiliale, p.commune]

const liste = (colonnes: readonly string[]) => colonnes.map((c) => `"${c}"`).join(', ')
// Marques de paramètres SQLite ; PostgreSQL numérote les siens dans instructionPostgres.
const marques = (n: number) => Array(n).fill('?').join(', ')

// --- SQLite ------------------------------------------------------------------------------------

const SQLITE_SAISINE = `insert into "saisines" (${liste(COLONNES_SAISINE)}) values (${marques(COLONNES_SAISINE.length)})`
const SQLITE_PERSONNE = `insert into "saisines_personnes" (${liste(COLONNES_PERSONNE)}) values (${marques(COLONNES_PERSONNE.length)})`
const SQLITE_JOURNAL = `insert into "journal" ("action", "acteur", "cible", "adresse", "updated_at", "created_at") values (?, ?, ?, ?, ?, ?)`
const SQLITE_BROUILLON = `delete from brouillons_saisines where "auteur_id" = ?`

// SQLite range les booléens en 0 ou 1, comme Payload ; libsql ne les prend pas tels quels.
const pourSqlite = (valeurs: unknown[]) => valeurs.map((v) => (typeof v === 'boolean' ? Number(v) : (v ?? null)))

/**
 * Une seule transaction, sans rendre la main : le client libsql est synchrone, rien d'autre ne
 * s'exécute dans le processus pendant qu'elle est ouverte. L'import de la synthèse par l'API locale
 * bloquait de même le serveur, mais le temps de 500 créations Payload (8 s mesurées ici pour 500
 * lignes, contre 1,3 s en un lot, lecture du fichier comprise).
 */
async function ecrireSqlite(client: ClientLibsql, url: string, e: Ecriture): Promise<number[]> {
  const connexion = await connexionEcriture(client, url)
  const iso = e.instant.toISOString()
  return connexion.transaction(() => {
    const ids = e.saisines.map((s) => {
      const id = Number(connexion.instruction(SQLITE_SAISINE).run(pourSqlite(valeursSaisine(s, e.instant))).lastInsertRowid)
      for (const [rang, p] of s.personnes.entries()) connexion.instruction(SQLITE_PERSONNE).run(pourSqlite([rang + 1, id, ...valeursPersonne(p)]))
      connexion.instruction(SQLITE_JOURNAL).run(pourSqlite([e.action, e.auteur, cible('saisines', id), e.adresse, iso, iso]))
      return id
    })
    if (e.effacerBrouillon) connexion.instruction(SQLITE_BROUILLON).run([e.auteur])
    return ids
  })
}

// --- PostgreSQL --------------------------------------------------------------------------------

/**
 * Une saisine en une seule instruction : la saisine, ses personnes, sa ligne de journal (et la fin
 * du brouillon de l'auteur) dans des CTE qui modifient les données. Une instruction seule est
 * atomique sans BEGIN ni COMMIT : un dépôt fait un aller-retour avec PostgreSQL au lieu de six.
 * Le profil du serveur sous bench:saisines montrait un quart de son temps dans l'envoi des requêtes
 * (appels système sur la socket). Le texte dépend du nombre de personnes et de l'effacement du
 * brouillon ; chaque forme est une instruction nommée, dont PostgreSQL garde le plan par connexion.
 */
function instructionPostgres(personnes: number, effacerBrouillon: boolean) {
  let n = 0
  const suivants = (combien: number) => Array.from({ length: combien }, () => `$${++n}`).join(', ')
  const saisine = `insert into "saisines" (${liste(COLONNES_SAISINE)}) values (${suivants(COLONNES_SAISINE.length)}) returning "id"`
  const [ordre, parent, ...autres] = COLONNES_PERSONNE
  const personnesCte = Array.from(
    { length: personnes },
    (_, i) => `p${i} as (insert into "saisines_personnes" (${liste([ordre, ...autres])}, "${parent}") select ${suivants(1 + autres.length)}, "id" from s)`,
  )
  const journal = `j as (insert into "journal" ("action", "acteur", "cible", "adresse", "updated_at", "created_at") select ${suivants(2)}, $${++n}::text || "id", ${suivants(1)}, $${++n}, $${n} from s)`
  const brouillon = effacerBrouillon ? [`b as (delete from brouillons_saisines where "auteur_id" = $${++n})`] : []
  return {
    name: `passerelle-ecriture-saisine-${personnes}${effacerBrouillon ? '-brouillon' : ''}`,
    text: `with s as (${saisine}), ${[...personnesCte, journal, ...brouillon].join(', ')} select "id" from s`,
  }
}

async function ecrirePostgres(pool: Pool, e: Ecriture): Promise<number[]> {
  const instant = e.instant.toISOString()
  const ecrireUne = async (connexion: { query: Pool['query'] }, s: DonneesSaisine, effacerBrouillon: boolean) => {
    const valeurs = [
      ...valeursSaisine(s, e.instant),
      ...s.personnes.flatMap((p, rang) => [rang + 1, ...valeursPersonne(p)]),
      e.action,
      e.auteur,
      cible('saisines', ''),
      e.adresse,
      instant,
      ...(effacerBrouillon ? [e.auteur] : []),
    ]
    const { rows } = await connexion.query<{ id: number }>({ ...instructionPostgres(s.personnes.length, effacerBrouillon), values: valeurs })
    return rows[0]!.id
  }
  // Un dépôt : une instruction, atomique à elle seule.
  if (e.saisines.length === 1) return [await ecrireUne(pool, e.saisines[0]!, e.effacerBrouillon)]
  // Un fichier de la synthèse : une transaction pour toutes.
  const connexion = await pool.connect()
  let casse: Error | undefined
  try {
    await connexion.query('begin')
    try {
      const ids: number[] = []
      for (const [i, s] of e.saisines.entries()) ids.push(await ecrireUne(connexion, s, e.effacerBrouillon && i === 0))
      await connexion.query('commit')
      return ids
    } catch (erreur) {
      await connexion.query('rollback').catch((r: Error) => (casse = r))
      throw erreur
    }
  } finally {
    // Une connexion dont le rollback a échoué est rendue cassée : le pool la ferme au lieu de la prêter encore.
    connexion.release(casse)
  }
}

// --- Autres bases : l'API locale, dans la transaction de Payload quand il y en a une ----------------

async function ecrireParPayload(payload: Payload, e: Ecriture): Promise<number[]> {
  const req = await createLocalReq({}, payload)
  const enTransaction = await initTransaction(req)
  if (!enTransaction) delete req.transactionID
  try {
    const ids: number[] = []
    for (const s of e.saisines) {
      const cree = await payload.create({ collection: 'saisines', data: s, overrideAccess: true, depth: 0, req })
      await journaliser(payload, { action: e.action, acteur: e.auteur, cible: cible('saisines', cree.id), adresse: e.adresse }, req)
      ids.push(cree.id)
    }
    if (e.effacerBrouillon) await supprimerBrouillon(payload, e.auteur, req)
    if (enTransaction) await commitTransaction(req)
    return ids
  } catch (erreur) {
    if (enTransaction) await killTransaction(req).catch(() => undefined)
    throw erreur
  }
}

/** Écrit des saisines d'un bloc (tout ou rien) et rend leurs ids, dans l'ordre. */
export function ecrireSaisines(payload: Payload, e: Ecriture): Promise<number[]> {
  if (!e.saisines.length) return Promise.resolve([])
  const db = payload.db as unknown as { name: string; client?: ClientLibsql; clientConfig?: { url?: string }; pool?: Pool }
  if (db.name === 'sqlite' && db.client && db.clientConfig?.url) return ecrireSqlite(db.client, db.clientConfig.url, e)
  if (db.name === 'postgres' && db.pool) return ecrirePostgres(db.pool, e)
  return ecrireParPayload(payload, e)
}

const ecritureDuDepot = (depot: Depot): Ecriture => ({ ...depot, saisines: [depot.saisine], action: 'saisine-deposee', effacerBrouillon: true })

export type DepotEcrit = { id: number; auteur: number; deja: boolean }

/**
 * Écrit le dépôt d'un bloc. Si sa clé de formulaire a déjà servi, rien n'est
 * écrit : rend la saisine qui la porte (`deja`), avec son auteur, pour que
 * l'appelant vérifie que c'est bien le même.
 */
export async function ecrireDepot(payload: Payload, depot: Depot): Promise<DepotEcrit> {
  try {
    const [id] = await ecrireSaisines(payload, ecritureDuDepot(depot))
    return { id: id!, auteur: depot.auteur, deja: false }
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
export const ecrireDepotParPayload = async (payload: Payload, depot: Depot) => (await ecrireParPayload(payload, ecritureDuDepot(depot)))[0]!
