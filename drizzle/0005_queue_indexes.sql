DROP INDEX "cases_queue_idx";--> statement-breakpoint
DROP INDEX "cases_latest_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "queue_rank" smallint GENERATED ALWAYS AS (case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) STORED;--> statement-breakpoint
CREATE INDEX "cases_open_queue_idx" ON "cases" USING btree ("queue_rank","first_report_at","id") WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_open_latest_idx" ON "cases" USING btree ("latest_report_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_open_most_idx" ON "cases" USING btree ("report_count" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_status_queue_idx" ON "cases" USING btree ("status","queue_rank","first_report_at","id");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("queue_rank","first_report_at","id");--> statement-breakpoint
CREATE INDEX "cases_latest_idx" ON "cases" USING btree ("latest_report_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "priority_rank";