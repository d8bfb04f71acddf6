import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig, type DatabaseAdapterObj } from 'payload'
import sharp from 'sharp'

import { Invitations } from './collections/Invitations'
import { Journal } from './collections/Journal'
import { Sessions } from './collections/Sessions'
import { Medias } from './collections/Medias'
import { Permanences } from './collections/Permanences'
import { Plaquettes } from './collections/Plaquettes'
import { Postes } from './collections/Postes'
import { RecherchesSansResultat } from './collections/RecherchesSansResultat'
import { Saisines } from './collections/Saisines'
import { Actes } from './collections/Actes'
import { Orientations } from './collections/Orientations'
import { SignalementsJudiciaires } from './collections/SignalementsJudiciaires'
import { BrouillonsSaisines } from './collections/BrouillonsSaisines'
import { SaisiesEnAttente } from './collections/SaisiesEnAttente'
import { Referentiels } from './collections/Referentiels'
import { RessourcesFormation } from './collections/RessourcesFormation'
import { Services } from './collections/Services'
import { Signalements } from './collections/Signalements'
import { Sites } from './collections/Sites'
import { Structures } from './collections/Structures'
import { Utilisateurs } from './collections/Utilisateurs'
import { Vocabulaire } from './collections/Vocabulaire'
import { configuration, type Configuration } from '../socle/configuration'
import { caviarder } from '../socle/journauxCaviardes'
import { LIMITE_TELEVERSEMENT_OCTETS } from '../socle/limitesCorps'
import { courrielDesactive } from './courriel'
import { Logigramme } from './globals/Logigramme/index'
import { ParcoursIntegration } from './globals/ParcoursIntegration'
import { Publication } from './globals/Publication'

const config = configuration()

/**
 * Base de données : SQLite embarquée par défaut, PostgreSQL en production,
 * MongoDB câblé mais non testé ici. Jamais de « push » de schéma : le schéma
 * évolue uniquement par les migrations commitées, appliquées au démarrage.
 */
function adaptateur(base: Configuration['base']): DatabaseAdapterObj {
  const dossierMigrations = (dialecte: string) => path.join(config.racine, 'cms', 'migrations', dialecte)
  switch (base.type) {
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: base.url },
        push: false,
        migrationDir: dossierMigrations('postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url: base.url })
    default:
      return sqliteAdapter({
        client: { url: base.url },
        push: false,
        migrationDir: dossierMigrations('sqlite'),
        // Sans WAL ni délai d'attente, un second processus qui écrit (seed,
        // import, publication) échoue en « database is locked » (notes de pile).
        // FULL attendrait le disque (fsync, 5 à 7 ms ici) à chaque écriture, en
        // bloquant tout le serveur (le client SQLite est synchrone) : 20 agents qui
        // déposent ensemble attendraient chacun les écritures des autres.
        wal: { synchronous: base.synchrone },
        busyTimeout: 10_000,
      })
  }
}

export default buildConfig({
  serverURL: config.urlPublique,
  secret: config.secret,
  telemetry: false,
  admin: {
    user: Utilisateurs.slug,
    avatar: 'default',
    dateFormat: 'dd/MM/yyyy HH:mm',
    meta: { titleSuffix: ' – Passerelle (admin)' },
    importMap: {
      baseDir: path.join(config.racine, 'cms'),
      importMapFile: path.join(config.racine, 'cms', 'app', '(payload)', 'admin', 'importMap.js'),
    },
    components: { beforeDashboard: ['/components/EtatPublication#EtatPublication'] },
  },
  i18n: { supportedLanguages: { fr }, fallbackLanguage: 'fr' },
  // Toute nouvelle collection s'ajoute en fin de liste : SQLite ajoute ses
  // colonnes de relation en fin de table, l'ordre doit rester le même.
  collections: [Sites, Postes, Structures, Services, Signalements, Referentiels, Plaquettes, Medias, Utilisateurs, Permanences, RessourcesFormation, Vocabulaire, Journal, Sessions, Invitations, RecherchesSansResultat, Saisines, Actes, Orientations, SignalementsJudiciaires, BrouillonsSaisines, SaisiesEnAttente],
  globals: [Publication, Logigramme, ParcoursIntegration],
  editor: lexicalEditor(),
  db: adaptateur(config.base),
  sharp,
  // Second rempart derrière le plafond du serveur (serveur/serveur.ts) : un fichier
  // plus gros est refusé (413) pendant la lecture, sans être gardé en mémoire.
  upload: { limits: { fileSize: LIMITE_TELEVERSEMENT_OCTETS, files: 1 }, abortOnLimit: true },
  email: courrielDesactive,
  // Les erreurs (500 comprises) ne laissent dans le journal que leur type : leur
  // message reprend souvent la saisie (courriel, texte d'un signalement).
  logger: {
    options: {
      hooks: {
        logMethod(args, journaliser, niveau) {
          return journaliser.apply(this, caviarder(args, niveau) as Parameters<typeof journaliser>)
        },
      },
    },
    destination: process.stdout,
  },
  graphQL: { disable: true },
  typescript: { outputFile: path.join(config.racine, 'cms', 'payload-types.ts') },
})
