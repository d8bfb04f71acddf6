import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_journal_action" ADD VALUE 'second-facteur-reinitialise' BEFORE 'codes-secours-regeneres';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_journal_action";
  CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'sessions-revoquees', 'second-facteur-verifie', 'second-facteur-refuse', 'mot-de-passe-change', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime', 'invitation-envoyee', 'invitation-acceptee', 'compte-suspendu', 'compte-reactive', 'second-facteur-active', 'second-facteur-desactive', 'codes-secours-regeneres');
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE "public"."enum_journal_action" USING "action"::"public"."enum_journal_action";`)
}
