-- Each school keeps how many pupils it has, so lists of schools and the regions' overview read a
-- counter instead of counting a region's (or the country's) pupils on every view. The trigger
-- keeps it in the same transaction as the pupil's own row; pupils with no school in the list are
-- few and counted through a partial index.
ALTER TABLE "schools" ADD COLUMN "pupils_count" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE "schools" s SET "pupils_count" = c.n
  FROM (SELECT "school_id", count(*)::int AS n FROM "participant_profiles" WHERE "school_id" IS NOT NULL GROUP BY "school_id") c
  WHERE c."school_id" = s."id";
--> statement-breakpoint
CREATE INDEX "participant_profiles_region_no_school_idx" ON "participant_profiles" ("region_id") WHERE "school_id" IS NULL;
--> statement-breakpoint
CREATE FUNCTION "school_pupils_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."school_id" IS NOT NULL
     AND (TG_OP = 'DELETE' OR NEW."school_id" IS DISTINCT FROM OLD."school_id") THEN
    UPDATE "schools" SET "pupils_count" = "pupils_count" - 1 WHERE "id" = OLD."school_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."school_id" IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW."school_id" IS DISTINCT FROM OLD."school_id") THEN
    UPDATE "schools" SET "pupils_count" = "pupils_count" + 1 WHERE "id" = NEW."school_id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "participant_profiles_school_pupils_count"
  AFTER INSERT OR DELETE OR UPDATE OF "school_id" ON "participant_profiles"
  FOR EACH ROW EXECUTE FUNCTION "school_pupils_count"();
