import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sites_type" AS ENUM('commissariat', 'compagnie', 'brigade', 'hopital', 'france-services', 'mairie', 'caf', 'autre');
  CREATE TYPE "public"."commune_ain" AS ENUM('01004', '01005', '01006', '01007', '01008', '01009', '01010', '01011', '01012', '01013', '01014', '01016', '01015', '01017', '01019', '01021', '01022', '01453', '01023', '01024', '01025', '01026', '01027', '01028', '01170', '01029', '01030', '01032', '01034', '01035', '01031', '01037', '01038', '01040', '01041', '01042', '01043', '01044', '01045', '01046', '01047', '01245', '01050', '01051', '01052', '01053', '01054', '01056', '01057', '01058', '01060', '01061', '01130', '01062', '01063', '01064', '01065', '01067', '01068', '01069', '01071', '01072', '01073', '01074', '01075', '01076', '01077', '01078', '01079', '01080', '01081', '01082', '01083', '01084', '01087', '01088', '01089', '01090', '01092', '01093', '01094', '01096', '01098', '01099', '01100', '01101', '01102', '01103', '01104', '01105', '01106', '01107', '01108', '01109', '01110', '01111', '01112', '01113', '01114', '01115', '01116', '01117', '01118', '01121', '01123', '01124', '01125', '01127', '01128', '01129', '01133', '01134', '01135', '01136', '01138', '01139', '01140', '01141', '01142', '01143', '01146', '01145', '01147', '01148', '01149', '01150', '01151', '01152', '01153', '01155', '01156', '01157', '01158', '01159', '01160', '01162', '01163', '01165', '01166', '01167', '01169', '01171', '01173', '01174', '01175', '01177', '01179', '01180', '01181', '01338', '01183', '01187', '01184', '01188', '01189', '01190', '01191', '01192', '01193', '01194', '01195', '01196', '01197', '01198', '01199', '01001', '01002', '01049', '01066', '01085', '01425', '01200', '01202', '01203', '01206', '01207', '01208', '01260', '01299', '01204', '01209', '01210', '01211', '01274', '01212', '01213', '01214', '01216', '01219', '01224', '01225', '01227', '01228', '01229', '01230', '01231', '01232', '01233', '01234', '01235', '01236', '01237', '01238', '01239', '01240', '01241', '01242', '01243', '01244', '01246', '01247', '01248', '01249', '01250', '01252', '01254', '01255', '01257', '01258', '01259', '01261', '01262', '01263', '01264', '01265', '01266', '01268', '01269', '01272', '01273', '01275', '01276', '01095', '01277', '01267', '01279', '01280', '01281', '01282', '01283', '01284', '01285', '01286', '01288', '01289', '01290', '01291', '01293', '01294', '01295', '01296', '01297', '01298', '01185', '01301', '01302', '01303', '01304', '01305', '01306', '01307', '01308', '01309', '01310', '01311', '01313', '01314', '01317', '01318', '01319', '01320', '01321', '01322', '01323', '01325', '01328', '01329', '01331', '01334', '01332', '01333', '01335', '01336', '01337', '01339', '01343', '01345', '01344', '01346', '01347', '01348', '01349', '01350', '01351', '01352', '01354', '01355', '01356', '01357', '01358', '01359', '01360', '01361', '01362', '01363', '01364', '01365', '01367', '01368', '01369', '01370', '01371', '01372', '01373', '01374', '01375', '01376', '01378', '01379', '01380', '01381', '01383', '01384', '01385', '01386', '01387', '01388', '01389', '01390', '01342', '01353', '01366', '01382', '01391', '01392', '01393', '01396', '01397', '01398', '01399', '01400', '01401', '01402', '01403', '01404', '01405', '01406', '01407', '01408', '01410', '01411', '01412', '01215', '01415', '01416', '01418', '01419', '01420', '01421', '01422', '01423', '01424', '01427', '01426', '01428', '01036', '01033', '01429', '01430', '01431', '01432', '01433', '01434', '01435', '01436', '01437', '01439', '01441', '01443', '01444', '01445', '01446', '01447', '01448', '01449', '01450', '01451', '01452', '01454', '01456', '01457');
  CREATE TYPE "public"."reseau_porteur" AS ENUM('60000-rebonds', 'aci', 'action-logement', 'adie', 'afpa', 'agefiph', 'ai', 'aidants-connect', 'alliance-villes-emploi', 'anlci', 'apprentis-dauteuil', 'ase', 'banques-alimentaires', 'caarud', 'cada', 'caf', 'campus-connecte', 'cap-emploi-reseau-cheops', 'cava', 'ccas-cias', 'chambres-consulaires', 'chantier-ecole', 'chrs', 'chu', 'cidff', 'cmp', 'cms', 'cnam', 'collectif-emploi', 'communes', 'conseillers-numeriques', 'coorace', 'cpam', 'cph', 'creches-avip', 'crepi', 'cresus', 'croix-rouge', 'csapa', 'delegataire-conseil-departemental', 'departements', 'duo-for-a-job', 'ea', 'eatt', 'ecoles-de-la-deuxieme-chance', 'egee', 'ei', 'eiti', 'emmaus', 'epide', 'esat', 'espaces-publics-numeriques', 'etcld', 'etti', 'fabrique-de-territoire', 'face', 'fcsf', 'federation-des-acteurs-de-la-solidarite', 'federation-professionnelle-femmes', 'france-active', 'france-service', 'france-travail', 'french-tech', 'geiq', 'grandes-ecoles-du-numerique', 'huda', 'hup', 'inae', 'initiative-france', 'konexio', 'la-cravate-solidaire', 'la-poste', 'les-premieres', 'maison-departementale-de-lautonomie', 'maisons-de-l-emploi', 'maisons-des-solidarites', 'mdph', 'mission-locale', 'mjc', 'mobin', 'msap', 'mutualite-sociale-agricole', 'nqt', 'pimms-mediation', 'pjj', 'plie', 'points-conseil-budget', 'points-justice', 'positive-planet', 'regions', 'reseau-app', 'reseau-bge', 'reseau-entreprendre', 'reseau-information-jeunesse', 'residences-fjt', 'ressourceries', 'restos-du-coeur', 'secours-populaire', 'siao', 'simplon', 'singa', 'snc', 'spip', 'tous-tes-possibles', 'unaf', 'unea', 'unis-cite', 'wimoov');
  CREATE TYPE "public"."type_partenaire" AS ENUM('ccas-cias', 'mds', 'pmi', 'ase-crip', 'caf', 'cpam', 'msa', 'france-services', 'siao-115', 'hebergement-urgence', 'chrs', 'accueil-de-jour', 'hebergement-insertion', 'demandeurs-asile', 'bailleur-social', 'info-logement', 'aide-aux-victimes', 'cidff', 'association-vif', 'hebergement-vif', 'accueil-de-jour-vif', 'auteurs-violences', 'maison-protection-familles', 'lieu-ecoute', 'centre-hospitalier', 'umj', 'psychiatrie-hospitaliere', 'cmp-adultes', 'cmpea', 'empp', 'csapa', 'caarud', 'groupe-entraide', 'maison-des-adolescents', 'prevention-specialisee', 'mission-locale', 'acces-au-droit', 'avocats', 'spip', 'pjj', 'mediation-familiale', 'espace-rencontre', 'protection-majeurs', 'clic-personnes-agees', 'mdph', 'repit-aidants', 'aide-a-domicile', 'insertion-iae', 'mobilite-solidaire', 'france-travail', 'aide-alimentaire', 'vestiaire-solidaire', 'budget-surendettement', 'centre-social', 'sante-sexuelle', 'numero-national');
  CREATE TYPE "public"."public" AS ENUM('actifs', 'beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'etudiants', 'familles', 'femmes', 'jeunes', 'personnes-en-situation-de-handicap', 'personnes-en-situation-durgence', 'personnes-en-situation-juridique-specifique', 'personnes-exilees', 'residents-qpv-frr', 'seniors', 'tous-publics');
  CREATE TYPE "public"."mode_accueil" AS ENUM('a-distance', 'en-presentiel');
  CREATE TYPE "public"."mode_mobilisation" AS ENUM('envoyer-un-courriel', 'se-presenter', 'telephoner', 'utiliser-lien-mobilisation');
  CREATE TYPE "public"."mobilisable_par" AS ENUM('professionnels', 'usagers');
  CREATE TYPE "public"."type_service" AS ENUM('accompagnement', 'aide-financiere', 'aide-materielle', 'atelier', 'formation', 'information');
  CREATE TYPE "public"."frais" AS ENUM('gratuit', 'payant');
  CREATE TYPE "public"."enum_signalements_motif" AS ENUM('coordonnees', 'horaires', 'service-ferme', 'conditions', 'autre');
  CREATE TYPE "public"."enum_signalements_statut" AS ENUM('nouveau', 'en-cours', 'corrige', 'rejete');
  CREATE TYPE "public"."enum_referentiels_referentiel" AS ENUM('profil', 'problematique', 'type-partenaire', 'mode-saisine', 'numero-urgence');
  CREATE TYPE "public"."enum_plaquettes_public" AS ENUM('fsi', 'public', 'partenaires');
  CREATE TYPE "public"."enum_utilisateurs_role" AS ENUM('operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur');
  CREATE TYPE "public"."enum_permanences_recurrence_rangs" AS ENUM('1', '2', '3', '4', '5', '-1');
  CREATE TYPE "public"."enum_permanences_exceptions_type" AS ENUM('fermeture', 'deplacement', 'ajout');
  CREATE TYPE "public"."enum_permanences_exceptions_creneau_moment" AS ENUM('matin', 'après-midi', 'horaires');
  CREATE TYPE "public"."enum_permanences_recurrence_type" AS ENUM('chaque-semaine', 'nieme-du-mois', 'plusieurs-du-mois', 'un-par-mois', 'personnalisee', 'a-preciser');
  CREATE TYPE "public"."enum_permanences_recurrence_jour" AS ENUM('lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi');
  CREATE TYPE "public"."enum_permanences_recurrence_rang" AS ENUM('1', '2', '3', '4', '5', '-1');
  CREATE TYPE "public"."enum_permanences_creneau_moment" AS ENUM('matin', 'après-midi', 'horaires');
  CREATE TYPE "public"."enum_publication_statut" AS ENUM('jamais', 'planifiee', 'en-cours', 'reussie', 'echouee');
  CREATE TABLE "sites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"nom" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"type" "enum_sites_type" NOT NULL,
  	"commune" "commune_ain" NOT NULL,
  	"compagnie_id" integer,
  	"rythme" varchar,
  	"adresse" varchar,
  	"presentation" varchar,
  	"prioritaire" boolean DEFAULT false,
  	"ordre" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "postes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"intitule" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"secteur" varchar NOT NULL,
  	"telephone" varchar,
  	"courriel" varchar,
  	"presentation" varchar,
  	"ordre" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "postes_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "postes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sites_id" integer
  );
  
  CREATE TABLE "structures_reseaux_porteurs" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "reseau_porteur",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "structures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"id_source" varchar NOT NULL,
  	"source" varchar DEFAULT 'passerelle' NOT NULL,
  	"nom" varchar NOT NULL,
  	"description" varchar,
  	"type_partenaire" "type_partenaire" NOT NULL,
  	"adresse" varchar,
  	"complement_adresse" varchar,
  	"code_postal" varchar,
  	"commune" varchar,
  	"code_insee" varchar,
  	"latitude" numeric,
  	"longitude" numeric,
  	"telephone" varchar,
  	"numero_court" varchar,
  	"courriel" varchar,
  	"site_web" varchar,
  	"horaires_accueil" varchar,
  	"siret" varchar,
  	"accessibilite_lieu" varchar,
  	"lien_source" varchar,
  	"date_maj" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "services_publics" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "public",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "services_modes_accueil" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "mode_accueil",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "services_modes_mobilisation" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "mode_mobilisation",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "services_mobilisable_par" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "mobilisable_par",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"id_source" varchar NOT NULL,
  	"source" varchar DEFAULT 'passerelle' NOT NULL,
  	"structure_id" integer NOT NULL,
  	"nom" varchar NOT NULL,
  	"description" varchar,
  	"type" "type_service",
  	"publics_precisions" varchar,
  	"conditions_acces" varchar,
  	"frais" "frais",
  	"frais_precisions" varchar,
  	"mobilisation_precisions" varchar,
  	"lien_mobilisation" varchar,
  	"volume_horaire_hebdomadaire" numeric,
  	"nombre_semaines" numeric,
  	"lien_source" varchar,
  	"adresse" varchar,
  	"complement_adresse" varchar,
  	"code_postal" varchar,
  	"commune" varchar,
  	"code_insee" varchar,
  	"latitude" numeric,
  	"longitude" numeric,
  	"telephone" varchar,
  	"courriel" varchar,
  	"horaires_accueil" varchar,
  	"numero_court" varchar,
  	"date_maj" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "services_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "signalements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"structure_id" integer NOT NULL,
  	"motif" "enum_signalements_motif" NOT NULL,
  	"message" varchar NOT NULL,
  	"resume" varchar,
  	"statut" "enum_signalements_statut" DEFAULT 'nouveau' NOT NULL,
  	"note_interne" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "referentiels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"referentiel" "enum_referentiels_referentiel" NOT NULL,
  	"code" varchar NOT NULL,
  	"libelle" varchar NOT NULL,
  	"description" varchar,
  	"numero" varchar,
  	"actif" boolean DEFAULT true,
  	"ordre" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plaquettes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"titre" varchar NOT NULL,
  	"public" "enum_plaquettes_public" NOT NULL,
  	"resume" varchar,
  	"fichier_id" integer NOT NULL,
  	"version" varchar DEFAULT '1' NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"poste_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "medias" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "utilisateurs_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "utilisateurs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"nom" varchar,
  	"role" "enum_utilisateurs_role" DEFAULT 'agent-fsi',
  	"poste_id" integer,
  	"site_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "permanences_recurrence_rangs" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_permanences_recurrence_rangs",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "permanences_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_permanences_exceptions_type" NOT NULL,
  	"du" timestamp(3) with time zone,
  	"au" timestamp(3) with time zone,
  	"date" timestamp(3) with time zone,
  	"nouvelle_date" timestamp(3) with time zone,
  	"motif" varchar,
  	"site_id" integer,
  	"creneau_moment" "enum_permanences_exceptions_creneau_moment",
  	"creneau_debut" varchar,
  	"creneau_fin" varchar,
  	"afficher_des" timestamp(3) with time zone
  );
  
  CREATE TABLE "permanences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"libelle" varchar,
  	"site_id" integer NOT NULL,
  	"poste_id" integer NOT NULL,
  	"recurrence_type" "enum_permanences_recurrence_type" DEFAULT 'a-preciser' NOT NULL,
  	"recurrence_jour" "enum_permanences_recurrence_jour",
  	"recurrence_rang" "enum_permanences_recurrence_rang",
  	"recurrence_rrule" varchar,
  	"recurrence_libelle" varchar,
  	"recurrence_precision" varchar,
  	"creneau_moment" "enum_permanences_creneau_moment",
  	"creneau_debut" varchar,
  	"creneau_fin" varchar,
  	"date_debut" timestamp(3) with time zone,
  	"date_fin" timestamp(3) with time zone,
  	"jours_feries_maintenus" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sites_id" integer,
  	"postes_id" integer,
  	"structures_id" integer,
  	"services_id" integer,
  	"signalements_id" integer,
  	"referentiels_id" integer,
  	"plaquettes_id" integer,
  	"medias_id" integer,
  	"utilisateurs_id" integer,
  	"permanences_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"utilisateurs_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publication" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"statut" "enum_publication_statut" DEFAULT 'jamais',
  	"resume" varchar,
  	"raison" varchar,
  	"debut" timestamp(3) with time zone,
  	"derniere_reussite" timestamp(3) with time zone,
  	"duree_ms" numeric,
  	"erreur" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "sites" ADD CONSTRAINT "sites_compagnie_id_sites_id_fk" FOREIGN KEY ("compagnie_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "postes_texts" ADD CONSTRAINT "postes_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."postes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "postes_rels" ADD CONSTRAINT "postes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."postes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "postes_rels" ADD CONSTRAINT "postes_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "structures_reseaux_porteurs" ADD CONSTRAINT "structures_reseaux_porteurs_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_publics" ADD CONSTRAINT "services_publics_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_modes_accueil" ADD CONSTRAINT "services_modes_accueil_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_modes_mobilisation" ADD CONSTRAINT "services_modes_mobilisation_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_mobilisable_par" ADD CONSTRAINT "services_mobilisable_par_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services" ADD CONSTRAINT "services_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "services_texts" ADD CONSTRAINT "services_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "signalements" ADD CONSTRAINT "signalements_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plaquettes" ADD CONSTRAINT "plaquettes_fichier_id_medias_id_fk" FOREIGN KEY ("fichier_id") REFERENCES "public"."medias"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plaquettes" ADD CONSTRAINT "plaquettes_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "utilisateurs_sessions" ADD CONSTRAINT "utilisateurs_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "permanences_recurrence_rangs" ADD CONSTRAINT "permanences_recurrence_rangs_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."permanences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "permanences_exceptions" ADD CONSTRAINT "permanences_exceptions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "permanences_exceptions" ADD CONSTRAINT "permanences_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."permanences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "permanences" ADD CONSTRAINT "permanences_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "permanences" ADD CONSTRAINT "permanences_poste_id_postes_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."postes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_postes_fk" FOREIGN KEY ("postes_id") REFERENCES "public"."postes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_structures_fk" FOREIGN KEY ("structures_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signalements_fk" FOREIGN KEY ("signalements_id") REFERENCES "public"."signalements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_referentiels_fk" FOREIGN KEY ("referentiels_id") REFERENCES "public"."referentiels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plaquettes_fk" FOREIGN KEY ("plaquettes_id") REFERENCES "public"."plaquettes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_medias_fk" FOREIGN KEY ("medias_id") REFERENCES "public"."medias"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_utilisateurs_fk" FOREIGN KEY ("utilisateurs_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_permanences_fk" FOREIGN KEY ("permanences_id") REFERENCES "public"."permanences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_utilisateurs_fk" FOREIGN KEY ("utilisateurs_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "sites_slug_idx" ON "sites" USING btree ("slug");
  CREATE INDEX "sites_compagnie_idx" ON "sites" USING btree ("compagnie_id");
  CREATE INDEX "sites_updated_at_idx" ON "sites" USING btree ("updated_at");
  CREATE INDEX "sites_created_at_idx" ON "sites" USING btree ("created_at");
  CREATE UNIQUE INDEX "postes_slug_idx" ON "postes" USING btree ("slug");
  CREATE INDEX "postes_updated_at_idx" ON "postes" USING btree ("updated_at");
  CREATE INDEX "postes_created_at_idx" ON "postes" USING btree ("created_at");
  CREATE INDEX "postes_texts_order_parent" ON "postes_texts" USING btree ("order","parent_id");
  CREATE INDEX "postes_rels_order_idx" ON "postes_rels" USING btree ("order");
  CREATE INDEX "postes_rels_parent_idx" ON "postes_rels" USING btree ("parent_id");
  CREATE INDEX "postes_rels_path_idx" ON "postes_rels" USING btree ("path");
  CREATE INDEX "postes_rels_sites_id_idx" ON "postes_rels" USING btree ("sites_id");
  CREATE INDEX "structures_reseaux_porteurs_order_idx" ON "structures_reseaux_porteurs" USING btree ("order");
  CREATE INDEX "structures_reseaux_porteurs_parent_idx" ON "structures_reseaux_porteurs" USING btree ("parent_id");
  CREATE UNIQUE INDEX "structures_id_source_idx" ON "structures" USING btree ("id_source");
  CREATE INDEX "structures_code_insee_idx" ON "structures" USING btree ("code_insee");
  CREATE INDEX "structures_updated_at_idx" ON "structures" USING btree ("updated_at");
  CREATE INDEX "structures_created_at_idx" ON "structures" USING btree ("created_at");
  CREATE INDEX "services_publics_order_idx" ON "services_publics" USING btree ("order");
  CREATE INDEX "services_publics_parent_idx" ON "services_publics" USING btree ("parent_id");
  CREATE INDEX "services_modes_accueil_order_idx" ON "services_modes_accueil" USING btree ("order");
  CREATE INDEX "services_modes_accueil_parent_idx" ON "services_modes_accueil" USING btree ("parent_id");
  CREATE INDEX "services_modes_mobilisation_order_idx" ON "services_modes_mobilisation" USING btree ("order");
  CREATE INDEX "services_modes_mobilisation_parent_idx" ON "services_modes_mobilisation" USING btree ("parent_id");
  CREATE INDEX "services_mobilisable_par_order_idx" ON "services_mobilisable_par" USING btree ("order");
  CREATE INDEX "services_mobilisable_par_parent_idx" ON "services_mobilisable_par" USING btree ("parent_id");
  CREATE UNIQUE INDEX "services_id_source_idx" ON "services" USING btree ("id_source");
  CREATE INDEX "services_structure_idx" ON "services" USING btree ("structure_id");
  CREATE INDEX "services_code_insee_idx" ON "services" USING btree ("code_insee");
  CREATE INDEX "services_updated_at_idx" ON "services" USING btree ("updated_at");
  CREATE INDEX "services_created_at_idx" ON "services" USING btree ("created_at");
  CREATE INDEX "services_texts_order_parent" ON "services_texts" USING btree ("order","parent_id");
  CREATE INDEX "signalements_structure_idx" ON "signalements" USING btree ("structure_id");
  CREATE INDEX "signalements_updated_at_idx" ON "signalements" USING btree ("updated_at");
  CREATE INDEX "signalements_created_at_idx" ON "signalements" USING btree ("created_at");
  CREATE INDEX "referentiels_referentiel_idx" ON "referentiels" USING btree ("referentiel");
  CREATE INDEX "referentiels_updated_at_idx" ON "referentiels" USING btree ("updated_at");
  CREATE INDEX "referentiels_created_at_idx" ON "referentiels" USING btree ("created_at");
  CREATE INDEX "plaquettes_fichier_idx" ON "plaquettes" USING btree ("fichier_id");
  CREATE INDEX "plaquettes_poste_idx" ON "plaquettes" USING btree ("poste_id");
  CREATE INDEX "plaquettes_updated_at_idx" ON "plaquettes" USING btree ("updated_at");
  CREATE INDEX "plaquettes_created_at_idx" ON "plaquettes" USING btree ("created_at");
  CREATE INDEX "medias_updated_at_idx" ON "medias" USING btree ("updated_at");
  CREATE INDEX "medias_created_at_idx" ON "medias" USING btree ("created_at");
  CREATE UNIQUE INDEX "medias_filename_idx" ON "medias" USING btree ("filename");
  CREATE INDEX "utilisateurs_sessions_order_idx" ON "utilisateurs_sessions" USING btree ("_order");
  CREATE INDEX "utilisateurs_sessions_parent_id_idx" ON "utilisateurs_sessions" USING btree ("_parent_id");
  CREATE INDEX "utilisateurs_poste_idx" ON "utilisateurs" USING btree ("poste_id");
  CREATE INDEX "utilisateurs_site_idx" ON "utilisateurs" USING btree ("site_id");
  CREATE INDEX "utilisateurs_updated_at_idx" ON "utilisateurs" USING btree ("updated_at");
  CREATE INDEX "utilisateurs_created_at_idx" ON "utilisateurs" USING btree ("created_at");
  CREATE UNIQUE INDEX "utilisateurs_email_idx" ON "utilisateurs" USING btree ("email");
  CREATE INDEX "permanences_recurrence_rangs_order_idx" ON "permanences_recurrence_rangs" USING btree ("order");
  CREATE INDEX "permanences_recurrence_rangs_parent_idx" ON "permanences_recurrence_rangs" USING btree ("parent_id");
  CREATE INDEX "permanences_exceptions_order_idx" ON "permanences_exceptions" USING btree ("_order");
  CREATE INDEX "permanences_exceptions_parent_id_idx" ON "permanences_exceptions" USING btree ("_parent_id");
  CREATE INDEX "permanences_exceptions_site_idx" ON "permanences_exceptions" USING btree ("site_id");
  CREATE INDEX "permanences_site_idx" ON "permanences" USING btree ("site_id");
  CREATE INDEX "permanences_poste_idx" ON "permanences" USING btree ("poste_id");
  CREATE INDEX "permanences_updated_at_idx" ON "permanences" USING btree ("updated_at");
  CREATE INDEX "permanences_created_at_idx" ON "permanences" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_sites_id_idx" ON "payload_locked_documents_rels" USING btree ("sites_id");
  CREATE INDEX "payload_locked_documents_rels_postes_id_idx" ON "payload_locked_documents_rels" USING btree ("postes_id");
  CREATE INDEX "payload_locked_documents_rels_structures_id_idx" ON "payload_locked_documents_rels" USING btree ("structures_id");
  CREATE INDEX "payload_locked_documents_rels_services_id_idx" ON "payload_locked_documents_rels" USING btree ("services_id");
  CREATE INDEX "payload_locked_documents_rels_signalements_id_idx" ON "payload_locked_documents_rels" USING btree ("signalements_id");
  CREATE INDEX "payload_locked_documents_rels_referentiels_id_idx" ON "payload_locked_documents_rels" USING btree ("referentiels_id");
  CREATE INDEX "payload_locked_documents_rels_plaquettes_id_idx" ON "payload_locked_documents_rels" USING btree ("plaquettes_id");
  CREATE INDEX "payload_locked_documents_rels_medias_id_idx" ON "payload_locked_documents_rels" USING btree ("medias_id");
  CREATE INDEX "payload_locked_documents_rels_utilisateurs_id_idx" ON "payload_locked_documents_rels" USING btree ("utilisateurs_id");
  CREATE INDEX "payload_locked_documents_rels_permanences_id_idx" ON "payload_locked_documents_rels" USING btree ("permanences_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_utilisateurs_id_idx" ON "payload_preferences_rels" USING btree ("utilisateurs_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "sites" CASCADE;
  DROP TABLE "postes" CASCADE;
  DROP TABLE "postes_texts" CASCADE;
  DROP TABLE "postes_rels" CASCADE;
  DROP TABLE "structures_reseaux_porteurs" CASCADE;
  DROP TABLE "structures" CASCADE;
  DROP TABLE "services_publics" CASCADE;
  DROP TABLE "services_modes_accueil" CASCADE;
  DROP TABLE "services_modes_mobilisation" CASCADE;
  DROP TABLE "services_mobilisable_par" CASCADE;
  DROP TABLE "services" CASCADE;
  DROP TABLE "services_texts" CASCADE;
  DROP TABLE "signalements" CASCADE;
  DROP TABLE "referentiels" CASCADE;
  DROP TABLE "plaquettes" CASCADE;
  DROP TABLE "medias" CASCADE;
  DROP TABLE "utilisateurs_sessions" CASCADE;
  DROP TABLE "utilisateurs" CASCADE;
  DROP TABLE "permanences_recurrence_rangs" CASCADE;
  DROP TABLE "permanences_exceptions" CASCADE;
  DROP TABLE "permanences" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "publication" CASCADE;
  DROP TYPE "public"."enum_sites_type";
  DROP TYPE "public"."commune_ain";
  DROP TYPE "public"."reseau_porteur";
  DROP TYPE "public"."type_partenaire";
  DROP TYPE "public"."public";
  DROP TYPE "public"."mode_accueil";
  DROP TYPE "public"."mode_mobilisation";
  DROP TYPE "public"."mobilisable_par";
  DROP TYPE "public"."type_service";
  DROP TYPE "public"."frais";
  DROP TYPE "public"."enum_signalements_motif";
  DROP TYPE "public"."enum_signalements_statut";
  DROP TYPE "public"."enum_referentiels_referentiel";
  DROP TYPE "public"."enum_plaquettes_public";
  DROP TYPE "public"."enum_utilisateurs_role";
  DROP TYPE "public"."enum_permanences_recurrence_rangs";
  DROP TYPE "public"."enum_permanences_exceptions_type";
  DROP TYPE "public"."enum_permanences_exceptions_creneau_moment";
  DROP TYPE "public"."enum_permanences_recurrence_type";
  DROP TYPE "public"."enum_permanences_recurrence_jour";
  DROP TYPE "public"."enum_permanences_recurrence_rang";
  DROP TYPE "public"."enum_permanences_creneau_moment";
  DROP TYPE "public"."enum_publication_statut";`)
}
