CREATE TABLE "case_deadlines" (
	"kind" text NOT NULL,
	"priority" text NOT NULL,
	"first_action_minutes" integer NOT NULL,
	"decision_minutes" integer NOT NULL,
	CONSTRAINT "case_deadlines_kind_priority_pk" PRIMARY KEY("kind","priority"),
	CONSTRAINT "case_deadlines_kind_check" CHECK ("case_deadlines"."kind" in ('rumor', 'violent_content')),
	CONSTRAINT "case_deadlines_priority_check" CHECK ("case_deadlines"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "case_deadlines_minutes_check" CHECK ("case_deadlines"."first_action_minutes" > 0 and "case_deadlines"."decision_minutes" >= "case_deadlines"."first_action_minutes")
);
--> statement-breakpoint
CREATE TABLE "desk_templates" (
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_templates_purpose_kind_locale_pk" PRIMARY KEY("purpose","kind","locale"),
	CONSTRAINT "desk_templates_purpose_check" CHECK ("desk_templates"."purpose" in ('notice', 'closing')),
	CONSTRAINT "desk_templates_kind_check" CHECK ("desk_templates"."kind" in ('rumor', 'violent_content')),
	CONSTRAINT "desk_templates_locale_check" CHECK ("desk_templates"."locale" in ('ar', 'fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "takedown_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"platform" text NOT NULL,
	"locale" text NOT NULL,
	"reasons" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_to" text,
	"reference" text,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"recheck_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	CONSTRAINT "takedown_notices_status_check" CHECK ("takedown_notices"."status" in ('prepared', 'sent', 'acknowledged', 'removed', 'refused', 'no_answer')),
	CONSTRAINT "takedown_notices_locale_check" CHECK ("takedown_notices"."locale" in ('ar', 'fr', 'en'))
);
--> statement-breakpoint
DROP INDEX "cases_open_queue_idx";--> statement-breakpoint
DROP INDEX "cases_status_queue_idx";--> statement-breakpoint
DROP INDEX "cases_queue_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_action_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "due_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
INSERT INTO "case_deadlines" ("kind", "priority", "first_action_minutes", "decision_minutes") VALUES
	('rumor', 'urgent', 60, 360), ('rumor', 'high', 120, 720),
	('rumor', 'normal', 240, 1440), ('rumor', 'low', 720, 4320),
	('violent_content', 'urgent', 60, 720), ('violent_content', 'high', 120, 1440),
	('violent_content', 'normal', 240, 2880), ('violent_content', 'low', 480, 4320);--> statement-breakpoint
-- Existing cases: their first staff event, then their due time as iblagh_case_due computes it.
UPDATE "cases" c SET "first_action_at" = e.at FROM (
	SELECT case_id, min(at) AS at FROM case_events WHERE actor_id IS NOT NULL GROUP BY case_id
) e WHERE e.case_id = c.id;--> statement-breakpoint
UPDATE "cases" c SET "due_at" = c.first_report_at + make_interval(mins =>
	CASE WHEN c.first_action_at IS NULL THEN d.first_action_minutes ELSE d.decision_minutes END)
FROM "case_deadlines" d WHERE d.kind = c.kind AND d.priority = c.priority;--> statement-breakpoint
ALTER TABLE "desk_templates" ADD CONSTRAINT "desk_templates_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_notices" ADD CONSTRAINT "takedown_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_notices" ADD CONSTRAINT "takedown_notices_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "takedown_notices_case_url_key" ON "takedown_notices" USING btree ("case_id","canonical_url");--> statement-breakpoint
CREATE INDEX "takedown_notices_resolved_idx" ON "takedown_notices" USING btree ("resolved_at") WHERE status = 'removed';--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("due_at") WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_first_action_idx" ON "cases" USING btree ("first_action_at") WHERE first_action_at is not null;--> statement-breakpoint
CREATE INDEX "cases_closed_at_idx" ON "cases" USING btree ("closed_at") WHERE closed_at is not null;--> statement-breakpoint
CREATE INDEX "cases_open_queue_idx" ON "cases" USING btree ("queue_rank","due_at","id") WHERE status in ('new', 'triage', 'verifying', 'expertise');--> statement-breakpoint
CREATE INDEX "cases_status_queue_idx" ON "cases" USING btree ("status","queue_rank","due_at","id");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("queue_rank","due_at","id");