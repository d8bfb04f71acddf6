import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signalements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`structure_id\` integer NOT NULL,
  	\`motif\` text NOT NULL,
  	\`message\` text NOT NULL,
  	\`resume\` text,
  	\`statut\` text DEFAULT 'nouveau' NOT NULL,
  	\`note_interne\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`structure_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`signalements_structure_idx\` ON \`signalements\` (\`structure_id\`);`)
  await db.run(sql`CREATE INDEX \`signalements_updated_at_idx\` ON \`signalements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signalements_created_at_idx\` ON \`signalements\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signalements_id\` integer REFERENCES signalements(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signalements_id_idx\` ON \`payload_locked_documents_rels\` (\`signalements_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signalements\`;`)
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
  	\`referentiels_id\` integer,
  	\`plaquettes_id\` integer,
  	\`medias_id\` integer,
  	\`utilisateurs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`postes_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`structures_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`referentiels_id\`) REFERENCES \`referentiels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plaquettes_id\`) REFERENCES \`plaquettes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`medias_id\`) REFERENCES \`medias\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`utilisateurs_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_referentiels_id_idx\` ON \`payload_locked_documents_rels\` (\`referentiels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plaquettes_id_idx\` ON \`payload_locked_documents_rels\` (\`plaquettes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_medias_id_idx\` ON \`payload_locked_documents_rels\` (\`medias_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_utilisateurs_id_idx\` ON \`payload_locked_documents_rels\` (\`utilisateurs_id\`);`)
}
