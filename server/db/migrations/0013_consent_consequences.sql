-- A legal representative states its kind on each family link (seed 004 names guardians too).
ALTER TABLE family_links ADD COLUMN representative_kind text DEFAULT 'parent' NOT NULL;
--> statement-breakpoint
ALTER TABLE family_links ADD CONSTRAINT family_links_representative_kind_ck CHECK (representative_kind IN ('parent', 'guardian', 'trustee'));
--> statement-breakpoint
-- A pupil's or parent's request to correct the child's surname, name, date of birth or school, decided by the pupil's school.
CREATE TABLE correction_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES accounts(id),
  requested_by uuid NOT NULL REFERENCES accounts(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  status text DEFAULT 'pending' NOT NULL,
  requested jsonb NOT NULL,
  comment text,
  decided_by uuid REFERENCES accounts(id),
  decided_at timestamp with time zone,
  refusal_reason text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT correction_requests_status_ck CHECK (status IN ('pending', 'confirmed', 'refused')),
  CONSTRAINT correction_requests_decision_ck CHECK ((status = 'pending') = (decided_at IS NULL)),
  CONSTRAINT correction_requests_refusal_ck CHECK (status <> 'refused' OR refusal_reason IS NOT NULL)
);
--> statement-breakpoint
-- One open request per pupil: a second one waits until the school answered the first.
CREATE UNIQUE INDEX correction_requests_pending_uq ON correction_requests (participant_id) WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX correction_requests_school_idx ON correction_requests (school_id, status, created_at);
