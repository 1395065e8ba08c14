DROP INDEX "help_articles_search_idx";--> statement-breakpoint
DROP INDEX "help_terms_trgm_idx";--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "help_terms_trgm_idx" ON "help_terms" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);