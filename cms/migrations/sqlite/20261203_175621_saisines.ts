import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`saisines_personnes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`identite\` text,
  	\`cle_personne\` text,
  	\`age\` numeric,
  	\`sexe\` text NOT NULL,
  	\`situation_familiale\` text NOT NULL,
  	\`commune\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`saisines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`saisines_personnes_order_idx\` ON \`saisines_personnes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`saisines_personnes_parent_id_idx\` ON \`saisines_personnes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`saisines_personnes_cle_personne_idx\` ON \`saisines_personnes\` (\`cle_personne\`);`)
  await db.run(sql`CREATE INDEX \`saisines_personnes_commune_idx\` ON \`saisines_personnes\` (\`commune\`);`)
  await db.run(sql`CREATE TABLE \`saisines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`jeton\` text NOT NULL,
  	\`poste_id\` integer,
  	\`unite_id\` integer,
  	\`agent_id\` integer,
  	\`auteur_id\` integer NOT NULL,
  	\`mode\` text NOT NULL,
  	\`nature\` text NOT NULL,
  	\`origine\` text,
  	\`date\` text NOT NULL,
  	\`urgence\` integer DEFAULT false,
  	\`profil\` text NOT NULL,
  	\`problematique\` text NOT NULL,
  	\`accepte_contact\` text NOT NULL,
  	\`statut\` text NOT NULL,
  	\`historique\` text NOT NULL,
  	\`retours_article4\` text,
  	\`connue_departement\` text DEFAULT 'inconnu',
  	\`connue_caf\` text DEFAULT 'inconnu',
  	\`prise_en_charge_le\` text,
  	\`cloturee_le\` text,
  	\`donnees_effacees_le\` text,
  	\`dit_a_la_personne\` text,
  	\`texte_libre\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`unite_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`agent_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`auteur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`saisines_jeton_idx\` ON \`saisines\` (\`jeton\`);`)
  await db.run(sql`CREATE INDEX \`saisines_poste_idx\` ON \`saisines\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`saisines_unite_idx\` ON \`saisines\` (\`unite_id\`);`)
  await db.run(sql`CREATE INDEX \`saisines_agent_idx\` ON \`saisines\` (\`agent_id\`);`)
  await db.run(sql`CREATE INDEX \`saisines_auteur_idx\` ON \`saisines\` (\`auteur_id\`);`)
  await db.run(sql`CREATE INDEX \`saisines_mode_idx\` ON \`saisines\` (\`mode\`);`)
  await db.run(sql`CREATE INDEX \`saisines_date_idx\` ON \`saisines\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`saisines_profil_idx\` ON \`saisines\` (\`profil\`);`)
  await db.run(sql`CREATE INDEX \`saisines_problematique_idx\` ON \`saisines\` (\`problematique\`);`)
  await db.run(sql`CREATE INDEX \`saisines_statut_idx\` ON \`saisines\` (\`statut\`);`)
  await db.run(sql`CREATE INDEX \`saisines_cloturee_le_idx\` ON \`saisines\` (\`cloturee_le\`);`)
  await db.run(sql`CREATE INDEX \`saisines_updated_at_idx\` ON \`saisines\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`saisines_created_at_idx\` ON \`saisines\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`actes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`jeton\` text NOT NULL,
  	\`saisine_id\` integer NOT NULL,
  	\`poste_id\` integer,
  	\`type\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`texte\` text,
  	\`auteur_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`saisine_id\`) REFERENCES \`saisines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`auteur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`actes_jeton_idx\` ON \`actes\` (\`jeton\`);`)
  await db.run(sql`CREATE INDEX \`actes_saisine_idx\` ON \`actes\` (\`saisine_id\`);`)
  await db.run(sql`CREATE INDEX \`actes_poste_idx\` ON \`actes\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`actes_type_idx\` ON \`actes\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`actes_date_idx\` ON \`actes\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`actes_auteur_idx\` ON \`actes\` (\`auteur_id\`);`)
  await db.run(sql`CREATE INDEX \`actes_updated_at_idx\` ON \`actes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`actes_created_at_idx\` ON \`actes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`orientations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`jeton\` text NOT NULL,
  	\`saisine_id\` integer NOT NULL,
  	\`poste_id\` integer,
  	\`structure_id\` integer,
  	\`service_id\` integer,
  	\`nom_structure\` text NOT NULL,
  	\`type_partenaire\` text,
  	\`statut\` text NOT NULL,
  	\`historique\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`commentaire\` text,
  	\`auteur_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`saisine_id\`) REFERENCES \`saisines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`structure_id\`) REFERENCES \`structures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`service_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`auteur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`orientations_jeton_idx\` ON \`orientations\` (\`jeton\`);`)
  await db.run(sql`CREATE INDEX \`orientations_saisine_idx\` ON \`orientations\` (\`saisine_id\`);`)
  await db.run(sql`CREATE INDEX \`orientations_poste_idx\` ON \`orientations\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`orientations_structure_idx\` ON \`orientations\` (\`structure_id\`);`)
  await db.run(sql`CREATE INDEX \`orientations_service_idx\` ON \`orientations\` (\`service_id\`);`)
  await db.run(sql`CREATE INDEX \`orientations_type_partenaire_idx\` ON \`orientations\` (\`type_partenaire\`);`)
  await db.run(sql`CREATE INDEX \`orientations_statut_idx\` ON \`orientations\` (\`statut\`);`)
  await db.run(sql`CREATE INDEX \`orientations_date_idx\` ON \`orientations\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`orientations_auteur_idx\` ON \`orientations\` (\`auteur_id\`);`)
  await db.run(sql`CREATE INDEX \`orientations_updated_at_idx\` ON \`orientations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`orientations_created_at_idx\` ON \`orientations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`signalements_judiciaires\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`jeton\` text NOT NULL,
  	\`saisine_id\` integer NOT NULL,
  	\`poste_id\` integer,
  	\`article\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`destinataire\` text NOT NULL,
  	\`precision\` text,
  	\`texte\` text,
  	\`auteur_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`saisine_id\`) REFERENCES \`saisines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poste_id\`) REFERENCES \`postes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`auteur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`signalements_judiciaires_jeton_idx\` ON \`signalements_judiciaires\` (\`jeton\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_saisine_idx\` ON \`signalements_judiciaires\` (\`saisine_id\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_poste_idx\` ON \`signalements_judiciaires\` (\`poste_id\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_date_idx\` ON \`signalements_judiciaires\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_auteur_idx\` ON \`signalements_judiciaires\` (\`auteur_id\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_updated_at_idx\` ON \`signalements_judiciaires\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signalements_judiciaires_created_at_idx\` ON \`signalements_judiciaires\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`brouillons_saisines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`auteur_id\` integer NOT NULL,
  	\`champs\` text NOT NULL,
  	\`cree_le\` text NOT NULL,
  	\`modifie_le\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`auteur_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`brouillons_saisines_auteur_idx\` ON \`brouillons_saisines\` (\`auteur_id\`);`)
  await db.run(sql`CREATE INDEX \`brouillons_saisines_modifie_le_idx\` ON \`brouillons_saisines\` (\`modifie_le\`);`)
  await db.run(sql`CREATE INDEX \`brouillons_saisines_updated_at_idx\` ON \`brouillons_saisines\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`brouillons_saisines_created_at_idx\` ON \`brouillons_saisines\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`saisies_en_attente\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`empreinte\` text NOT NULL,
  	\`champs\` text NOT NULL,
  	\`expire_le\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`saisies_en_attente_empreinte_idx\` ON \`saisies_en_attente\` (\`empreinte\`);`)
  await db.run(sql`CREATE INDEX \`saisies_en_attente_expire_le_idx\` ON \`saisies_en_attente\` (\`expire_le\`);`)
  await db.run(sql`CREATE INDEX \`saisies_en_attente_updated_at_idx\` ON \`saisies_en_attente\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`saisies_en_attente_created_at_idx\` ON \`saisies_en_attente\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`saisines_id\` integer REFERENCES saisines(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`actes_id\` integer REFERENCES actes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`orientations_id\` integer REFERENCES orientations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signalements_judiciaires_id\` integer REFERENCES signalements_judiciaires(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`brouillons_saisines_id\` integer REFERENCES brouillons_saisines(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`saisies_en_attente_id\` integer REFERENCES saisies_en_attente(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_saisines_id_idx\` ON \`payload_locked_documents_rels\` (\`saisines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actes_id_idx\` ON \`payload_locked_documents_rels\` (\`actes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_orientations_id_idx\` ON \`payload_locked_documents_rels\` (\`orientations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signalements_judiciaires_i_idx\` ON \`payload_locked_documents_rels\` (\`signalements_judiciaires_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brouillons_saisines_id_idx\` ON \`payload_locked_documents_rels\` (\`brouillons_saisines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_saisies_en_attente_id_idx\` ON \`payload_locked_documents_rels\` (\`saisies_en_attente_id\`);`)
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
	\`saisines_id\` integer,
	\`actes_id\` integer,
	\`orientations_id\` integer,
	\`signalements_judiciaires_id\` integer,
	\`brouillons_saisines_id\` integer,
	\`saisies_en_attente_id\` integer,
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
	FOREIGN KEY (\`recherches_sans_resultat_id\`) REFERENCES \`recherches_sans_resultat\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`saisines_id\`) REFERENCES \`saisines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`actes_id\`) REFERENCES \`actes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`orientations_id\`) REFERENCES \`orientations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`signalements_judiciaires_id\`) REFERENCES \`signalements_judiciaires\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`brouillons_saisines_id\`) REFERENCES \`brouillons_saisines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (\`saisies_en_attente_id\`) REFERENCES \`saisies_en_attente\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
`)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id", "invitations_id", "recherches_sans_resultat_id", "saisines_id", "actes_id", "orientations_id", "signalements_judiciaires_id", "brouillons_saisines_id", "saisies_en_attente_id") SELECT "id", "order", "parent_id", "path", "sites_id", "postes_id", "structures_id", "services_id", "signalements_id", "referentiels_id", "plaquettes_id", "medias_id", "utilisateurs_id", "permanences_id", "ressources_formation_id", "vocabulaire_id", "journal_id", "sessions_id", "invitations_id", "recherches_sans_resultat_id", "saisines_id", "actes_id", "orientations_id", "signalements_judiciaires_id", "brouillons_saisines_id", "saisies_en_attente_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_saisines_id_idx\` ON \`payload_locked_documents_rels\` (\`saisines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actes_id_idx\` ON \`payload_locked_documents_rels\` (\`actes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_orientations_id_idx\` ON \`payload_locked_documents_rels\` (\`orientations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signalements_judiciaires_i_idx\` ON \`payload_locked_documents_rels\` (\`signalements_judiciaires_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brouillons_saisines_id_idx\` ON \`payload_locked_documents_rels\` (\`brouillons_saisines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_saisies_en_attente_id_idx\` ON \`payload_locked_documents_rels\` (\`saisies_en_attente_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`saisines_personnes\`;`)
  await db.run(sql`DROP TABLE \`saisines\`;`)
  await db.run(sql`DROP TABLE \`actes\`;`)
  await db.run(sql`DROP TABLE \`orientations\`;`)
  await db.run(sql`DROP TABLE \`signalements_judiciaires\`;`)
  await db.run(sql`DROP TABLE \`brouillons_saisines\`;`)
  await db.run(sql`DROP TABLE \`saisies_en_attente\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recherches_sans_resultat_i_idx\` ON \`payload_locked_documents_rels\` (\`recherches_sans_resultat_id\`);`)
}
