import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sites\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`nom\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`commune\` text NOT NULL,
  	\`compagnie_id\` integer,
  	\`rythme\` text,
  	\`adresse\` text,
  	\`presentation\` text,
  	\`prioritaire\` integer DEFAULT false,
  	\`ordre\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`compagnie_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_slug_idx\` ON \`sites\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sites_compagnie_idx\` ON \`sites\` (\`compagnie_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_updated_at_idx\` ON \`sites\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sites_created_at_idx\` ON \`sites\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`postes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`intitule\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`secteur\` text NOT NULL,
  	\`telephone\` text,
  	\`courriel\` text,
  	\`presentation\` text,
  	\`ordre\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`postes_slug_idx\` ON \`postes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`postes_updated_at_idx\` ON \`postes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`postes_created_at_idx\` ON \`postes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`postes_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`postes_texts_order_parent\` ON \`postes_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`postes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sites_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`postes_rels_order_idx\` ON \`postes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`postes_rels_parent_idx\` ON \`postes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`postes_rels_path_idx\` ON \`postes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`postes_rels_sites_id_idx\` ON \`postes_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE TABLE \`structures_reseaux_porteurs\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`structures_reseaux_porteurs_order_idx\` ON \`structures_reseaux_porteurs\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`structures_reseaux_porteurs_parent_idx\` ON \`structures_reseaux_porteurs\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`structures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`id_source\` text NOT NULL,
  	\`source\` text DEFAULT 'passerelle' NOT NULL,
  	\`nom\` text NOT NULL,
  	\`description\` text,
  	\`type_partenaire\` text NOT NULL,
  	\`adresse\` text,
  	\`complement_adresse\` text,
  	\`code_postal\` text,
  	\`commune\` text,
  	\`code_insee\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`telephone\` text,
  	\`numero_court\` text,
  	\`courriel\` text,
  	\`site_web\` text,
  	\`horaires_accueil\` text,
  	\`siret\` text,
  	\`accessibilite_lieu\` text,
  	\`lien_source\` text,
  	\`date_maj\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`structures_id_source_idx\` ON \`structures\` (\`id_source\`);`)
  await db.run(sql`CREATE INDEX \`structures_code_insee_idx\` ON \`structures\` (\`code_insee\`);`)
  await db.run(sql`CREATE INDEX \`structures_updated_at_idx\` ON \`structures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`structures_created_at_idx\` ON \`structures\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`services_publics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_publics_order_idx\` ON \`services_publics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_publics_parent_idx\` ON \`services_publics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services_modes_accueil\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_modes_accueil_order_idx\` ON \`services_modes_accueil\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_modes_accueil_parent_idx\` ON \`services_modes_accueil\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services_modes_mobilisation\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_modes_mobilisation_order_idx\` ON \`services_modes_mobilisation\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_modes_mobilisation_parent_idx\` ON \`services_modes_mobilisation\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services_mobilisable_par\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_mobilisable_par_order_idx\` ON \`services_mobilisable_par\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_mobilisable_par_parent_idx\` ON \`services_mobilisable_par\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`id_source\` text NOT NULL,
  	\`source\` text DEFAULT 'passerelle' NOT NULL,
  	\`structure_id\` integer NOT NULL,
  	\`nom\` text NOT NULL,
  	\`description\` text,
  	\`type\` text,
  	\`publics_precisions\` text,
  	\`conditions_acces\` text,
  	\`frais\` text,
  	\`frais_precisions\` text,
  	\`mobilisation_precisions\` text,
  	\`lien_mobilisation\` text,
  	\`volume_horaire_hebdomadaire\` numeric,
  	\`nombre_semaines\` numeric,
  	\`lien_source\` text,
  	\`adresse\` text,
  	\`complement_adresse\` text,
  	\`code_postal\` text,
  	\`commune\` text,
  	\`code_insee\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`telephone\` text,
  	\`courriel\` text,
  	\`horaires_accueil\` text,
  	\`numero_court\` text,
  	\`date_maj\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`structure_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`services_id_source_idx\` ON \`services\` (\`id_source\`);`)
  await db.run(sql`CREATE INDEX \`services_structure_idx\` ON \`services\` (\`structure_id\`);`)
  await db.run(sql`CREATE INDEX \`services_code_insee_idx\` ON \`services\` (\`code_insee\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`services_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_texts_order_parent\` ON \`services_texts\` (\`order\`,\`parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`referentiels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`referentiel\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`libelle\` text NOT NULL,
  	\`description\` text,
  	\`numero\` text,
  	\`actif\` integer DEFAULT true,
  	\`ordre\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`referentiels_referentiel_idx\` ON \`referentiels\` (\`referentiel\`);`)
  await db.run(sql`CREATE INDEX \`referentiels_updated_at_idx\` ON \`referentiels\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`referentiels_created_at_idx\` ON \`referentiels\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`plaquettes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`public\` text NOT NULL,
  	\`resume\` text,
  	\`fichier_id\` integer NOT NULL,
  	\`version\` text DEFAULT '1' NOT NULL,
  	\`date\` text NOT NULL,
  	\`poste_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`fichier_id\`) REFERENCES \`medias\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`plaquettes_fichier_idx\` ON \`plaquettes\` (\`fichier_id\`);`)
  await db.run(sql`CREATE INDEX \`plaquettes_poste_idx\` ON \`plaquettes\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`plaquettes_updated_at_idx\` ON \`plaquettes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`plaquettes_created_at_idx\` ON \`plaquettes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`medias\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`medias_updated_at_idx\` ON \`medias\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`medias_created_at_idx\` ON \`medias\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`medias_filename_idx\` ON \`medias\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`utilisateurs_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`utilisateurs_sessions_order_idx\` ON \`utilisateurs_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`utilisateurs_sessions_parent_id_idx\` ON \`utilisateurs_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`utilisateurs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`nom\` text,
  	\`role\` text DEFAULT 'agent-fsi',
  	\`poste_id\` integer,
  	\`site_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`utilisateurs_poste_idx\` ON \`utilisateurs\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`utilisateurs_site_idx\` ON \`utilisateurs\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`utilisateurs_updated_at_idx\` ON \`utilisateurs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`utilisateurs_created_at_idx\` ON \`utilisateurs\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`utilisateurs_email_idx\` ON \`utilisateurs\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`permanences_recurrence_rangs\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`permanences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`permanences_recurrence_rangs_order_idx\` ON \`permanences_recurrence_rangs\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`permanences_recurrence_rangs_parent_idx\` ON \`permanences_recurrence_rangs\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`permanences_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`type\` text NOT NULL,
  	\`du\` text,
  	\`au\` text,
  	\`date\` text,
  	\`nouvelle_date\` text,
  	\`motif\` text,
  	\`site_id\` integer,
  	\`creneau_moment\` text,
  	\`creneau_debut\` text,
  	\`creneau_fin\` text,
  	\`afficher_des\` text,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`permanences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`permanences_exceptions_order_idx\` ON \`permanences_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`permanences_exceptions_parent_id_idx\` ON \`permanences_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`permanences_exceptions_site_idx\` ON \`permanences_exceptions\` (\`site_id\`);`)
  await db.run(sql`CREATE TABLE \`permanences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`libelle\` text,
  	\`site_id\` integer NOT NULL,
  	\`poste_id\` integer NOT NULL,
  	\`recurrence_type\` text DEFAULT 'a-preciser' NOT NULL,
  	\`recurrence_jour\` text,
  	\`recurrence_rang\` text,
  	\`recurrence_rrule\` text,
  	\`recurrence_libelle\` text,
  	\`recurrence_precision\` text,
  	\`creneau_moment\` text,
  	\`creneau_debut\` text,
  	\`creneau_fin\` text,
  	\`date_debut\` text,
  	\`date_fin\` text,
  	\`jours_feries_maintenus\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`permanences_site_idx\` ON \`permanences\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`permanences_poste_idx\` ON \`permanences\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`permanences_updated_at_idx\` ON \`permanences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`permanences_created_at_idx\` ON \`permanences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`utilisateurs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`utilisateurs_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_utilisateurs_id_idx\` ON \`payload_preferences_rels\` (\`utilisateurs_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`publication\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`statut\` text DEFAULT 'jamais',
  	\`resume\` text,
  	\`raison\` text,
  	\`debut\` text,
  	\`derniere_reussite\` text,
  	\`duree_ms\` numeric,
  	\`erreur\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sites\`;`)
  await db.run(sql`DROP TABLE \`postes\`;`)
  await db.run(sql`DROP TABLE \`postes_texts\`;`)
  await db.run(sql`DROP TABLE \`postes_rels\`;`)
  await db.run(sql`DROP TABLE \`structures_reseaux_porteurs\`;`)
  await db.run(sql`DROP TABLE \`structures\`;`)
  await db.run(sql`DROP TABLE \`services_publics\`;`)
  await db.run(sql`DROP TABLE \`services_modes_accueil\`;`)
  await db.run(sql`DROP TABLE \`services_modes_mobilisation\`;`)
  await db.run(sql`DROP TABLE \`services_mobilisable_par\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`DROP TABLE \`services_texts\`;`)
  await db.run(sql`DROP TABLE \`signalements\`;`)
  await db.run(sql`DROP TABLE \`referentiels\`;`)
  await db.run(sql`DROP TABLE \`plaquettes\`;`)
  await db.run(sql`DROP TABLE \`medias\`;`)
  await db.run(sql`DROP TABLE \`utilisateurs_sessions\`;`)
  await db.run(sql`DROP TABLE \`utilisateurs\`;`)
  await db.run(sql`DROP TABLE \`permanences_recurrence_rangs\`;`)
  await db.run(sql`DROP TABLE \`permanences_exceptions\`;`)
  await db.run(sql`DROP TABLE \`permanences\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`publication\`;`)
}
