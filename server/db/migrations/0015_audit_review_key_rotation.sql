-- Audit review: each row carries the regions of its actor and subject, filled at insert, so a
-- coordinator's search of its region walks an index in the order shown instead of the whole log.
CREATE OR REPLACE FUNCTION audit_region_of(target uuid) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT region_id FROM participant_profiles WHERE account_id = target),
    (SELECT coalesce(sp.region_id, s.region_id, v.region_id)
       FROM staff_profiles sp
       LEFT JOIN schools s ON s.id = sp.school_id
       LEFT JOIN venues v ON v.id = sp.venue_id
      WHERE sp.account_id = target),
    (SELECT min(pp.region_id) FROM family_links f JOIN participant_profiles pp ON pp.account_id = f.child_id WHERE f.parent_id = target),
    (SELECT region_id FROM schools WHERE id = target),
    (SELECT region_id FROM venues WHERE id = target),
    (SELECT v.region_id FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = target)
  )
$$;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_region_id" integer;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_region_id" integer;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_fill_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_id IS NOT NULL THEN NEW.actor_region_id := audit_region_of(NEW.actor_id); END IF;
  IF NEW.subject_id IS NOT NULL THEN NEW.subject_region_id := audit_region_of(NEW.subject_id); END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_regions BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_fill_regions();
--> statement-breakpoint
-- The rows written before the columns existed get their regions once; nothing else is changed.
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE "audit_log" SET "actor_region_id" = audit_region_of("actor_id"), "subject_region_id" = audit_region_of("subject_id")
  WHERE "actor_id" IS NOT NULL OR "subject_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_subject_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_actor_idx";
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at", "id");
--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" ("subject_id", "at", "id");
--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "at", "id");
--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action", "at", "id");
--> statement-breakpoint
CREATE INDEX "audit_log_actor_region_idx" ON "audit_log" ("actor_region_id", "at", "id");
--> statement-breakpoint
CREATE INDEX "audit_log_subject_region_idx" ON "audit_log" ("subject_region_id", "at", "id");
--> statement-breakpoint
-- One alert per staff account and hour when it revealed more personal data than the threshold.
CREATE TABLE "audit_alerts" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "actor_id" uuid NOT NULL,
  "actor_region_id" integer,
  "revealed" integer NOT NULL,
  "threshold" integer NOT NULL,
  "window_start" timestamp with time zone NOT NULL,
  "hour" timestamp with time zone NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_alerts_actor_hour_uq" ON "audit_alerts" ("actor_id", "hour");
--> statement-breakpoint
CREATE INDEX "audit_alerts_created_idx" ON "audit_alerts" ("created_at", "id");
--> statement-breakpoint
CREATE INDEX "audit_alerts_region_idx" ON "audit_alerts" ("actor_region_id", "created_at", "id");
--> statement-breakpoint
-- Key rotation: each run re-encrypts what older master keys sealed; its counters are its progress.
CREATE TABLE "pd_key_rotations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "target_key_id" text NOT NULL,
  "status" text DEFAULT 'running' NOT NULL,
  "fields_rewritten" integer DEFAULT 0 NOT NULL,
  "files_rewritten" integer DEFAULT 0 NOT NULL,
  "started_by" uuid,
  "started_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "finished_at" timestamp with time zone,
  "error" text,
  CONSTRAINT "pd_key_rotations_status_ck" CHECK ("status" in ('running', 'finished', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pd_key_rotations_running_uq" ON "pd_key_rotations" ((true)) WHERE "status" = 'running';
