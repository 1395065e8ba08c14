CREATE TABLE "recommendation_inputs" (
	"key" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_snapshots" (
	"participant_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"basis" bigint NOT NULL,
	"computed_on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"event_ids" uuid[] NOT NULL,
	CONSTRAINT "recommendation_snapshots_participant_id_audience_pk" PRIMARY KEY("participant_id","audience"),
	CONSTRAINT "recommendation_snapshots_audience_ck" CHECK ("recommendation_snapshots"."audience" in ('pupil', 'parent', 'staff'))
);
--> statement-breakpoint
ALTER TABLE "recommendation_snapshots" ADD CONSTRAINT "recommendation_snapshots_participant_id_accounts_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION recommendation_inputs_bump(k text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO recommendation_inputs (key, version) VALUES (k, 1)
  ON CONFLICT (key) DO UPDATE SET version = recommendation_inputs.version + 1
$$;
--> statement-breakpoint
-- A pupil's own facts changed; TG_ARGV[0] names the column that holds the pupil's id.
CREATE FUNCTION recommendation_pupil_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pupil text;
BEGIN
  IF TG_OP = 'DELETE' THEN pupil := to_jsonb(OLD) ->> TG_ARGV[0]; ELSE pupil := to_jsonb(NEW) ->> TG_ARGV[0]; END IF;
  PERFORM recommendation_inputs_bump('pupil:' || pupil);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A test's completion writes dozens of footprint rows in one statement: one raise per pupil.
CREATE FUNCTION recommendation_footprint_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_inputs_bump('pupil:' || p.participant_id) FROM (SELECT DISTINCT participant_id FROM added) p;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An event of a region changed in a way a card or the choice of events shows.
CREATE FUNCTION recommendation_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  venue uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN venue := OLD.venue_id; ELSE venue := NEW.venue_id; END IF;
  PERFORM recommendation_inputs_bump('region:' || v.region_id) FROM venues v WHERE v.id = venue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION recommendation_event_mentors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN event := OLD.event_id; ELSE event := NEW.event_id; END IF;
  PERFORM recommendation_inputs_bump('region:' || v.region_id) FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = event;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION recommendation_global_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recommendation_inputs_bump('global');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER recommendation_footprint_added AFTER INSERT ON footprint_contributions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION recommendation_footprint_added();
--> statement-breakpoint
CREATE TRIGGER recommendation_footprint_changed AFTER UPDATE OR DELETE ON footprint_contributions FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_enrolment_added AFTER INSERT OR DELETE ON enrolments FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_enrolment_changed AFTER UPDATE ON enrolments FOR EACH ROW
  WHEN ((OLD.status, OLD.attendance, OLD.grade) IS DISTINCT FROM (NEW.status, NEW.attendance, NEW.grade))
  EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_dismissal_changed AFTER INSERT OR DELETE ON recommendation_dismissals FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_consent_changed AFTER INSERT OR UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('child_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_family_changed AFTER INSERT OR DELETE ON family_links FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('child_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_attempt_added AFTER INSERT OR DELETE ON diagnostic_attempts FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_attempt_changed AFTER UPDATE ON diagnostic_attempts FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION recommendation_pupil_changed('participant_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_profile_changed AFTER UPDATE ON participant_profiles FOR EACH ROW EXECUTE FUNCTION recommendation_pupil_changed('account_id');
--> statement-breakpoint
CREATE TRIGGER recommendation_account_changed AFTER UPDATE ON accounts FOR EACH ROW
  WHEN ((OLD.status, OLD.email_verified_at) IS DISTINCT FROM (NEW.status, NEW.email_verified_at)) EXECUTE FUNCTION recommendation_pupil_changed('id');
--> statement-breakpoint
-- Mentors' names are on the event cards.
CREATE TRIGGER recommendation_account_renamed AFTER UPDATE ON accounts FOR EACH ROW
  WHEN ((OLD.first_name, OLD.last_name) IS DISTINCT FROM (NEW.first_name, NEW.last_name)) EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_event_added AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION recommendation_event_changed();
--> statement-breakpoint
-- Seats alone change on every enrolment and are read live; only an event filling up or getting a
-- seat back changes which events can be recommended.
CREATE TRIGGER recommendation_event_changed AFTER UPDATE ON events FOR EACH ROW
  WHEN ((OLD.status = 'published' OR NEW.status = 'published') AND (
    (OLD.status, OLD.venue_id, OLD.competency_id, OLD.format, OLD.title, OLD.description, OLD.place_id, OLD.video_url, OLD.school_id,
      OLD.starts_at, OLD.ends_at, OLD.capacity, OLD.grade_from, OLD.grade_to, OLD.difficulty, OLD.ovz_suitable, OLD.ovz_notes, OLD.change_reason)
    IS DISTINCT FROM
    (NEW.status, NEW.venue_id, NEW.competency_id, NEW.format, NEW.title, NEW.description, NEW.place_id, NEW.video_url, NEW.school_id,
      NEW.starts_at, NEW.ends_at, NEW.capacity, NEW.grade_from, NEW.grade_to, NEW.difficulty, NEW.ovz_suitable, NEW.ovz_notes, NEW.change_reason)
    OR (OLD.seats_taken < OLD.capacity) IS DISTINCT FROM (NEW.seats_taken < NEW.capacity)))
  EXECUTE FUNCTION recommendation_event_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_event_mentors_changed AFTER INSERT OR DELETE ON event_mentors FOR EACH ROW EXECUTE FUNCTION recommendation_event_mentors_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_venues_changed AFTER UPDATE OR DELETE ON venues FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_places_changed AFTER UPDATE OR DELETE ON venue_places FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_schools_changed AFTER UPDATE OR DELETE ON schools FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_cities_changed AFTER UPDATE OR DELETE ON cities FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_opportunities_changed AFTER INSERT OR UPDATE OR DELETE ON opportunities FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_opportunity_spheres_changed AFTER INSERT OR UPDATE OR DELETE ON opportunity_spheres FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_opportunity_competencies_changed AFTER INSERT OR UPDATE OR DELETE ON opportunity_competencies FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_professions_changed AFTER INSERT OR UPDATE OR DELETE ON professions FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_profession_competencies_changed AFTER INSERT OR UPDATE OR DELETE ON profession_competencies FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_tests_changed AFTER INSERT OR UPDATE OR DELETE ON diagnostic_tests FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_test_versions_changed AFTER INSERT OR UPDATE OR DELETE ON diagnostic_test_versions FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_spheres_changed AFTER INSERT OR UPDATE OR DELETE ON spheres FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_competencies_changed AFTER INSERT OR UPDATE OR DELETE ON competencies FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_soft_skills_changed AFTER INSERT OR UPDATE OR DELETE ON soft_skills FOR EACH STATEMENT EXECUTE FUNCTION recommendation_global_changed();
