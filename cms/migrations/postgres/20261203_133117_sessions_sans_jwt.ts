import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Les mots de passe d'avant restent valables : l'empreinte PBKDF2 de Payload est reprise
  // (« payload$sel$empreinte »), vérifiée une dernière fois puis remplacée par scrypt
  // (domaine/acces/empreinte-mot-de-passe.ts).
  await db.execute(sql`
   UPDATE "utilisateurs" SET "mot_de_passe" = 'payload$' || "salt" || '$' || "hash" WHERE "hash" IS NOT NULL AND "salt" IS NOT NULL AND "mot_de_passe" IS NULL;
   DROP TABLE "utilisateurs_sessions" CASCADE;
  ALTER TABLE "utilisateurs" DROP COLUMN "reset_password_token";
  ALTER TABLE "utilisateurs" DROP COLUMN "reset_password_expiration";
  ALTER TABLE "utilisateurs" DROP COLUMN "salt";
  ALTER TABLE "utilisateurs" DROP COLUMN "hash";
  ALTER TABLE "utilisateurs" DROP COLUMN "reset_password_requested_at";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "utilisateurs_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  ALTER TABLE "utilisateurs" ADD COLUMN "reset_password_token" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "reset_password_expiration" timestamp(3) with time zone;
  ALTER TABLE "utilisateurs" ADD COLUMN "salt" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "hash" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "reset_password_requested_at" timestamp(3) with time zone;
  ALTER TABLE "utilisateurs_sessions" ADD CONSTRAINT "utilisateurs_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "utilisateurs_sessions_order_idx" ON "utilisateurs_sessions" USING btree ("_order");
  CREATE INDEX "utilisateurs_sessions_parent_id_idx" ON "utilisateurs_sessions" USING btree ("_parent_id");`)
}
