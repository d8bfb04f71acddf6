import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_voc_types_partenaires" AS ENUM('ccas-cias', 'mds', 'pmi', 'ase-crip', 'caf', 'cpam', 'msa', 'france-services', 'siao-115', 'hebergement-urgence', 'chrs', 'accueil-de-jour', 'hebergement-insertion', 'demandeurs-asile', 'bailleur-social', 'info-logement', 'aide-aux-victimes', 'cidff', 'association-vif', 'hebergement-vif', 'accueil-de-jour-vif', 'auteurs-violences', 'maison-protection-familles', 'lieu-ecoute', 'centre-hospitalier', 'umj', 'psychiatrie-hospitaliere', 'cmp-adultes', 'cmpea', 'empp', 'csapa', 'caarud', 'groupe-entraide', 'maison-des-adolescents', 'prevention-specialisee', 'mission-locale', 'acces-au-droit', 'avocats', 'spip', 'pjj', 'mediation-familiale', 'espace-rencontre', 'protection-majeurs', 'clic-personnes-agees', 'mdph', 'repit-aidants', 'aide-a-domicile', 'insertion-iae', 'mobilite-solidaire', 'france-travail', 'aide-alimentaire', 'vestiaire-solidaire', 'budget-surendettement', 'centre-social', 'sante-sexuelle', 'numero-national');
  CREATE TYPE "public"."enum_voc_publics" AS ENUM('actifs', 'beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'etudiants', 'familles', 'femmes', 'jeunes', 'personnes-en-situation-de-handicap', 'personnes-en-situation-durgence', 'personnes-en-situation-juridique-specifique', 'personnes-exilees', 'residents-qpv-frr', 'seniors', 'tous-publics');
  CREATE TABLE "vocabulaire_types_partenaires" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_voc_types_partenaires",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "vocabulaire_publics" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_voc_publics",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "vocabulaire" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"libelle" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "vocabulaire_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "vocabulaire_id" integer;
  ALTER TABLE "vocabulaire_types_partenaires" ADD CONSTRAINT "vocabulaire_types_partenaires_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."vocabulaire"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "vocabulaire_publics" ADD CONSTRAINT "vocabulaire_publics_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."vocabulaire"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "vocabulaire_texts" ADD CONSTRAINT "vocabulaire_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."vocabulaire"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "vocabulaire_types_partenaires_order_idx" ON "vocabulaire_types_partenaires" USING btree ("order");
  CREATE INDEX "vocabulaire_types_partenaires_parent_idx" ON "vocabulaire_types_partenaires" USING btree ("parent_id");
  CREATE INDEX "vocabulaire_publics_order_idx" ON "vocabulaire_publics" USING btree ("order");
  CREATE INDEX "vocabulaire_publics_parent_idx" ON "vocabulaire_publics" USING btree ("parent_id");
  CREATE UNIQUE INDEX "vocabulaire_code_idx" ON "vocabulaire" USING btree ("code");
  CREATE INDEX "vocabulaire_updated_at_idx" ON "vocabulaire" USING btree ("updated_at");
  CREATE INDEX "vocabulaire_created_at_idx" ON "vocabulaire" USING btree ("created_at");
  CREATE INDEX "vocabulaire_texts_order_parent" ON "vocabulaire_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_vocabulaire_fk" FOREIGN KEY ("vocabulaire_id") REFERENCES "public"."vocabulaire"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_vocabulaire_id_idx" ON "payload_locked_documents_rels" USING btree ("vocabulaire_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "vocabulaire_types_partenaires" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "vocabulaire_publics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "vocabulaire" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "vocabulaire_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "vocabulaire_types_partenaires" CASCADE;
  DROP TABLE "vocabulaire_publics" CASCADE;
  DROP TABLE "vocabulaire" CASCADE;
  DROP TABLE "vocabulaire_texts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_vocabulaire_fk";
  
  DROP INDEX "payload_locked_documents_rels_vocabulaire_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "vocabulaire_id";
  DROP TYPE "public"."enum_voc_types_partenaires";
  DROP TYPE "public"."enum_voc_publics";`)
}
