DROP INDEX "cases_open_queue_idx";--> statement-breakpoint
CREATE INDEX "cases_open_search_trgm_idx" ON "cases" USING gin ("search_text" gin_trgm_ops) WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_open_queue_idx" ON "cases" USING btree ("queue_rank","due_at","id","search_text") WHERE status in ('new', 'triage', 'verifying', 'expertise');