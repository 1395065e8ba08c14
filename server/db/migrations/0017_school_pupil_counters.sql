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
-- Statement-level, over the transition tables: a bulk import of a thousand pupils into one school
-- updates its row once, not a thousand times.
CREATE FUNCTION "school_pupils_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "schools" s SET "pupils_count" = s."pupils_count" + d.n
    FROM (SELECT "school_id", count(*)::int AS n FROM new_rows WHERE "school_id" IS NOT NULL GROUP BY "school_id") d
    WHERE s."id" = d."school_id";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "school_pupils_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "schools" s SET "pupils_count" = s."pupils_count" - d.n
    FROM (SELECT "school_id", count(*)::int AS n FROM old_rows WHERE "school_id" IS NOT NULL GROUP BY "school_id") d
    WHERE s."id" = d."school_id";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "school_pupils_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "schools" s SET "pupils_count" = s."pupils_count" + d.n
    FROM (
      SELECT moved."school_id", sum(moved.n)::int AS n FROM (
        SELECT o."school_id", -1 AS n FROM old_rows o JOIN new_rows w ON w."account_id" = o."account_id"
          WHERE o."school_id" IS DISTINCT FROM w."school_id" AND o."school_id" IS NOT NULL
        UNION ALL
        SELECT w."school_id", 1 FROM old_rows o JOIN new_rows w ON w."account_id" = o."account_id"
          WHERE o."school_id" IS DISTINCT FROM w."school_id" AND w."school_id" IS NOT NULL
      ) moved GROUP BY moved."school_id"
    ) d
    WHERE s."id" = d."school_id" AND d.n <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "participant_profiles_school_pupils_added" AFTER INSERT ON "participant_profiles"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "school_pupils_added"();
--> statement-breakpoint
CREATE TRIGGER "participant_profiles_school_pupils_removed" AFTER DELETE ON "participant_profiles"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "school_pupils_removed"();
--> statement-breakpoint
CREATE TRIGGER "participant_profiles_school_pupils_moved" AFTER UPDATE ON "participant_profiles"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "school_pupils_moved"();
