import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plaquettes" ADD COLUMN "famille" varchar NOT NULL;
  CREATE INDEX "plaquettes_famille_idx" ON "plaquettes" USING btree ("famille");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "plaquettes_famille_idx";
  ALTER TABLE "plaquettes" DROP COLUMN "famille";`)
}
