import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`invitations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`site_id\` integer,
  	\`poste_id\` integer,
  	\`empreinte\` text NOT NULL,
  	\`expire_le\` text NOT NULL,
  	\`utilisee_le\` text,
  	\`annulee_le\` text,
  	\`invite_par_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`invite_par_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`invitations_email_idx\` ON \`invitations\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`invitations_site_idx\` ON \`invitations\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`invitations_poste_idx\` ON \`invitations\` (\`poste_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`invitations_empreinte_idx\` ON \`invitations\` (\`empreinte\`);`)
  await db.run(sql`CREATE INDEX \`invitations_invite_par_idx\` ON \`invitations\` (\`invite_par_id\`);`)
  await db.run(sql`CREATE INDEX \`invitations_updated_at_idx\` ON \`invitations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`invitations_created_at_idx\` ON \`invitations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`recherches_sans_resultat\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`requete\` text NOT NULL,
  	\`nombre\` numeric DEFAULT 1 NOT NULL,
  	\`premiere_recherche\` text NOT NULL,
  	\`derniere_recherche\` text NOT NULL,
  	\`concept_id\` integer,
  	\`statut\` text DEFAULT 'a-traiter' NOT NULL,
  	\`rattachee_le\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`concept_id\`) REFERENCES \`vocabulaire\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`recherches_sans_resultat_requete_idx\` ON \`recherches_sans_resultat\` (\`requete\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_nombre_idx\` ON \`recherches_sans_resultat\` (\`nombre\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_derniere_recherche_idx\` ON \`recherches_sans_resultat\` (\`derniere_recherche\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_concept_idx\` ON \`recherches_sans_resultat\` (\`concept_id\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_statut_idx\` ON \`recherches_sans_resultat\` (\`statut\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_updated_at_idx\` ON \`recherches_sans_resultat\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`recherches_sans_resultat_created_at_idx\` ON \`recherches_sans_resultat\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`totp_secret\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`totp_en_attente\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`totp_dernier_pas\` numeric;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`codes_secours\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`invitations_id\` integer REFERENCES invitations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`recherches_sans_resultat_id\` integer REFERENCES recherches_sans_resultat(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recherches_sans_resultat_i_idx\` ON \`payload_locked_documents_rels\` (\`recherches_sans_resultat_id\`);`)
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
	\`invitations_id\` integer,
	\`recherches_sans_resultat_id\` integer,
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
	FOREIGN KEY (\`sessions_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`invitations_id\`) REFERENCES \`invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`recherches_sans_resultat_id\`) REFERENCES \`recherches_sans_resultat\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
`)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id", "invitations_id", "recherches_sans_resultat_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id", "invitations_id", "recherches_sans_resultat_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recherches_sans_resultat_i_idx\` ON \`payload_locked_documents_rels\` (\`recherches_sans_resultat_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`invitations\`;`)
  await db.run(sql`DROP TABLE \`recherches_sans_resultat\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`sessions_id\`);`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`totp_secret\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`totp_en_attente\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`totp_dernier_pas\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`codes_secours\`;`)
}
