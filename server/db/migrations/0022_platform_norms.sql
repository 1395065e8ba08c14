CREATE TABLE "diagnostic_norms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"version_id" integer NOT NULL REFERENCES "diagnostic_test_versions"("id"),
	"grade_band" text NOT NULL,
	"sample_size" integer NOT NULL,
	"scales" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "diagnostic_norms_version_band_idx" ON "diagnostic_norms" USING btree ("version_id","grade_band","id");
--> statement-breakpoint
ALTER TABLE "diagnostic_attempts" ADD COLUMN "norms_id" integer REFERENCES "diagnostic_norms"("id");
--> statement-breakpoint
CREATE INDEX "diagnostic_attempts_norm_sample_idx" ON "diagnostic_attempts" USING btree ("version_id","grade_band","completed_at") WHERE "diagnostic_attempts"."status" = 'completed';
