-- A caller that already knows a region (the audit review knows its reviewer's) passes it: the
-- lookup runs only for what is missing, so an export's many rows do not recompute the same actor.
CREATE OR REPLACE FUNCTION audit_log_fill_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_id IS NOT NULL AND NEW.actor_region_id IS NULL THEN NEW.actor_region_id := audit_region_of(NEW.actor_id); END IF;
  IF NEW.subject_id IS NOT NULL AND NEW.subject_region_id IS NULL THEN NEW.subject_region_id := audit_region_of(NEW.subject_id); END IF;
  RETURN NEW;
END;
$$;
