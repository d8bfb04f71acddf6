import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime');
  CREATE TABLE "journal" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_journal_action" NOT NULL,
  	"acteur" numeric,
  	"cible" varchar,
  	"adresse" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "journal_id" integer;
  CREATE INDEX "journal_action_idx" ON "journal" USING btree ("action");
  CREATE INDEX "journal_acteur_idx" ON "journal" USING btree ("acteur");
  CREATE INDEX "journal_cible_idx" ON "journal" USING btree ("cible");
  CREATE INDEX "journal_updated_at_idx" ON "journal" USING btree ("updated_at");
  CREATE INDEX "journal_created_at_idx" ON "journal" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_journal_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."journal"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_journal_id_idx" ON "payload_locked_documents_rels" USING btree ("journal_id");`)
  // Le journal s'écrit en ajout seul : la base refuse toute modification ou suppression,
  // quel que soit le chemin (API, code serveur, requête SQL).
  await db.execute(sql`
  CREATE FUNCTION "journal_immuable"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'Le journal d''audit est en ajout seul';
  END;
  $$;
  CREATE TRIGGER "journal_sans_modification" BEFORE UPDATE OR DELETE ON "journal" FOR EACH ROW EXECUTE FUNCTION "journal_immuable"();
  CREATE TRIGGER "journal_sans_vidage" BEFORE TRUNCATE ON "journal" FOR EACH STATEMENT EXECUTE FUNCTION "journal_immuable"();`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TRIGGER IF EXISTS "journal_sans_modification" ON "journal";
  DROP TRIGGER IF EXISTS "journal_sans_vidage" ON "journal";
  DROP FUNCTION IF EXISTS "journal_immuable"();
  ALTER TABLE "journal" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "journal" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_journal_fk";
  
  DROP INDEX "payload_locked_documents_rels_journal_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "journal_id";
  DROP TYPE "public"."enum_journal_action";`)
}
