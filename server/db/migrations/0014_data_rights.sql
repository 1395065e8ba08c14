-- Erasure requests under art. 21 of 152-FZ: the account is frozen while one is pending and erased when it falls due. Both account references are cleared by the erasure itself (ON DELETE SET NULL), so what stays names nobody.
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid REFERENCES "accounts"("id") ON DELETE SET NULL,
	"subject_role" text NOT NULL,
	"requested_by" uuid REFERENCES "accounts"("id") ON DELETE SET NULL,
	"requester_role" text NOT NULL,
	"previous_status" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "erasure_requests_status_ck" CHECK ("erasure_requests"."status" in ('pending', 'cancelled', 'erased'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "erasure_requests_pending_uq" ON "erasure_requests" USING btree ("subject_id") WHERE "erasure_requests"."status" = 'pending';
--> statement-breakpoint
CREATE INDEX "erasure_requests_due_idx" ON "erasure_requests" USING btree ("due_at") WHERE "erasure_requests"."status" = 'pending';
--> statement-breakpoint
-- The act of destruction: what classes of data went and how many rows and files, when, on what grounds and by which job; no personal data.
CREATE TABLE "destruction_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"erasure_request_id" uuid NOT NULL REFERENCES "erasure_requests"("id"),
	"subject_role" text NOT NULL,
	"grounds" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"destroyed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"job" text NOT NULL,
	"data_classes" jsonb NOT NULL,
	"files_destroyed" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_records_request_uq" ON "destruction_records" USING btree ("erasure_request_id");
--> statement-breakpoint
-- One row per run of a retention job and data class.
CREATE TABLE "retention_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"data_class" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_affected" integer,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "retention_runs_started_idx" ON "retention_runs" USING btree ("started_at");
--> statement-breakpoint
-- The audit log stays append-only, except for retention: a row older than three years (the floor docs/retention.md states) may be deleted by a transaction that names the cutoff in bilet.audit_purge_before.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cutoff text := current_setting('bilet.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(cutoff, '') <> '' AND OLD.at < cutoff::timestamptz AND OLD.at < now() - interval '3 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
