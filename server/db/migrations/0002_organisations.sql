CREATE TABLE "competencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sphere_id" integer NOT NULL,
	CONSTRAINT "competencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "spheres" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "spheres_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "venue_competencies" (
	"venue_id" uuid NOT NULL,
	"competency_id" integer NOT NULL,
	CONSTRAINT "venue_competencies_venue_id_competency_id_pk" PRIMARY KEY("venue_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"inn" text,
	"ogrn" text,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"head_name" text,
	"status" text DEFAULT 'active' NOT NULL,
	"suspended_at" timestamp with time zone,
	"suspend_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text,
	CONSTRAINT "venues_status_ck" CHECK ("venues"."status" in ('active', 'suspended'))
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"matched_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"row_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payload_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_batches_status_ck" CHECK ("import_batches"."status" in ('preview', 'queued', 'running', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"organisation_id" uuid NOT NULL,
	"organisation_kind" text NOT NULL,
	"region_id" integer NOT NULL,
	"metric" text NOT NULL,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_organisation_id_metric_pk" PRIMARY KEY("organisation_id","metric"),
	CONSTRAINT "kpi_targets_kind_ck" CHECK ("kpi_targets"."organisation_kind" in ('school', 'venue')),
	CONSTRAINT "kpi_targets_target_ck" CHECK ("kpi_targets"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "navigator_assignments" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"navigator_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"participant_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_competencies" (
	"account_id" uuid NOT NULL,
	"competency_id" integer NOT NULL,
	CONSTRAINT "staff_competencies_account_id_competency_id_pk" PRIMARY KEY("account_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "staff_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"region_id" integer,
	"school_id" uuid,
	"venue_id" uuid,
	"position" text,
	"about" text,
	"pd_consent_version" text,
	"pd_consent_at" timestamp with time zone,
	"totp_secret_enc" text,
	"totp_pending_secret_enc" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" bigint,
	"invited_by" uuid
);
--> statement-breakpoint
CREATE TABLE "venue_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"name" text NOT NULL,
	"city_id" integer NOT NULL,
	"address" text NOT NULL,
	"rooms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accessibility" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "cities_region_name_uq";--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "season_starts_on" date;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "season_ends_on" date;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "inn" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "ogrn" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "head_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "suspend_reason" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_sphere_id_spheres_id_fk" FOREIGN KEY ("sphere_id") REFERENCES "public"."spheres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_competencies" ADD CONSTRAINT "venue_competencies_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_competencies" ADD CONSTRAINT "venue_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "navigator_assignments" ADD CONSTRAINT "navigator_assignments_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "navigator_assignments" ADD CONSTRAINT "navigator_assignments_navigator_id_accounts_id_fk" FOREIGN KEY ("navigator_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_consents" ADD CONSTRAINT "paper_consents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_consents" ADD CONSTRAINT "paper_consents_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_competencies" ADD CONSTRAINT "staff_competencies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_competencies" ADD CONSTRAINT "staff_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_places" ADD CONSTRAINT "venue_places_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_places" ADD CONSTRAINT "venue_places_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venues_region_idx" ON "venues" USING btree ("region_id","city_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_inn_uq" ON "venues" USING btree ("inn");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_region_name_uq" ON "venues" USING btree ("region_id",lower("name"));--> statement-breakpoint
CREATE INDEX "import_batches_school_idx" ON "import_batches" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "kpi_targets_region_idx" ON "kpi_targets" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "navigator_assignments_navigator_idx" ON "navigator_assignments" USING btree ("navigator_id");--> statement-breakpoint
CREATE INDEX "paper_consents_school_idx" ON "paper_consents" USING btree ("school_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "paper_consents_participant_idx" ON "paper_consents" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "recovery_codes_account_idx" ON "recovery_codes" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "staff_region_idx" ON "staff_profiles" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "staff_school_idx" ON "staff_profiles" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "staff_venue_idx" ON "staff_profiles" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "venue_places_venue_idx" ON "venue_places" USING btree ("venue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venue_places_name_uq" ON "venue_places" USING btree ("venue_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "schools_inn_uq" ON "schools" USING btree ("inn");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_region_name_uq" ON "schools" USING btree ("region_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "cities_region_name_uq" ON "cities" USING btree ("region_id",lower("name"));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_status_ck" CHECK ("schools"."status" in ('active', 'suspended'));