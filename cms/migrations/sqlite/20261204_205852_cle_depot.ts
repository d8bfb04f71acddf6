import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`saisines\` ADD \`cle_depot\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`saisines_cle_depot_idx\` ON \`saisines\` (\`cle_depot\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`saisines_cle_depot_idx\`;`)
  await db.run(sql`ALTER TABLE \`saisines\` DROP COLUMN \`cle_depot\`;`)
}
