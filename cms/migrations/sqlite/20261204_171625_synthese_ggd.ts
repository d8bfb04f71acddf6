import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`saisines\` ADD \`empreinte_synthese\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`saisines_empreinte_synthese_idx\` ON \`saisines\` (\`empreinte_synthese\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`saisines_empreinte_synthese_idx\`;`)
  await db.run(sql`ALTER TABLE \`saisines\` DROP COLUMN \`empreinte_synthese\`;`)
}
