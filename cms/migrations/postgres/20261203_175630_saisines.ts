import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_saisines_personnes_sexe" AS ENUM('femme', 'homme', 'non-renseigne');
  CREATE TYPE "public"."enum_saisines_personnes_situation_familiale" AS ENUM('celibataire', 'en-couple', 'separe', 'veuf', 'non-renseignee');
  CREATE TYPE "public"."enum_saisines_mode" AS ENUM('messagerie-institutionnelle', 'telephone', 'visite-spontanee', 'partenaire', 'synthese-ggd', 'main-courante', 'portail');
  CREATE TYPE "public"."enum_saisines_nature" AS ENUM('directe', 'indirecte');
  CREATE TYPE "public"."enum_saisines_profil" AS ENUM('victime', 'victimisation', 'detresse', 'mis-en-cause');
  CREATE TYPE "public"."enum_saisines_accepte_contact" AS ENUM('oui', 'non', 'non-demande');
  CREATE TYPE "public"."enum_saisines_statut" AS ENUM('recue', 'prise-en-charge', 'contactee', 'injoignable', 'refus', 'accompagnement', 'orientee', 'cloturee');
  CREATE TYPE "public"."enum_saisines_connue_departement" AS ENUM('oui', 'non', 'inconnu');
  CREATE TYPE "public"."enum_saisines_connue_caf" AS ENUM('oui', 'non', 'inconnu');
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisine-deposee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisines-listees';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisine-consultee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisine-statut-change';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisine-modifiee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'retour-unite-enregistre';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'acte-enregistre';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'orientation-enregistree';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'orientation-modifiee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'signalement-judiciaire-enregistre';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'signalements-judiciaires-consultes';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'brouillon-saisine-enregistre';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'acces-personne-exporte';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'donnees-saisine-effacees';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'cles-rechiffrees';
  CREATE TABLE "saisines_personnes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"identite" varchar,
  	"cle_personne" varchar,
  	"age" numeric,
  	"sexe" "enum_saisines_personnes_sexe" NOT NULL,
  	"situation_familiale" "enum_saisines_personnes_situation_familiale" NOT NULL,
  	"commune" varchar
  );
  
  CREATE TABLE "saisines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"jeton" varchar NOT NULL,
  	"poste_id" integer,
  	"unite_id" integer,
  	"agent_id" integer,
  	"auteur_id" integer NOT NULL,
  	"mode" "enum_saisines_mode" NOT NULL,
  	"nature" "enum_saisines_nature" NOT NULL,
  	"origine" varchar,
  	"date" varchar NOT NULL,
  	"urgence" boolean DEFAULT false,
  	"profil" "enum_saisines_profil" NOT NULL,
  	"problematique" varchar NOT NULL,
  	"accepte_contact" "enum_saisines_accepte_contact" NOT NULL,
  	"statut" "enum_saisines_statut" NOT NULL,
  	"historique" jsonb NOT NULL,
  	"retours_article4" jsonb,
  	"connue_departement" "enum_saisines_connue_departement" DEFAULT 'inconnu',
  	"connue_caf" "enum_saisines_connue_caf" DEFAULT 'inconnu',
  	"prise_en_charge_le" timestamp(3) with time zone,
  	"cloturee_le" timestamp(3) with time zone,
  	"donnees_effacees_le" timestamp(3) with time zone,
  	"dit_a_la_personne" varchar,
  	"texte_libre" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "actes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"jeton" varchar NOT NULL,
  	"saisine_id" integer NOT NULL,
  	"poste_id" integer,
  	"type" varchar NOT NULL,
  	"date" varchar NOT NULL,
  	"texte" varchar,
  	"auteur_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "orientations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"jeton" varchar NOT NULL,
  	"saisine_id" integer NOT NULL,
  	"poste_id" integer,
  	"structure_id" integer,
  	"service_id" integer,
  	"nom_structure" varchar NOT NULL,
  	"type_partenaire" varchar,
  	"statut" varchar NOT NULL,
  	"historique" jsonb NOT NULL,
  	"date" varchar NOT NULL,
  	"commentaire" varchar,
  	"auteur_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "signalements_judiciaires" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"jeton" varchar NOT NULL,
  	"saisine_id" integer NOT NULL,
  	"poste_id" integer,
  	"article" varchar NOT NULL,
  	"date" varchar NOT NULL,
  	"destinataire" varchar NOT NULL,
  	"precision" varchar,
  	"texte" varchar,
  	"auteur_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "brouillons_saisines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"auteur_id" integer NOT NULL,
  	"champs" varchar NOT NULL,
  	"cree_le" timestamp(3) with time zone NOT NULL,
  	"modifie_le" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "saisies_en_attente" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"empreinte" varchar NOT NULL,
  	"champs" varchar NOT NULL,
  	"expire_le" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "saisines_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "actes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "orientations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "signalements_judiciaires_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "brouillons_saisines_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "saisies_en_attente_id" integer;
  ALTER TABLE "saisines_personnes" ADD CONSTRAINT "saisines_personnes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."saisines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "saisines" ADD CONSTRAINT "saisines_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "saisines" ADD CONSTRAINT "saisines_unite_id_sites_id_fk" FOREIGN KEY ("unite_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "saisines" ADD CONSTRAINT "saisines_agent_id_utilisateurs_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "saisines" ADD CONSTRAINT "saisines_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actes" ADD CONSTRAINT "actes_saisine_id_saisines_id_fk" FOREIGN KEY ("saisine_id") REFERENCES "public"."saisines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actes" ADD CONSTRAINT "actes_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actes" ADD CONSTRAINT "actes_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orientations" ADD CONSTRAINT "orientations_saisine_id_saisines_id_fk" FOREIGN KEY ("saisine_id") REFERENCES "public"."saisines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orientations" ADD CONSTRAINT "orientations_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orientations" ADD CONSTRAINT "orientations_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orientations" ADD CONSTRAINT "orientations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orientations" ADD CONSTRAINT "orientations_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "signalements_judiciaires" ADD CONSTRAINT "signalements_judiciaires_saisine_id_saisines_id_fk" FOREIGN KEY ("saisine_id") REFERENCES "public"."saisines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "signalements_judiciaires" ADD CONSTRAINT "signalements_judiciaires_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "signalements_judiciaires" ADD CONSTRAINT "signalements_judiciaires_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brouillons_saisines" ADD CONSTRAINT "brouillons_saisines_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "saisines_personnes_order_idx" ON "saisines_personnes" USING btree ("_order");
  CREATE INDEX "saisines_personnes_parent_id_idx" ON "saisines_personnes" USING btree ("_parent_id");
  CREATE INDEX "saisines_personnes_cle_personne_idx" ON "saisines_personnes" USING btree ("cle_personne");
  CREATE INDEX "saisines_personnes_commune_idx" ON "saisines_personnes" USING btree ("commune");
  CREATE UNIQUE INDEX "saisines_jeton_idx" ON "saisines" USING btree ("jeton");
  CREATE INDEX "saisines_poste_idx" ON "saisines" USING btree ("poste_id");
  CREATE INDEX "saisines_unite_idx" ON "saisines" USING btree ("unite_id");
  CREATE INDEX "saisines_agent_idx" ON "saisines" USING btree ("agent_id");
  CREATE INDEX "saisines_auteur_idx" ON "saisines" USING btree ("auteur_id");
  CREATE INDEX "saisines_mode_idx" ON "saisines" USING btree ("mode");
  CREATE INDEX "saisines_date_idx" ON "saisines" USING btree ("date");
  CREATE INDEX "saisines_profil_idx" ON "saisines" USING btree ("profil");
  CREATE INDEX "saisines_problematique_idx" ON "saisines" USING btree ("problematique");
  CREATE INDEX "saisines_statut_idx" ON "saisines" USING btree ("statut");
  CREATE INDEX "saisines_cloturee_le_idx" ON "saisines" USING btree ("cloturee_le");
  CREATE INDEX "saisines_updated_at_idx" ON "saisines" USING btree ("updated_at");
  CREATE INDEX "saisines_created_at_idx" ON "saisines" USING btree ("created_at");
  CREATE UNIQUE INDEX "actes_jeton_idx" ON "actes" USING btree ("jeton");
  CREATE INDEX "actes_saisine_idx" ON "actes" USING btree ("saisine_id");
  CREATE INDEX "actes_poste_idx" ON "actes" USING btree ("poste_id");
  CREATE INDEX "actes_type_idx" ON "actes" USING btree ("type");
  CREATE INDEX "actes_date_idx" ON "actes" USING btree ("date");
  CREATE INDEX "actes_auteur_idx" ON "actes" USING btree ("auteur_id");
  CREATE INDEX "actes_updated_at_idx" ON "actes" USING btree ("updated_at");
  CREATE INDEX "actes_created_at_idx" ON "actes" USING btree ("created_at");
  CREATE UNIQUE INDEX "orientations_jeton_idx" ON "orientations" USING btree ("jeton");
  CREATE INDEX "orientations_saisine_idx" ON "orientations" USING btree ("saisine_id");
  CREATE INDEX "orientations_poste_idx" ON "orientations" USING btree ("poste_id");
  CREATE INDEX "orientations_structure_idx" ON "orientations" USING btree ("structure_id");
  CREATE INDEX "orientations_service_idx" ON "orientations" USING btree ("service_id");
  CREATE INDEX "orientations_type_partenaire_idx" ON "orientations" USING btree ("type_partenaire");
  CREATE INDEX "orientations_statut_idx" ON "orientations" USING btree ("statut");
  CREATE INDEX "orientations_date_idx" ON "orientations" USING btree ("date");
  CREATE INDEX "orientations_auteur_idx" ON "orientations" USING btree ("auteur_id");
  CREATE INDEX "orientations_updated_at_idx" ON "orientations" USING btree ("updated_at");
  CREATE INDEX "orientations_created_at_idx" ON "orientations" USING btree ("created_at");
  CREATE UNIQUE INDEX "signalements_judiciaires_jeton_idx" ON "signalements_judiciaires" USING btree ("jeton");
  CREATE INDEX "signalements_judiciaires_saisine_idx" ON "signalements_judiciaires" USING btree ("saisine_id");
  CREATE INDEX "signalements_judiciaires_poste_idx" ON "signalements_judiciaires" USING btree ("poste_id");
  CREATE INDEX "signalements_judiciaires_date_idx" ON "signalements_judiciaires" USING btree ("date");
  CREATE INDEX "signalements_judiciaires_auteur_idx" ON "signalements_judiciaires" USING btree ("auteur_id");
  CREATE INDEX "signalements_judiciaires_updated_at_idx" ON "signalements_judiciaires" USING btree ("updated_at");
  CREATE INDEX "signalements_judiciaires_created_at_idx" ON "signalements_judiciaires" USING btree ("created_at");
  CREATE UNIQUE INDEX "brouillons_saisines_auteur_idx" ON "brouillons_saisines" USING btree ("auteur_id");
  CREATE INDEX "brouillons_saisines_modifie_le_idx" ON "brouillons_saisines" USING btree ("modifie_le");
  CREATE INDEX "brouillons_saisines_updated_at_idx" ON "brouillons_saisines" USING btree ("updated_at");
  CREATE INDEX "brouillons_saisines_created_at_idx" ON "brouillons_saisines" USING btree ("created_at");
  CREATE UNIQUE INDEX "saisies_en_attente_empreinte_idx" ON "saisies_en_attente" USING btree ("empreinte");
  CREATE INDEX "saisies_en_attente_expire_le_idx" ON "saisies_en_attente" USING btree ("expire_le");
  CREATE INDEX "saisies_en_attente_updated_at_idx" ON "saisies_en_attente" USING btree ("updated_at");
  CREATE INDEX "saisies_en_attente_created_at_idx" ON "saisies_en_attente" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_saisines_fk" FOREIGN KEY ("saisines_id") REFERENCES "public"."saisines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_actes_fk" FOREIGN KEY ("actes_id") REFERENCES "public"."actes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_orientations_fk" FOREIGN KEY ("orientations_id") REFERENCES "public"."orientations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signalements_judiciaires_fk" FOREIGN KEY ("signalements_judiciaires_id") REFERENCES "public"."signalements_judiciaires"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_brouillons_saisines_fk" FOREIGN KEY ("brouillons_saisines_id") REFERENCES "public"."brouillons_saisines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_saisies_en_attente_fk" FOREIGN KEY ("saisies_en_attente_id") REFERENCES "public"."saisies_en_attente"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_saisines_id_idx" ON "payload_locked_documents_rels" USING btree ("saisines_id");
  CREATE INDEX "payload_locked_documents_rels_actes_id_idx" ON "payload_locked_documents_rels" USING btree ("actes_id");
  CREATE INDEX "payload_locked_documents_rels_orientations_id_idx" ON "payload_locked_documents_rels" USING btree ("orientations_id");
  CREATE INDEX "payload_locked_documents_rels_signalements_judiciaires_i_idx" ON "payload_locked_documents_rels" USING btree ("signalements_judiciaires_id");
  CREATE INDEX "payload_locked_documents_rels_brouillons_saisines_id_idx" ON "payload_locked_documents_rels" USING btree ("brouillons_saisines_id");
  CREATE INDEX "payload_locked_documents_rels_saisies_en_attente_id_idx" ON "payload_locked_documents_rels" USING btree ("saisies_en_attente_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "saisines_personnes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "saisines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "actes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "orientations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "signalements_judiciaires" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "brouillons_saisines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "saisies_en_attente" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "saisines_personnes" CASCADE;
  DROP TABLE "saisines" CASCADE;
  DROP TABLE "actes" CASCADE;
  DROP TABLE "orientations" CASCADE;
  DROP TABLE "signalements_judiciaires" CASCADE;
  DROP TABLE "brouillons_saisines" CASCADE;
  DROP TABLE "saisies_en_attente" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_saisines_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_actes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_orientations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_signalements_judiciaires_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_brouillons_saisines_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_saisies_en_attente_fk";
  
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_journal_action";
  CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'sessions-revoquees', 'second-facteur-verifie', 'second-facteur-refuse', 'mot-de-passe-change', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime', 'invitation-envoyee', 'invitation-acceptee', 'compte-suspendu', 'compte-reactive', 'second-facteur-active', 'second-facteur-desactive', 'second-facteur-reinitialise', 'codes-secours-regeneres');
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE "public"."enum_journal_action" USING "action"::"public"."enum_journal_action";
  DROP INDEX "payload_locked_documents_rels_saisines_id_idx";
  DROP INDEX "payload_locked_documents_rels_actes_id_idx";
  DROP INDEX "payload_locked_documents_rels_orientations_id_idx";
  DROP INDEX "payload_locked_documents_rels_signalements_judiciaires_i_idx";
  DROP INDEX "payload_locked_documents_rels_brouillons_saisines_id_idx";
  DROP INDEX "payload_locked_documents_rels_saisies_en_attente_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "saisines_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "actes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "orientations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "signalements_judiciaires_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "brouillons_saisines_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "saisies_en_attente_id";
  DROP TYPE "public"."enum_saisines_personnes_sexe";
  DROP TYPE "public"."enum_saisines_personnes_situation_familiale";
  DROP TYPE "public"."enum_saisines_mode";
  DROP TYPE "public"."enum_saisines_nature";
  DROP TYPE "public"."enum_saisines_profil";
  DROP TYPE "public"."enum_saisines_accepte_contact";
  DROP TYPE "public"."enum_saisines_statut";
  DROP TYPE "public"."enum_saisines_connue_departement";
  DROP TYPE "public"."enum_saisines_connue_caf";`)
}
