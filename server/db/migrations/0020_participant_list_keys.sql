-- Staff lists of pupils read one index in the order they show, per scope. The names, the account's
-- status and creation time live in "accounts", the scope in "participant_profiles"; a region's page
-- sorted by name had to fetch every row of the region to sort twenty. So the profile keeps its
-- account's sort keys beside the scope, copied by triggers in the same transaction as every change
-- of the account (registration, corrections, freezing, anonymisation, imports).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Lower case with ё read as е, the way people search and the way Russian is alphabetised. The key
-- columns compare as "C" (code points): Cyrillic а–я are contiguous there, both databases agree on
-- the order, and a LIKE prefix becomes an index range.
CREATE FUNCTION "participant_list_key"(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN replace(lower(coalesce(value, '')), 'ё', 'е');
--> statement-breakpoint
ALTER TABLE "participant_profiles"
  ADD COLUMN "last_name_key" text COLLATE "C" DEFAULT '' NOT NULL,
  ADD COLUMN "first_name_key" text COLLATE "C" DEFAULT '' NOT NULL,
  ADD COLUMN "middle_name_key" text COLLATE "C" DEFAULT '' NOT NULL,
  ADD COLUMN "search_text" text COLLATE "C" DEFAULT '' NOT NULL,
  ADD COLUMN "account_status" text DEFAULT 'pending' NOT NULL,
  ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
-- The backfill changes no fact a recommendation depends on.
ALTER TABLE "participant_profiles" DISABLE TRIGGER "recommendation_profile_changed";
--> statement-breakpoint
UPDATE "participant_profiles" pp SET
    "last_name_key" = participant_list_key(a.last_name),
    "first_name_key" = participant_list_key(a.first_name),
    "middle_name_key" = participant_list_key(a.middle_name),
    "search_text" = participant_list_key(concat_ws(' ', a.last_name, a.first_name, a.middle_name, a.email)),
    "account_status" = a.status,
    "created_at" = a.created_at
  FROM "accounts" a WHERE a.id = pp.account_id;
--> statement-breakpoint
ALTER TABLE "participant_profiles" ENABLE TRIGGER "recommendation_profile_changed";
--> statement-breakpoint
-- A new profile takes its account's keys, whatever the insert said.
CREATE FUNCTION "participant_list_keys_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a accounts%ROWTYPE;
BEGIN
  SELECT * INTO STRICT a FROM accounts WHERE id = NEW.account_id;
  NEW.last_name_key := participant_list_key(a.last_name);
  NEW.first_name_key := participant_list_key(a.first_name);
  NEW.middle_name_key := participant_list_key(a.middle_name);
  NEW.search_text := participant_list_key(concat_ws(' ', a.last_name, a.first_name, a.middle_name, a.email));
  NEW.account_status := a.status;
  NEW.created_at := a.created_at;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "participant_profiles_list_keys" BEFORE INSERT ON "participant_profiles"
  FOR EACH ROW EXECUTE FUNCTION "participant_list_keys_on_insert"();
--> statement-breakpoint
CREATE FUNCTION "participant_list_keys_on_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_profiles SET
      last_name_key = participant_list_key(NEW.last_name),
      first_name_key = participant_list_key(NEW.first_name),
      middle_name_key = participant_list_key(NEW.middle_name),
      search_text = participant_list_key(concat_ws(' ', NEW.last_name, NEW.first_name, NEW.middle_name, NEW.email)),
      account_status = NEW.status
    WHERE account_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "accounts_participant_list_keys" AFTER UPDATE OF "last_name", "first_name", "middle_name", "email", "status" ON "accounts"
  FOR EACH ROW
  WHEN ((OLD.last_name, OLD.first_name, OLD.middle_name, OLD.email, OLD.status) IS DISTINCT FROM (NEW.last_name, NEW.first_name, NEW.middle_name, NEW.email, NEW.status)
    AND NEW.role = 'participant')
  EXECUTE FUNCTION "participant_list_keys_on_account"();
--> statement-breakpoint
-- One index per scope (all, region, school) and sort the API offers (name, grade, createdAt);
-- descending orders read them backwards. A navigator's few dozen pupils come through
-- navigator_assignments and are sorted in memory.
CREATE INDEX "participant_list_name_idx" ON "participant_profiles" ("last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_region_name_idx" ON "participant_profiles" ("region_id", "last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_school_name_idx" ON "participant_profiles" ("school_id", "last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_grade_idx" ON "participant_profiles" ("grade", "last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_region_grade_idx" ON "participant_profiles" ("region_id", "grade", "last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_school_grade_idx" ON "participant_profiles" ("school_id", "grade", "last_name_key", "first_name_key", "middle_name_key", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_created_idx" ON "participant_profiles" ("created_at", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_region_created_idx" ON "participant_profiles" ("region_id", "created_at", "account_id");
--> statement-breakpoint
CREATE INDEX "participant_list_school_created_idx" ON "participant_profiles" ("school_id", "created_at", "account_id");
--> statement-breakpoint
-- The scope's indexes above begin with region_id and school_id and serve those lookups too.
DROP INDEX "participant_school_idx";
--> statement-breakpoint
DROP INDEX "participant_region_idx";
--> statement-breakpoint
-- Substring search of names and e-mail: the query's trigrams, intersected with the scope's own index
-- by the planner. Not one GIN over scope and text: that needs btree_gin, which in PGlite breaks
-- pg_trgm's operators (the help centre's typo search stops matching).
CREATE INDEX "participant_list_search_idx" ON "participant_profiles" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate = false);
--> statement-breakpoint
-- Pupils frozen for erasure are out of the lists but still in the schools' counters: the totals
-- take them off through these small indexes.
CREATE INDEX "participant_list_frozen_region_idx" ON "participant_profiles" ("region_id") WHERE "account_status" = 'disabled';
--> statement-breakpoint
CREATE INDEX "participant_list_frozen_school_idx" ON "participant_profiles" ("school_id") WHERE "account_status" = 'disabled';
