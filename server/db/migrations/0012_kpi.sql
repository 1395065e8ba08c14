DROP TABLE "kpi_targets" CASCADE;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "federal_district" text;--> statement-breakpoint
CREATE TABLE "kpi_contributions" (
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"scope_level" text NOT NULL,
	"scope_id" text NOT NULL,
	"season_id" integer NOT NULL,
	"week" date NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"activated" integer DEFAULT 0 NOT NULL,
	"parent_linked" integer DEFAULT 0 NOT NULL,
	"consent_given" integer DEFAULT 0 NOT NULL,
	"tested" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"marks" integer DEFAULT 0 NOT NULL,
	"absences" integer DEFAULT 0 NOT NULL,
	"trials_held" integer DEFAULT 0 NOT NULL,
	"seats_offered" integer DEFAULT 0 NOT NULL,
	"seats_filled" integer DEFAULT 0 NOT NULL,
	"feedback_on_time" integer DEFAULT 0 NOT NULL,
	"feedback_due" integer DEFAULT 0 NOT NULL,
	"plans_published" integer DEFAULT 0 NOT NULL,
	"support_in_sla" integer DEFAULT 0 NOT NULL,
	"support_due" integer DEFAULT 0 NOT NULL,
	"guidance_minutes" integer DEFAULT 0 NOT NULL,
	"guidance_pupils" integer DEFAULT 0 NOT NULL,
	"min_40h" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_contributions_kind_ck" CHECK ("kpi_contributions"."source_kind" in ('pupil', 'event', 'support'))
);
--> statement-breakpoint
CREATE TABLE "kpi_dirty" (
	"kind" text NOT NULL,
	"key" uuid NOT NULL,
	CONSTRAINT "kpi_dirty_kind_key_pk" PRIMARY KEY("kind","key"),
	CONSTRAINT "kpi_dirty_kind_ck" CHECK ("kpi_dirty"."kind" in ('pupil', 'event', 'event_pupils', 'support'))
);
--> statement-breakpoint
CREATE TABLE "kpi_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone,
	"clocked_until" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_state_one_ck" CHECK ("kpi_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"season_id" integer NOT NULL,
	"scope_level" text NOT NULL,
	"scope_id" text NOT NULL,
	"metric" text NOT NULL,
	"target" double precision NOT NULL,
	"set_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_season_id_scope_level_scope_id_metric_pk" PRIMARY KEY("season_id","scope_level","scope_id","metric"),
	CONSTRAINT "kpi_targets_level_ck" CHECK ("kpi_targets"."scope_level" in ('region', 'school', 'venue', 'navigator')),
	CONSTRAINT "kpi_targets_target_ck" CHECK ("kpi_targets"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "kpi_weekly" (
	"scope_level" text NOT NULL,
	"scope_id" text NOT NULL,
	"season_id" integer NOT NULL,
	"week" date NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"activated" integer DEFAULT 0 NOT NULL,
	"parent_linked" integer DEFAULT 0 NOT NULL,
	"consent_given" integer DEFAULT 0 NOT NULL,
	"tested" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"marks" integer DEFAULT 0 NOT NULL,
	"absences" integer DEFAULT 0 NOT NULL,
	"trials_held" integer DEFAULT 0 NOT NULL,
	"seats_offered" integer DEFAULT 0 NOT NULL,
	"seats_filled" integer DEFAULT 0 NOT NULL,
	"feedback_on_time" integer DEFAULT 0 NOT NULL,
	"feedback_due" integer DEFAULT 0 NOT NULL,
	"plans_published" integer DEFAULT 0 NOT NULL,
	"support_in_sla" integer DEFAULT 0 NOT NULL,
	"support_due" integer DEFAULT 0 NOT NULL,
	"guidance_minutes" integer DEFAULT 0 NOT NULL,
	"guidance_pupils" integer DEFAULT 0 NOT NULL,
	"min_40h" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_weekly_scope_level_scope_id_season_id_week_pk" PRIMARY KEY("scope_level","scope_id","season_id","week")
);
--> statement-breakpoint
CREATE TABLE "region_seasons" (
	"region_id" integer NOT NULL,
	"season_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "region_seasons_region_id_season_id_pk" PRIMARY KEY("region_id","season_id"),
	CONSTRAINT "region_seasons_dates_ck" CHECK ("region_seasons"."ends_on" > "region_seasons"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "seasons_name_unique" UNIQUE("name"),
	CONSTRAINT "seasons_dates_ck" CHECK ("seasons"."ends_on" > "seasons"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_seasons" ADD CONSTRAINT "region_seasons_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_seasons" ADD CONSTRAINT "region_seasons_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_contributions_source_idx" ON "kpi_contributions" USING btree ("source_kind","source_id");--> statement-breakpoint
-- Hand-written: the regions' federal districts (server/seed/federal-districts.data.ts), the state row, and the triggers that mark figures stale in the fact's own transaction. Each trigger only inserts a key into kpi_dirty (a no-op when already there), so the hot paths (an enrolment in a rush) pay one index probe; the refresh job does the counting.
UPDATE "regions" SET "federal_district" = 'central' WHERE "code" IN ('31', '32', '33', '36', '37', '40', '44', '46', '48', '50', '57', '62', '67', '68', '69', '71', '76', '77');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'northwestern' WHERE "code" IN ('10', '11', '29', '35', '39', '47', '51', '53', '60', '78', '83');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'southern' WHERE "code" IN ('01', '08', '23', '30', '34', '61', '80', '81', '82', '84', '85', '92');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'north_caucasian' WHERE "code" IN ('05', '06', '07', '09', '15', '20', '26');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'volga' WHERE "code" IN ('02', '12', '13', '16', '18', '21', '43', '52', '56', '58', '59', '63', '64', '73');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'ural' WHERE "code" IN ('45', '66', '72', '74', '86', '89');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'siberian' WHERE "code" IN ('04', '17', '19', '22', '24', '38', '42', '54', '55', '70');--> statement-breakpoint
UPDATE "regions" SET "federal_district" = 'far_eastern' WHERE "code" IN ('03', '14', '25', '27', '28', '41', '49', '65', '75', '79', '87');
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_federal_district_ck" CHECK ("federal_district" IS NULL OR "federal_district" IN ('central', 'northwestern', 'southern', 'north_caucasian', 'volga', 'ural', 'siberian', 'far_eastern'));
--> statement-breakpoint
INSERT INTO "kpi_state" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION kpi_mark(kind text, key uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO kpi_dirty (kind, key) VALUES (kind, key) ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION kpi_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark('pupil', NEW.account_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_profile_changed AFTER INSERT OR UPDATE OF region_id, school_id, grade ON participant_profiles FOR EACH ROW EXECUTE FUNCTION kpi_profile_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark('pupil', NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_account_changed AFTER UPDATE OF status ON accounts FOR EACH ROW
  WHEN (NEW.role = 'participant' AND OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION kpi_account_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark('pupil', CASE WHEN TG_OP = 'DELETE' THEN OLD.child_id ELSE NEW.child_id END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_family_link_changed AFTER INSERT OR DELETE ON family_links FOR EACH ROW EXECUTE FUNCTION kpi_child_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_consent_changed AFTER INSERT OR UPDATE OF withdrawn_at ON consents FOR EACH ROW
  WHEN (NEW.kind = 'pd_processing') EXECUTE FUNCTION kpi_child_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark('pupil', CASE WHEN TG_OP = 'DELETE' THEN OLD.participant_id ELSE NEW.participant_id END);
  IF TG_OP = 'UPDATE' AND OLD.participant_id IS DISTINCT FROM NEW.participant_id THEN
    PERFORM kpi_mark('pupil', OLD.participant_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_attempt_completed AFTER INSERT OR UPDATE OF status, completed_at ON diagnostic_attempts FOR EACH ROW
  WHEN (NEW.status = 'completed') EXECUTE FUNCTION kpi_participant_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_enrolment_added AFTER INSERT ON enrolments FOR EACH ROW EXECUTE FUNCTION kpi_participant_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_enrolment_changed AFTER UPDATE ON enrolments FOR EACH ROW
  WHEN ((OLD.status, OLD.attendance, OLD.feedback_at) IS DISTINCT FROM (NEW.status, NEW.attendance, NEW.feedback_at)) EXECUTE FUNCTION kpi_participant_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_plan_published AFTER INSERT ON study_plan_versions FOR EACH ROW EXECUTE FUNCTION kpi_participant_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_navigator_assigned AFTER INSERT OR UPDATE OR DELETE ON navigator_assignments FOR EACH ROW EXECUTE FUNCTION kpi_participant_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark(TG_ARGV[0], NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_event_added AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION kpi_event_changed('event');
--> statement-breakpoint
-- A seat taken or freed changes only the event's own figures; a move, a cancellation or another venue changes its pupils' too.
CREATE TRIGGER kpi_event_seats_changed AFTER UPDATE ON events FOR EACH ROW
  WHEN ((OLD.capacity, OLD.seats_taken) IS DISTINCT FROM (NEW.capacity, NEW.seats_taken)
    AND (OLD.status, OLD.starts_at, OLD.ends_at, OLD.venue_id) IS NOT DISTINCT FROM (NEW.status, NEW.starts_at, NEW.ends_at, NEW.venue_id))
  EXECUTE FUNCTION kpi_event_changed('event');
--> statement-breakpoint
CREATE TRIGGER kpi_event_moved AFTER UPDATE ON events FOR EACH ROW
  WHEN ((OLD.status, OLD.starts_at, OLD.ends_at, OLD.venue_id) IS DISTINCT FROM (NEW.status, NEW.starts_at, NEW.ends_at, NEW.venue_id))
  EXECUTE FUNCTION kpi_event_changed('event_pupils');
--> statement-breakpoint
CREATE FUNCTION kpi_event_mentors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_mark('event_pupils', CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_event_mentors_changed AFTER INSERT OR DELETE ON event_mentors FOR EACH ROW EXECUTE FUNCTION kpi_event_mentors_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_support_added AFTER INSERT ON support_requests FOR EACH ROW EXECUTE FUNCTION kpi_event_changed('support');
--> statement-breakpoint
CREATE TRIGGER kpi_support_changed AFTER UPDATE ON support_requests FOR EACH ROW
  WHEN ((OLD.region_id, OLD.intake_outcome, OLD.due_at, OLD.first_answered_at) IS DISTINCT FROM (NEW.region_id, NEW.intake_outcome, NEW.due_at, NEW.first_answered_at))
  EXECUTE FUNCTION kpi_event_changed('support');
