import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ressources_formation_publics" AS ENUM('fsi', 'is', 'partenaires');
  CREATE TYPE "public"."enum_ressources_formation_type" AS ENUM('document', 'lien', 'session');
  CREATE TYPE "public"."enum_logigramme_etapes_type" AS ENUM('etape', 'question', 'action', 'fin');
  CREATE TYPE "public"."enum_logigramme_etapes_phase" AS ENUM('reperage', 'saisine', 'evaluation', 'orientation', 'retour');
  CREATE TYPE "public"."enum_logigramme_etapes_acteur" AS ENUM('FSI', 'IS', 'partenaire');
  CREATE TABLE "ressources_formation_publics" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_ressources_formation_publics",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "ressources_formation_dates" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"debut" timestamp(3) with time zone,
  	"fin" timestamp(3) with time zone
  );
  
  CREATE TABLE "ressources_formation" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"titre" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"type" "enum_ressources_formation_type" DEFAULT 'document' NOT NULL,
  	"description" varchar,
  	"lieu_site_id" integer,
  	"lieu_texte" varchar,
  	"fichier_id" integer,
  	"url" varchar,
  	"exemple" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "logigramme_etapes_branches" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"libelle" varchar,
  	"vers" varchar NOT NULL
  );
  
  CREATE TABLE "logigramme_etapes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"identifiant" varchar NOT NULL,
  	"type" "enum_logigramme_etapes_type" NOT NULL,
  	"phase" "enum_logigramme_etapes_phase" NOT NULL,
  	"acteur" "enum_logigramme_etapes_acteur",
  	"titre" varchar NOT NULL,
  	"texte" varchar NOT NULL,
  	"fondement" varchar
  );
  
  CREATE TABLE "logigramme" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"titre" varchar NOT NULL,
  	"introduction" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "logigramme_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "parcours_integration_etapes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"moment" varchar NOT NULL,
  	"titre" varchar NOT NULL,
  	"description" varchar,
  	"avec_qui" varchar
  );
  
  CREATE TABLE "parcours_integration" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"titre" varchar NOT NULL,
  	"introduction" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ressources_formation_id" integer;
  ALTER TABLE "ressources_formation_publics" ADD CONSTRAINT "ressources_formation_publics_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."ressources_formation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ressources_formation_dates" ADD CONSTRAINT "ressources_formation_dates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."ressources_formation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ressources_formation" ADD CONSTRAINT "ressources_formation_lieu_site_id_sites_id_fk" FOREIGN KEY ("lieu_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ressources_formation" ADD CONSTRAINT "ressources_formation_fichier_id_medias_id_fk" FOREIGN KEY ("fichier_id") REFERENCES "public"."medias"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "logigramme_etapes_branches" ADD CONSTRAINT "logigramme_etapes_branches_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."logigramme_etapes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "logigramme_etapes" ADD CONSTRAINT "logigramme_etapes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."logigramme"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "logigramme_texts" ADD CONSTRAINT "logigramme_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."logigramme"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parcours_integration_etapes" ADD CONSTRAINT "parcours_integration_etapes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parcours_integration"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "ressources_formation_publics_order_idx" ON "ressources_formation_publics" USING btree ("order");
  CREATE INDEX "ressources_formation_publics_parent_idx" ON "ressources_formation_publics" USING btree ("parent_id");
  CREATE INDEX "ressources_formation_dates_order_idx" ON "ressources_formation_dates" USING btree ("_order");
  CREATE INDEX "ressources_formation_dates_parent_id_idx" ON "ressources_formation_dates" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "ressources_formation_slug_idx" ON "ressources_formation" USING btree ("slug");
  CREATE INDEX "ressources_formation_lieu_site_idx" ON "ressources_formation" USING btree ("lieu_site_id");
  CREATE INDEX "ressources_formation_fichier_idx" ON "ressources_formation" USING btree ("fichier_id");
  CREATE INDEX "ressources_formation_updated_at_idx" ON "ressources_formation" USING btree ("updated_at");
  CREATE INDEX "ressources_formation_created_at_idx" ON "ressources_formation" USING btree ("created_at");
  CREATE INDEX "logigramme_etapes_branches_order_idx" ON "logigramme_etapes_branches" USING btree ("_order");
  CREATE INDEX "logigramme_etapes_branches_parent_id_idx" ON "logigramme_etapes_branches" USING btree ("_parent_id");
  CREATE INDEX "logigramme_etapes_order_idx" ON "logigramme_etapes" USING btree ("_order");
  CREATE INDEX "logigramme_etapes_parent_id_idx" ON "logigramme_etapes" USING btree ("_parent_id");
  CREATE INDEX "logigramme_texts_order_parent" ON "logigramme_texts" USING btree ("order","parent_id");
  CREATE INDEX "parcours_integration_etapes_order_idx" ON "parcours_integration_etapes" USING btree ("_order");
  CREATE INDEX "parcours_integration_etapes_parent_id_idx" ON "parcours_integration_etapes" USING btree ("_parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ressources_formation_fk" FOREIGN KEY ("ressources_formation_id") REFERENCES "public"."ressources_formation"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_ressources_formation_id_idx" ON "payload_locked_documents_rels" USING btree ("ressources_formation_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "ressources_formation_publics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ressources_formation_dates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ressources_formation" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "logigramme_etapes_branches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "logigramme_etapes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "logigramme" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "logigramme_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "parcours_integration_etapes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "parcours_integration" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "ressources_formation_publics" CASCADE;
  DROP TABLE "ressources_formation_dates" CASCADE;
  DROP TABLE "ressources_formation" CASCADE;
  DROP TABLE "logigramme_etapes_branches" CASCADE;
  DROP TABLE "logigramme_etapes" CASCADE;
  DROP TABLE "logigramme" CASCADE;
  DROP TABLE "logigramme_texts" CASCADE;
  DROP TABLE "parcours_integration_etapes" CASCADE;
  DROP TABLE "parcours_integration" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ressources_formation_fk";
  
  DROP INDEX "payload_locked_documents_rels_ressources_formation_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ressources_formation_id";
  DROP TYPE "public"."enum_ressources_formation_publics";
  DROP TYPE "public"."enum_ressources_formation_type";
  DROP TYPE "public"."enum_logigramme_etapes_type";
  DROP TYPE "public"."enum_logigramme_etapes_phase";
  DROP TYPE "public"."enum_logigramme_etapes_acteur";`)
}
