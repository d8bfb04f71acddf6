import { setTimeout as attendre } from 'node:timers/promises'

import type { Client as ClientLibsql } from '@libsql/client'
import Database from 'libsql'

import { cheminSqlite } from '../../socle/configuration'

/**
 * La connexion d'écriture des saisines sur SQLite : même fichier et même
 * bibliothèque (libsql) que Payload, mais une connexion à part, dont les
 * instructions sont préparées une fois pour toutes.
 *
 * Pourquoi : le client de Payload (@libsql/client) prépare de nouveau chaque
 * instruction d'un lot à chaque appel, et lève puis rattrape une exception pour
 * chaque instruction qui ne rend pas de ligne (BEGIN, INSERT, DELETE, COMMIT).
 * Sous `bench:saisines`, préparation et exceptions faisaient un tiers du temps
 * d'écriture d'un dépôt ; au micro-banc, le même lot passe de 0,39 à 0,23 ms.
 *
 * Même bibliothèque, pas seulement même format : deux copies de SQLite dans un
 * processus ne voient pas les verrous l'une de l'autre (la fermeture d'un
 * fichier par l'une lève les verrous POSIX de l'autre). Les réglages de la
 * connexion de Payload (synchronisation, clés étrangères) sont relus sur elle
 * et repris ici. Le client de libsql étant synchrone, une transaction ouverte
 * ici se termine avant que la boucle d'événements ne reprenne : elle ne se
 * mêle jamais à une écriture de Payload.
 *
 * Sauf le délai d'attente du verrou d'écriture : SQLite l'attend en dormant
 * dans le fil qui l'appelle, donc en arrêtant tout le serveur. Mesuré ici :
 * pendant `npm run annuaire:import` (un autre processus, qui garde le verrou
 * le temps de ses écritures, 3 s pour l'annuaire de l'Ain), un dépôt attendait
 * 3,1 s et la page /sante, demandée 30 ms après lui, 3,8 s. Cette connexion ne
 * dort donc pas : verrou pris, elle rend la main et réessaie un peu plus tard,
 * jusqu'au même délai que celui de Payload (10 s).
 *
 * Une connexion par client de Payload, oubliée avec lui : comme la sienne, que
 * `destroy()` ne ferme pas, elle vit jusqu'à la fin du processus ou jusqu'à
 * ce que le ramasse-miettes la reprenne.
 */
export type ConnexionEcriture = {
  /** L'instruction préparée pour ce texte SQL, gardée pour les appels suivants. */
  instruction: (sql: string) => Database.Statement
  /**
   * Exécute `ecrire` dans une transaction d'écriture (BEGIN IMMEDIATE) : tout ou rien. Si un autre
   * processus tient le verrou, attend sans bloquer la boucle d'événements, au plus le délai de Payload.
   */
  transaction: <T>(ecrire: () => T) => Promise<T>
}

const connexions = new WeakMap<ClientLibsql, Promise<ConnexionEcriture>>()

async function reglage(client: ClientLibsql, pragma: 'busy_timeout' | 'synchronous' | 'foreign_keys'): Promise<number> {
  const { rows } = await client.execute(`PRAGMA ${pragma}`)
  const valeur = Number(Object.values(rows[0] ?? {})[0])
  if (!Number.isInteger(valeur) || valeur < 0) throw new Error(`réglage SQLite ${pragma} illisible sur la connexion de Payload`)
  return valeur
}

async function ouvrir(client: ClientLibsql, url: string): Promise<ConnexionEcriture> {
  const [attenteMs, synchronisation, clesEtrangeres] = [await reglage(client, 'busy_timeout'), await reglage(client, 'synchronous'), await reglage(client, 'foreign_keys')]
  const db = new Database(cheminSqlite(url))
  // Aucune attente dans SQLite : c'est `transaction` qui attend, sans bloquer (voir plus haut).
  db.exec('PRAGMA busy_timeout = 0')
  db.exec(`PRAGMA synchronous = ${synchronisation}`)
  db.exec(`PRAGMA foreign_keys = ${clesEtrangeres}`)
  const preparees = new Map<string, Database.Statement>()
  return {
    instruction(sql) {
      let preparee = preparees.get(sql)
      if (!preparee) preparees.set(sql, (preparee = db.prepare(sql)))
      return preparee
    },
    async transaction(ecrire) {
      const limite = Date.now() + attenteMs
      for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 50)) {
        try {
          db.exec('BEGIN IMMEDIATE')
          break
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() + pauseMs > limite) throw e
          await attendre(pauseMs)
        }
      }
      try {
        const resultat = ecrire()
        db.exec('COMMIT')
        return resultat
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK')
      }
    },
  }
}

/** La connexion d'écriture qui accompagne ce client de Payload (ouverte au premier appel). */
export function connexionEcriture(client: ClientLibsql, url: string): Promise<ConnexionEcriture> {
  let connexion = connexions.get(client)
  if (!connexion) {
    connexion = ouvrir(client, url)
    // Un échec d'ouverture n'est pas gardé : l'appel suivant réessaie.
    connexion.catch(() => connexions.delete(client))
    connexions.set(client, connexion)
  }
  return connexion
}
