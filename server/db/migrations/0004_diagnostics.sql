CREATE TABLE "awareness_levels" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"min_score" smallint NOT NULL,
	"max_score" smallint NOT NULL,
	"pupil_text" text NOT NULL,
	"parent_text" text NOT NULL,
	CONSTRAINT "awareness_levels_code_unique" UNIQUE("code"),
	CONSTRAINT "awareness_levels_range_ck" CHECK ("awareness_levels"."min_score" between 0 and 100 and "awareness_levels"."max_score" between "awareness_levels"."min_score" and 100)
);
--> statement-breakpoint
CREATE TABLE "soft_skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "soft_skills_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "diagnostic_answers" (
	"attempt_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_answers_attempt_id_item_id_pk" PRIMARY KEY("attempt_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "diagnostic_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"test_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"grade_band" text NOT NULL,
	"seed" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"scales" jsonb,
	"game_summary" jsonb,
	"game_events" jsonb,
	CONSTRAINT "diagnostic_attempts_status_ck" CHECK ("diagnostic_attempts"."status" in ('in_progress', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "diagnostic_test_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "diagnostic_test_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"test_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"definition" jsonb NOT NULL,
	"title" text NOT NULL,
	"grade_bands" text[] NOT NULL,
	"ovz_variant_of" text,
	"item_count" integer NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "diagnostic_versions_status_ck" CHECK ("diagnostic_test_versions"."status" in ('draft', 'published', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "diagnostic_tests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "diagnostic_tests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_version_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_tests_slug_unique" UNIQUE("slug"),
	CONSTRAINT "diagnostic_tests_kind_ck" CHECK ("diagnostic_tests"."kind" in ('test', 'game')),
	CONSTRAINT "diagnostic_tests_status_ck" CHECK ("diagnostic_tests"."status" in ('draft', 'published', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "footprint_contributions" (
	"participant_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"dimension" text NOT NULL,
	"value" real NOT NULL,
	"weight" real NOT NULL,
	"attempt_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "footprint_contributions_participant_id_source_key_dimension_pk" PRIMARY KEY("participant_id","source_key","dimension"),
	CONSTRAINT "footprint_value_ck" CHECK ("footprint_contributions"."value" between 0 and 100 and "footprint_contributions"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "footprint_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_key" text NOT NULL,
	"directions" jsonb NOT NULL,
	"dimensions" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostic_answers" ADD CONSTRAINT "diagnostic_answers_attempt_id_diagnostic_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."diagnostic_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_attempts" ADD CONSTRAINT "diagnostic_attempts_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_attempts" ADD CONSTRAINT "diagnostic_attempts_test_id_diagnostic_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."diagnostic_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_attempts" ADD CONSTRAINT "diagnostic_attempts_version_id_diagnostic_test_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."diagnostic_test_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_test_versions" ADD CONSTRAINT "diagnostic_test_versions_test_id_diagnostic_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."diagnostic_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_test_versions" ADD CONSTRAINT "diagnostic_test_versions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_tests" ADD CONSTRAINT "diagnostic_tests_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footprint_contributions" ADD CONSTRAINT "footprint_contributions_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footprint_contributions" ADD CONSTRAINT "footprint_contributions_attempt_id_diagnostic_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."diagnostic_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footprint_snapshots" ADD CONSTRAINT "footprint_snapshots_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_attempts_one_open_uq" ON "diagnostic_attempts" USING btree ("participant_id","test_id") WHERE "diagnostic_attempts"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "diagnostic_attempts_participant_idx" ON "diagnostic_attempts" USING btree ("participant_id","completed_at");--> statement-breakpoint
CREATE INDEX "diagnostic_attempts_version_idx" ON "diagnostic_attempts" USING btree ("version_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_versions_test_version_uq" ON "diagnostic_test_versions" USING btree ("test_id","version");--> statement-breakpoint
CREATE INDEX "footprint_snapshots_participant_idx" ON "footprint_snapshots" USING btree ("participant_id","recorded_at");