import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_referentiels_referentiel" ADD VALUE 'numero-urgence';
  CREATE TABLE "postes_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "referentiels" ADD COLUMN "numero" varchar;
  ALTER TABLE "postes_texts" ADD CONSTRAINT "postes_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."postes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "postes_texts_order_parent" ON "postes_texts" USING btree ("order","parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "postes_texts" CASCADE;
  ALTER TABLE "referentiels" ALTER COLUMN "referentiel" SET DATA TYPE text;
  DROP TYPE "public"."enum_referentiels_referentiel";
  CREATE TYPE "public"."enum_referentiels_referentiel" AS ENUM('profil', 'problematique', 'type-partenaire', 'mode-saisine');
  ALTER TABLE "referentiels" ALTER COLUMN "referentiel" SET DATA TYPE "public"."enum_referentiels_referentiel" USING "referentiel"::"public"."enum_referentiels_referentiel";
  ALTER TABLE "referentiels" DROP COLUMN "numero";`)
}
