import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`poste_date_idx\` ON \`saisines\` (\`poste_id\`,\`date\`);`)
  await db.run(sql`CREATE INDEX \`unite_date_idx\` ON \`saisines\` (\`unite_id\`,\`date\`);`)
  await db.run(sql`CREATE INDEX \`date_saisine_type_idx\` ON \`actes\` (\`date\`,\`saisine_id\`,\`type\`);`)
  await db.run(sql`CREATE INDEX \`date_typePartenaire_statut_idx\` ON \`orientations\` (\`date\`,\`type_partenaire\`,\`statut\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`poste_date_idx\`;`)
  await db.run(sql`DROP INDEX \`unite_date_idx\`;`)
  await db.run(sql`DROP INDEX \`date_saisine_type_idx\`;`)
  await db.run(sql`DROP INDEX \`date_typePartenaire_statut_idx\`;`)
}
