DROP INDEX "help_articles_search_idx";--> statement-breakpoint
DROP INDEX "help_terms_trgm_idx";--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "help_terms_trgm_idx" ON "help_terms" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- Searches unpack the vector of every matching article to rank it; kept uncompressed out of line it is read, not decompressed (a third of a search's time over 1,000 articles). Rewriting the published text recomputes the vectors already stored.
ALTER TABLE "help_articles" ALTER COLUMN "search" SET STORAGE EXTERNAL;--> statement-breakpoint
UPDATE "help_articles" SET "pub_text" = "pub_text" WHERE "pub_text" IS NOT NULL;
