import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_invitations_role" AS ENUM('operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur');
  CREATE TYPE "public"."enum_rsr_statut" AS ENUM('a-traiter', 'rattachee');
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'invitation-envoyee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'invitation-acceptee';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'compte-suspendu';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'compte-reactive';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'second-facteur-active';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'second-facteur-desactive';
  ALTER TYPE "public"."enum_journal_action" ADD VALUE 'codes-secours-regeneres';
  CREATE TABLE "invitations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"role" "enum_invitations_role" NOT NULL,
  	"site_id" integer,
  	"poste_id" integer,
  	"empreinte" varchar NOT NULL,
  	"expire_le" timestamp(3) with time zone NOT NULL,
  	"utilisee_le" timestamp(3) with time zone,
  	"annulee_le" timestamp(3) with time zone,
  	"invite_par_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recherches_sans_resultat" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"requete" varchar NOT NULL,
  	"nombre" numeric DEFAULT 1 NOT NULL,
  	"premiere_recherche" timestamp(3) with time zone NOT NULL,
  	"derniere_recherche" timestamp(3) with time zone NOT NULL,
  	"concept_id" integer,
  	"statut" "enum_rsr_statut" DEFAULT 'a-traiter' NOT NULL,
  	"rattachee_le" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "utilisateurs" ADD COLUMN "totp_secret" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "totp_en_attente" varchar;
  ALTER TABLE "utilisateurs" ADD COLUMN "totp_dernier_pas" numeric;
  ALTER TABLE "utilisateurs" ADD COLUMN "codes_secours" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "invitations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "recherches_sans_resultat_id" integer;
  ALTER TABLE "invitations" ADD CONSTRAINT "invitations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invitations" ADD CONSTRAINT "invitations_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invite_par_id_utilisateurs_id_fk" FOREIGN KEY ("invite_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recherches_sans_resultat" ADD CONSTRAINT "recherches_sans_resultat_concept_id_vocabulaire_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."vocabulaire"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");
  CREATE INDEX "invitations_site_idx" ON "invitations" USING btree ("site_id");
  CREATE INDEX "invitations_poste_idx" ON "invitations" USING btree ("poste_id");
  CREATE UNIQUE INDEX "invitations_empreinte_idx" ON "invitations" USING btree ("empreinte");
  CREATE INDEX "invitations_invite_par_idx" ON "invitations" USING btree ("invite_par_id");
  CREATE INDEX "invitations_updated_at_idx" ON "invitations" USING btree ("updated_at");
  CREATE INDEX "invitations_created_at_idx" ON "invitations" USING btree ("created_at");
  CREATE UNIQUE INDEX "recherches_sans_resultat_requete_idx" ON "recherches_sans_resultat" USING btree ("requete");
  CREATE INDEX "recherches_sans_resultat_nombre_idx" ON "recherches_sans_resultat" USING btree ("nombre");
  CREATE INDEX "recherches_sans_resultat_derniere_recherche_idx" ON "recherches_sans_resultat" USING btree ("derniere_recherche");
  CREATE INDEX "recherches_sans_resultat_concept_idx" ON "recherches_sans_resultat" USING btree ("concept_id");
  CREATE INDEX "recherches_sans_resultat_statut_idx" ON "recherches_sans_resultat" USING btree ("statut");
  CREATE INDEX "recherches_sans_resultat_updated_at_idx" ON "recherches_sans_resultat" USING btree ("updated_at");
  CREATE INDEX "recherches_sans_resultat_created_at_idx" ON "recherches_sans_resultat" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_invitations_fk" FOREIGN KEY ("invitations_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recherches_sans_resultat_fk" FOREIGN KEY ("recherches_sans_resultat_id") REFERENCES "public"."recherches_sans_resultat"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_invitations_id_idx" ON "payload_locked_documents_rels" USING btree ("invitations_id");
  CREATE INDEX "payload_locked_documents_rels_recherches_sans_resultat_i_idx" ON "payload_locked_documents_rels" USING btree ("recherches_sans_resultat_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "invitations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recherches_sans_resultat" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "invitations" CASCADE;
  DROP TABLE "recherches_sans_resultat" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_invitations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_recherches_sans_resultat_fk";
  
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_journal_action";
  CREATE TYPE "public"."enum_journal_action" AS ENUM('connexion', 'connexion-refusee', 'deconnexion', 'sessions-revoquees', 'second-facteur-verifie', 'second-facteur-refuse', 'mot-de-passe-change', 'compte-cree', 'role-modifie', 'rattachement-modifie', 'compte-supprime');
  ALTER TABLE "journal" ALTER COLUMN "action" SET DATA TYPE "public"."enum_journal_action" USING "action"::"public"."enum_journal_action";
  DROP INDEX "payload_locked_documents_rels_invitations_id_idx";
  DROP INDEX "payload_locked_documents_rels_recherches_sans_resultat_i_idx";
  ALTER TABLE "utilisateurs" DROP COLUMN "totp_secret";
  ALTER TABLE "utilisateurs" DROP COLUMN "totp_en_attente";
  ALTER TABLE "utilisateurs" DROP COLUMN "totp_dernier_pas";
  ALTER TABLE "utilisateurs" DROP COLUMN "codes_secours";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "invitations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "recherches_sans_resultat_id";
  DROP TYPE "public"."enum_invitations_role";
  DROP TYPE "public"."enum_rsr_statut";`)
}
