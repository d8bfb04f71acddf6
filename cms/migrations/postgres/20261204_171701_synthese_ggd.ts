import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_journal_action" ADD VALUE 'saisine-importee' BEFORE 'saisines-listees';
  ALTER TYPE "public"."enum_saisines_statut" ADD VALUE 'a-trier' BEFORE 'recue';
  ALTER TYPE "public"."enum_saisines_statut" ADD VALUE 'ecartee' BEFORE 'recue';
  ALTER TABLE "saisines" ADD COLUMN "empreinte_synthese" varchar;
  CREATE UNIQUE INDEX "saisines_empreinte_synthese_idx" ON "saisines" USING btree ("empreinte_synthese");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_journal_action";
  CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'sessions-revoquees', 'second-facteur-verifie', 'second-facteur-refuse', 'mot-de-passe-change', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime', 'invitation-envoyee', 'invitation-acceptee', 'compte-suspendu', 'compte-reactive', 'second-facteur-active', 'second-facteur-desactive', 'second-facteur-reinitialise', 'codes-secours-regeneres', 'saisine-deposee', 'saisines-listees', 'saisine-consultee', 'saisine-statut-change', 'saisine-modifiee', 'retour-unite-enregistre', 'acte-enregistre', 'orientation-enregistree', 'orientation-modifiee', 'signalement-judiciaire-enregistre', 'signalements-judiciaires-consultes', 'brouillon-saisine-enregistre', 'acces-personne-exporte', 'donnees-saisine-effacees', 'cles-rechiffrees');
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE "public"."enum_journal_action" USING "action"::"public"."enum_journal_action";
  ALTER TABLE "saisines" ALTER COLUMN "statut" SET DATA TYPE text;
  DROP TYPE "public"."enum_saisines_statut";
  CREATE TYPE "public"."enum_saisines_statut" AS ENUM('recue', 'prise-en-charge', 'contactee', 'injoignable', 'refus', 'accompagnement', 'orientee', 'cloturee');
  ALTER TABLE "saisines" ALTER COLUMN "statut" SET DATA TYPE "public"."enum_saisines_statut" USING "statut"::"public"."enum_saisines_statut";
  DROP INDEX "saisines_empreinte_synthese_idx";
  ALTER TABLE "saisines" DROP COLUMN "empreinte_synthese";`)
}
