import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`vocabulaire_types_partenaires\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`vocabulaire_types_partenaires_order_idx\` ON \`vocabulaire_types_partenaires\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`vocabulaire_types_partenaires_parent_idx\` ON \`vocabulaire_types_partenaires\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`vocabulaire_publics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`vocabulaire_publics_order_idx\` ON \`vocabulaire_publics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`vocabulaire_publics_parent_idx\` ON \`vocabulaire_publics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`vocabulaire\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`libelle\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`vocabulaire_code_idx\` ON \`vocabulaire\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`vocabulaire_updated_at_idx\` ON \`vocabulaire\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`vocabulaire_created_at_idx\` ON \`vocabulaire\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`vocabulaire_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`vocabulaire_texts_order_parent\` ON \`vocabulaire_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`vocabulaire_id\` integer REFERENCES vocabulaire(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_vocabulaire_id_idx\` ON \`payload_locked_documents_rels\` (\`vocabulaire_id\`);`)
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
	FOREIGN KEY (\`vocabulaire_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
`)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`vocabulaire_types_partenaires\`;`)
  await db.run(sql`DROP TABLE \`vocabulaire_publics\`;`)
  await db.run(sql`DROP TABLE \`vocabulaire\`;`)
  await db.run(sql`DROP TABLE \`vocabulaire_texts\`;`)
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
}
