import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "saisines" ADD COLUMN "cle_depot" varchar;
  CREATE UNIQUE INDEX "saisines_cle_depot_idx" ON "saisines" USING btree ("cle_depot");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "saisines_cle_depot_idx";
  ALTER TABLE "saisines" DROP COLUMN "cle_depot";`)
}
