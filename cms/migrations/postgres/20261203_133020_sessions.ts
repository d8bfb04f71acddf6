import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sessions_methode" AS ENUM('mot-de-passe', 'proconnect');
  CREATE TYPE "public"."enum_sessions_motif_revocation" AS ENUM('deconnexion', 'deconnexion-partout', 'revocation', 'mot-de-passe', 'habilitation', 'suspension', 'second-facteur');
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'sessions-revoquees' BEFORE 'compte-cree';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'second-facteur-verifie' BEFORE 'compte-cree';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'second-facteur-refuse' BEFORE 'compte-cree';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'mot-de-passe-change' BEFORE 'compte-cree';
  CREATE TABLE "sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"empreinte" varchar NOT NULL,
  	"utilisateur_id" integer NOT NULL,
  	"methode" "enum_sessions_methode" NOT NULL,
  	"second_facteur" boolean DEFAULT false,
  	"appareil" varchar,
  	"cree_le" timestamp(3) with time zone NOT NULL,
  	"vue_le" timestamp(3) with time zone NOT NULL,
  	"revoquee_le" timestamp(3) with time zone,
  	"motif_revocation" "enum_sessions_motif_revocation",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "utilisateurs" ADD COLUMN "mot_de_passe" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "suspendu" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sessions_id" integer;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "sessions_empreinte_idx" ON "sessions" USING btree ("empreinte");
  CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");
  CREATE INDEX "sessions_vue_le_idx" ON "sessions" USING btree ("vue_le");
  CREATE INDEX "sessions_revoquee_le_idx" ON "sessions" USING btree ("revoquee_le");
  CREATE INDEX "sessions_updated_at_idx" ON "sessions" USING btree ("updated_at");
  CREATE INDEX "sessions_created_at_idx" ON "sessions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sessions_fk" FOREIGN KEY ("sessions_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("sessions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sessions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sessions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sessions_fk";
  
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_journal_action";
  CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime');
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE "public"."enum_journal_action" USING "action"::"public"."enum_journal_action";
  DROP INDEX "payload_locked_documents_rels_sessions_id_idx";
  ALTER TABLE "utilisateurs" DROP COLUMN "mot_de_passe";
  ALTER TABLE "utilisateurs" DROP COLUMN "suspendu";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sessions_id";
  DROP TYPE "public"."enum_sessions_methode";
  DROP TYPE "public"."enum_sessions_motif_revocation";`)
}
