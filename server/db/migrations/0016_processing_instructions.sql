-- The operator's instruction to process personal data on its behalf (152-FZ art. 6 part 3): each
-- school and venue accepts every version of its text before its staff reach pupils' data.
CREATE TABLE "processing_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid REFERENCES "schools"("id"),
	"venue_id" uuid REFERENCES "venues"("id"),
	"version" text NOT NULL,
	"accepted_by" uuid REFERENCES "accounts"("id"),
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_instructions_one_organisation" CHECK (("school_id" IS NULL) <> ("venue_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "processing_instructions_school_version" ON "processing_instructions" ("school_id", "version") WHERE "school_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "processing_instructions_venue_version" ON "processing_instructions" ("venue_id", "version") WHERE "venue_id" IS NOT NULL;
