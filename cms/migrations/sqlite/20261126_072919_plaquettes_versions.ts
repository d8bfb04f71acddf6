import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`plaquettes\` ADD \`famille\` text NOT NULL;`)
  await db.run(sql`CREATE INDEX \`plaquettes_famille_idx\` ON \`plaquettes\` (\`famille\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`plaquettes_famille_idx\`;`)
  await db.run(sql`ALTER TABLE \`plaquettes\` DROP COLUMN \`famille\`;`)
}
