-- The master key the blind index was first made under. The index cannot be recomputed (recovery
-- codes are not kept in clear), so a start under another index root would silently stop finding
-- every e-mail, SNILS and child: the app compares this row with its configuration and refuses.
CREATE TABLE "pd_index_root" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"key_id" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pd_index_root_single_ck" CHECK ("id" = 1)
);
