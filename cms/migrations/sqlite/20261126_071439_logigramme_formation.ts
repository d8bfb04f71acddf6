import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`ressources_formation_publics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`ressources_formation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`ressources_formation_publics_order_idx\` ON \`ressources_formation_publics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_publics_parent_idx\` ON \`ressources_formation_publics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`ressources_formation_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`debut\` text,
  	\`fin\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`ressources_formation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`ressources_formation_dates_order_idx\` ON \`ressources_formation_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_dates_parent_id_idx\` ON \`ressources_formation_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`ressources_formation\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`type\` text DEFAULT 'document' NOT NULL,
  	\`description\` text,
  	\`lieu_site_id\` integer,
  	\`lieu_texte\` text,
  	\`fichier_id\` integer,
  	\`url\` text,
  	\`exemple\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`lieu_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`fichier_id\`) REFERENCES \`medias\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`ressources_formation_slug_idx\` ON \`ressources_formation\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_lieu_site_idx\` ON \`ressources_formation\` (\`lieu_site_id\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_fichier_idx\` ON \`ressources_formation\` (\`fichier_id\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_updated_at_idx\` ON \`ressources_formation\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ressources_formation_created_at_idx\` ON \`ressources_formation\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`logigramme_etapes_branches\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`libelle\` text,
  	\`vers\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`logigramme_etapes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`logigramme_etapes_branches_order_idx\` ON \`logigramme_etapes_branches\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`logigramme_etapes_branches_parent_id_idx\` ON \`logigramme_etapes_branches\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`logigramme_etapes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`identifiant\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`phase\` text NOT NULL,
  	\`acteur\` text,
  	\`titre\` text NOT NULL,
  	\`texte\` text NOT NULL,
  	\`fondement\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`logigramme\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`logigramme_etapes_order_idx\` ON \`logigramme_etapes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`logigramme_etapes_parent_id_idx\` ON \`logigramme_etapes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`logigramme\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`introduction\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`logigramme_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`logigramme\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`logigramme_texts_order_parent\` ON \`logigramme_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`parcours_integration_etapes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`moment\` text NOT NULL,
  	\`titre\` text NOT NULL,
  	\`description\` text,
  	\`avec_qui\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`parcours_integration\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`parcours_integration_etapes_order_idx\` ON \`parcours_integration_etapes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`parcours_integration_etapes_parent_id_idx\` ON \`parcours_integration_etapes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`parcours_integration\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`introduction\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`ressources_formation_id\` integer REFERENCES ressources_formation(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ressources_formation_id_idx\` ON \`payload_locked_documents_rels\` (\`ressources_formation_id\`);`)
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
	FOREIGN KEY (\`ressources_formation_id\`) REFERENCES \`ressources_formation\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
`)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`ressources_formation_publics\`;`)
  await db.run(sql`DROP TABLE \`ressources_formation_dates\`;`)
  await db.run(sql`DROP TABLE \`ressources_formation\`;`)
  await db.run(sql`DROP TABLE \`logigramme_etapes_branches\`;`)
  await db.run(sql`DROP TABLE \`logigramme_etapes\`;`)
  await db.run(sql`DROP TABLE \`logigramme\`;`)
  await db.run(sql`DROP TABLE \`logigramme_texts\`;`)
  await db.run(sql`DROP TABLE \`parcours_integration_etapes\`;`)
  await db.run(sql`DROP TABLE \`parcours_integration\`;`)
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
  	FOREIGN KEY (\`permanences_id\`) REFERENCES \`permanences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id" FROM \`payload_locked_documents_rels\`;`)
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
}
