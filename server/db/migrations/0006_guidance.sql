CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"description" text NOT NULL,
	"programmes" text[] DEFAULT '{}'::text[] NOT NULL,
	"grade_from" smallint NOT NULL,
	"grade_to" smallint NOT NULL,
	"city_id" integer,
	"address" text,
	"online" boolean DEFAULT false NOT NULL,
	"ovz_accessible" boolean DEFAULT false NOT NULL,
	"ovz_notes" text,
	"free" boolean DEFAULT true NOT NULL,
	"price_note" text,
	"starts_on" date,
	"ends_on" date,
	"url" text,
	"contact" text,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_kind_ck" CHECK ("opportunities"."kind" in ('college', 'university', 'club', 'olympiad', 'employer', 'online_course')),
	CONSTRAINT "opportunities_status_ck" CHECK ("opportunities"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "opportunities_grades_ck" CHECK ("opportunities"."grade_from" between 6 and 11 and "opportunities"."grade_to" between "opportunities"."grade_from" and 11),
	CONSTRAINT "opportunities_place_ck" CHECK ("opportunities"."online" or "opportunities"."city_id" is not null),
	CONSTRAINT "opportunities_dates_ck" CHECK ("opportunities"."ends_on" is null or "opportunities"."starts_on" is null or "opportunities"."ends_on" >= "opportunities"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "opportunity_competencies" (
	"opportunity_id" uuid NOT NULL,
	"competency_id" integer NOT NULL,
	CONSTRAINT "opportunity_competencies_opportunity_id_competency_id_pk" PRIMARY KEY("opportunity_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_spheres" (
	"opportunity_id" uuid NOT NULL,
	"sphere_id" integer NOT NULL,
	"region_id" integer,
	CONSTRAINT "opportunity_spheres_opportunity_id_sphere_id_pk" PRIMARY KEY("opportunity_id","sphere_id")
);
--> statement-breakpoint
CREATE TABLE "profession_competencies" (
	"profession_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	CONSTRAINT "profession_competencies_profession_id_competency_id_pk" PRIMARY KEY("profession_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "professions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"education" text[] DEFAULT '{}'::text[] NOT NULL,
	"programmes" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "professions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "recommendation_dismissals" (
	"participant_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_dismissals_participant_id_item_kind_item_id_pk" PRIMARY KEY("participant_id","item_kind","item_id"),
	CONSTRAINT "recommendation_dismissals_kind_ck" CHECK ("recommendation_dismissals"."item_kind" in ('test', 'event', 'opportunity', 'profession'))
);
--> statement-breakpoint
CREATE TABLE "study_plan_steps_done" (
	"participant_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_plan_steps_done_participant_id_step_id_pk" PRIMARY KEY("participant_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "study_plan_versions" (
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_plan_versions_participant_id_version_pk" PRIMARY KEY("participant_id","version"),
	CONSTRAINT "study_plan_versions_version_ck" CHECK ("study_plan_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "study_plans" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"draft" jsonb,
	"drafted_at" timestamp with time zone,
	"draft_edited_by" uuid,
	"published_version" integer,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_plans_state_ck" CHECK ("study_plans"."draft" is not null or "study_plans"."published_version" is not null)
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competencies" ADD CONSTRAINT "opportunity_competencies_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competencies" ADD CONSTRAINT "opportunity_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_spheres" ADD CONSTRAINT "opportunity_spheres_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_spheres" ADD CONSTRAINT "opportunity_spheres_sphere_id_spheres_id_fk" FOREIGN KEY ("sphere_id") REFERENCES "public"."spheres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_spheres" ADD CONSTRAINT "opportunity_spheres_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profession_competencies" ADD CONSTRAINT "profession_competencies_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profession_competencies" ADD CONSTRAINT "profession_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_dismissals" ADD CONSTRAINT "recommendation_dismissals_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan_steps_done" ADD CONSTRAINT "study_plan_steps_done_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan_versions" ADD CONSTRAINT "study_plan_versions_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan_versions" ADD CONSTRAINT "study_plan_versions_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plans" ADD CONSTRAINT "study_plans_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plans" ADD CONSTRAINT "study_plans_draft_edited_by_accounts_id_fk" FOREIGN KEY ("draft_edited_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_region_title_idx" ON "opportunities" USING btree ("region_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "opportunity_competencies_competency_idx" ON "opportunity_competencies" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "opportunity_spheres_lookup_idx" ON "opportunity_spheres" USING btree ("sphere_id","region_id");--> statement-breakpoint
CREATE INDEX "profession_competencies_competency_idx" ON "profession_competencies" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "events_competency_open_idx" ON "events" USING btree ("competency_id","starts_at") WHERE "events"."status" = 'published';