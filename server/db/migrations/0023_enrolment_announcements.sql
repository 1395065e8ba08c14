-- When the family was told of an enrolment. The link's enrolments leave it empty and are announced
-- in batches; every other path tells the family in its own transaction, and the default marks
-- those told. The enrolments made so far were all told: PostgreSQL evaluates now() once for them
-- when the column is added, without rewriting the table.
ALTER TABLE "enrolments" ADD COLUMN "announced_at" timestamp with time zone DEFAULT now();
--> statement-breakpoint
CREATE INDEX "enrolments_unannounced_idx" ON "enrolments" ("created_at") WHERE "announced_at" IS NULL;
