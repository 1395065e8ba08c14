CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone,
	"hold_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"reconfirm_required" boolean DEFAULT false NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"attendance" text,
	"attendance_marked_at" timestamp with time zone,
	"grade" smallint,
	"feedback" text,
	"observed_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"feedback_by" uuid,
	"feedback_at" timestamp with time zone,
	"reminded_day_at" timestamp with time zone,
	"reminded_hour_at" timestamp with time zone,
	CONSTRAINT "enrolments_status_ck" CHECK ("enrolments"."status" in ('held', 'confirmed', 'waitlisted', 'cancelled', 'declined', 'expired')),
	CONSTRAINT "enrolments_source_ck" CHECK ("enrolments"."source" in ('link', 'catalogue', 'navigator', 'parent')),
	CONSTRAINT "enrolments_attendance_ck" CHECK ("enrolments"."attendance" is null or "enrolments"."attendance" in ('present', 'absent', 'late')),
	CONSTRAINT "enrolments_grade_ck" CHECK ("enrolments"."grade" is null or "enrolments"."grade" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "event_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_mentors" (
	"event_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	CONSTRAINT "event_mentors_event_id_mentor_id_pk" PRIMARY KEY("event_id","mentor_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"competency_id" integer NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"place_id" uuid,
	"video_url" text,
	"school_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"grade_from" smallint NOT NULL,
	"grade_to" smallint NOT NULL,
	"difficulty" text NOT NULL,
	"ovz_suitable" boolean DEFAULT false NOT NULL,
	"ovz_notes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"change_reason" text,
	"series_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_format_ck" CHECK ("events"."format" in ('in_person', 'online', 'school_lesson')),
	CONSTRAINT "events_status_ck" CHECK ("events"."status" in ('draft', 'submitted', 'returned', 'approved', 'published', 'cancelled')),
	CONSTRAINT "events_difficulty_ck" CHECK ("events"."difficulty" in ('basic', 'intermediate', 'advanced')),
	CONSTRAINT "events_time_ck" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_ck" CHECK ("events"."capacity" > 0 and ("events"."format" <> 'school_lesson' or "events"."capacity" <= 15)),
	CONSTRAINT "events_seats_ck" CHECK ("events"."seats_taken" >= 0 and "events"."seats_taken" <= "events"."capacity"),
	CONSTRAINT "events_grades_ck" CHECK ("events"."grade_from" between 6 and 11 and "events"."grade_to" between "events"."grade_from" and 11),
	CONSTRAINT "events_place_ck" CHECK ("events"."format" <> 'in_person' or "events"."place_id" is not null),
	CONSTRAINT "events_school_ck" CHECK ("events"."format" <> 'school_lesson' or "events"."school_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_links" ADD CONSTRAINT "event_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_mentors" ADD CONSTRAINT "event_mentors_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_mentors" ADD CONSTRAINT "event_mentors_mentor_id_accounts_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_place_id_venue_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."venue_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_uq" ON "enrolments" USING btree ("event_id","participant_id") WHERE "enrolments"."status" in ('held', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_idempotency_uq" ON "enrolments" USING btree ("created_by","idempotency_key") WHERE "enrolments"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "enrolments_participant_idx" ON "enrolments" USING btree ("participant_id","status");--> statement-breakpoint
CREATE INDEX "enrolments_hold_idx" ON "enrolments" USING btree ("hold_expires_at") WHERE "enrolments"."status" = 'held';--> statement-breakpoint
CREATE UNIQUE INDEX "event_links_token_uq" ON "event_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "event_links_active_uq" ON "event_links" USING btree ("event_id") WHERE "event_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "event_mentors_mentor_idx" ON "event_mentors" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "events_venue_idx" ON "events" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_school_idx" ON "events" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_open_idx" ON "events" USING btree ("starts_at") WHERE "events"."status" = 'published';--> statement-breakpoint
CREATE INDEX "events_status_idx" ON "events" USING btree ("status","starts_at");