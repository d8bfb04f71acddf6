import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`empreinte\` text NOT NULL,
  	\`utilisateur_id\` integer NOT NULL,
  	\`methode\` text NOT NULL,
  	\`second_facteur\` integer DEFAULT false,
  	\`appareil\` text,
  	\`cree_le\` text NOT NULL,
  	\`vue_le\` text NOT NULL,
  	\`revoquee_le\` text,
  	\`motif_revocation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`utilisateur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sessions_empreinte_idx\` ON \`sessions\` (\`empreinte\`);`)
  await db.run(sql`CREATE INDEX \`sessions_utilisateur_idx\` ON \`sessions\` (\`utilisateur_id\`);`)
  await db.run(sql`CREATE INDEX \`sessions_vue_le_idx\` ON \`sessions\` (\`vue_le\`);`)
  await db.run(sql`CREATE INDEX \`sessions_revoquee_le_idx\` ON \`sessions\` (\`revoquee_le\`);`)
  await db.run(sql`CREATE INDEX \`sessions_updated_at_idx\` ON \`sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sessions_created_at_idx\` ON \`sessions\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`mot_de_passe\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`suspendu\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sessions_id\` integer REFERENCES sessions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`sessions_id\`);`)
  // Ajouté par npm run migration:creer : reconstruit les tables que drizzle-kit a modifiées par
  // ALTER TABLE sans leurs clauses ON DELETE, pour obtenir le même schéma qu’une base neuve.
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
	\`id\` integer PRIMARY KEY NOT NULL,
	\`order\` integer,
	\`parent_id\` integer NOT NULL,
	\`path\` text NOT NULL,
	\`sites_id\` integer,
	\`postes_id\` integer,
	\`structures_id\` integer,
	\`services_id\` integer,
	\`signalements_id\` integer,
	\`referentiels_id\` integer,
	\`plaquettes_id\` integer,
	\`medias_id\` integer,
	\`utilisateurs_id\` integer,
	\`permanences_id\` integer,
	\`ressources_formation_id\` integer,
	\`vocabulaire_id\` integer,
	\`journal_id\` integer,
	\`sessions_id\` integer,
	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`postes_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`structures_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`signalements_id\`) REFERENCES \`signalements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`referentiels_id\`) REFERENCES \`referentiels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`plaquettes_id\`) REFERENCES \`plaquettes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`medias_id\`) REFERENCES \`medias\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`utilisateurs_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`permanences_id\`) REFERENCES \`permanences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`ressources_formation_id\`) REFERENCES \`ressources_formation\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`vocabulaire_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`journal_id\`) REFERENCES \`journal\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`sessions_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
`)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_postes_id_idx\` ON \`payload_locked_documents_rels\` (\`postes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_structures_id_idx\` ON \`payload_locked_documents_rels\` (\`structures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signalements_id_idx\` ON \`payload_locked_documents_rels\` (\`signalements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_referentiels_id_idx\` ON \`payload_locked_documents_rels\` (\`referentiels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plaquettes_id_idx\` ON \`payload_locked_documents_rels\` (\`plaquettes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_medias_id_idx\` ON \`payload_locked_documents_rels\` (\`medias_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_utilisateurs_id_idx\` ON \`payload_locked_documents_rels\` (\`utilisateurs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_permanences_id_idx\` ON \`payload_locked_documents_rels\` (\`permanences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ressources_formation_id_idx\` ON \`payload_locked_documents_rels\` (\`ressources_formation_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_vocabulaire_id_idx\` ON \`payload_locked_documents_rels\` (\`vocabulaire_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_journal_id_idx\` ON \`payload_locked_documents_rels\` (\`journal_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`sessions_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sessions\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sites_id\` integer,
  	\`postes_id\` integer,
  	\`structures_id\` integer,
  	\`services_id\` integer,
  	\`signalements_id\` integer,
  	\`referentiels_id\` integer,
  	\`plaquettes_id\` integer,
  	\`medias_id\` integer,
  	\`utilisateurs_id\` integer,
  	\`permanences_id\` integer,
  	\`ressources_formation_id\` integer,
  	\`vocabulaire_id\` integer,
  	\`journal_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`postes_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`structures_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signalements_id\`) REFERENCES \`signalements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`referentiels_id\`) REFERENCES \`referentiels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plaquettes_id\`) REFERENCES \`plaquettes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`medias_id\`) REFERENCES \`medias\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`utilisateurs_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`permanences_id\`) REFERENCES \`permanences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ressources_formation_id\`) REFERENCES \`ressources_formation\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`vocabulaire_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`journal_id\`) REFERENCES \`journal\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_postes_id_idx\` ON \`payload_locked_documents_rels\` (\`postes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_structures_id_idx\` ON \`payload_locked_documents_rels\` (\`structures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signalements_id_idx\` ON \`payload_locked_documents_rels\` (\`signalements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_referentiels_id_idx\` ON \`payload_locked_documents_rels\` (\`referentiels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plaquettes_id_idx\` ON \`payload_locked_documents_rels\` (\`plaquettes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_medias_id_idx\` ON \`payload_locked_documents_rels\` (\`medias_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_utilisateurs_id_idx\` ON \`payload_locked_documents_rels\` (\`utilisateurs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_permanences_id_idx\` ON \`payload_locked_documents_rels\` (\`permanences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ressources_formation_id_idx\` ON \`payload_locked_documents_rels\` (\`ressources_formation_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_vocabulaire_id_idx\` ON \`payload_locked_documents_rels\` (\`vocabulaire_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_journal_id_idx\` ON \`payload_locked_documents_rels\` (\`journal_id\`);`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`mot_de_passe\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`suspendu\`;`)
}
