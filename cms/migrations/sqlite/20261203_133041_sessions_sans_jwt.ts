import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Les mots de passe d'avant restent valables : l'empreinte PBKDF2 de Payload est reprise
  // (« payload$sel$empreinte »), vérifiée une dernière fois puis remplacée par scrypt
  // (domaine/acces/empreinte-mot-de-passe.ts).
  await db.run(sql`UPDATE \`utilisateurs\` SET \`mot_de_passe\` = 'payload$' || \`salt\` || '$' || \`hash\` WHERE \`hash\` IS NOT NULL AND \`salt\` IS NOT NULL AND \`mot_de_passe\` IS NULL;`)
  await db.run(sql`DROP TABLE \`utilisateurs_sessions\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`reset_password_token\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`reset_password_expiration\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`salt\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`hash\`;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` DROP COLUMN \`reset_password_requested_at\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`utilisateurs_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`utilisateurs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`utilisateurs_sessions_order_idx\` ON \`utilisateurs_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`utilisateurs_sessions_parent_id_idx\` ON \`utilisateurs_sessions\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`reset_password_token\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`reset_password_expiration\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`salt\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`hash\` text;`)
  await db.run(sql`ALTER TABLE \`utilisateurs\` ADD \`reset_password_requested_at\` text;`)
}
