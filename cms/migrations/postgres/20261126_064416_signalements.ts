import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_signalements_motif" AS ENUM('coordonnees', 'horaires', 'service-ferme', 'conditions', 'autre');
  CREATE TYPE "public"."enum_signalements_statut" AS ENUM('nouveau', 'en-cours', 'corrige', 'rejete');
  CREATE TABLE "signalements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"structure_id" integer NOT NULL,
  	"motif" "enum_signalements_motif" NOT NULL,
  	"message" varchar NOT NULL,
  	"resume" varchar,
  	"statut" "enum_signalements_statut" DEFAULT 'nouveau' NOT NULL,
  	"note_interne" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "signalements_id" integer;
  ALTER TABLE "signalements" ADD CONSTRAINT "signalements_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "signalements_structure_idx" ON "signalements" USING btree ("structure_id");
  CREATE INDEX "signalements_updated_at_idx" ON "signalements" USING btree ("updated_at");
  CREATE INDEX "signalements_created_at_idx" ON "signalements" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signalements_fk" FOREIGN KEY ("signalements_id") REFERENCES "public"."signalements"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_signalements_id_idx" ON "payload_locked_documents_rels" USING btree ("signalements_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "signalements" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "signalements" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_signalements_fk";
  
  DROP INDEX "payload_locked_documents_rels_signalements_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "signalements_id";
  DROP TYPE "public"."enum_signalements_motif";
  DROP TYPE "public"."enum_signalements_statut";`)
}
