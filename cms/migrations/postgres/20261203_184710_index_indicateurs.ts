import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "poste_date_idx" ON "saisines" USING btree ("poste_id","date");
  CREATE INDEX "unite_date_idx" ON "saisines" USING btree ("unite_id","date");
  CREATE INDEX "date_saisine_type_idx" ON "actes" USING btree ("date","saisine_id","type");
  CREATE INDEX "date_typePartenaire_statut_idx" ON "orientations" USING btree ("date","type_partenaire","statut");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "poste_date_idx";
  DROP INDEX "unite_date_idx";
  DROP INDEX "date_saisine_type_idx";
  DROP INDEX "date_typePartenaire_statut_idx";`)
}
