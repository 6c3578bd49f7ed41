CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"canonical_url" text NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "case_links_canonical_url_case_id_pk" PRIMARY KEY("canonical_url","case_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cases_ref_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"priority_rank" smallint GENERATED ALWAYS AS (case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end) STORED,
	"platforms" text[] DEFAULT '{}'::text[] NOT NULL,
	"assignee_id" uuid,
	"merged_into_id" uuid,
	"report_count" integer DEFAULT 0 NOT NULL,
	"first_report_at" timestamp with time zone NOT NULL,
	"latest_report_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"referral_date" date,
	"referral_unit" text,
	"referral_reference" text,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('rumor', 'violent_content')),
	CONSTRAINT "cases_priority_check" CHECK ("cases"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('new', 'triage', 'verifying', 'expertise', 'debunked', 'confirmed', 'no_action', 'referred', 'duplicate'))
);
--> statement-breakpoint
CREATE TABLE "report_text_bands" (
	"band_key" bigint NOT NULL,
	"report_id" uuid NOT NULL,
	CONSTRAINT "report_text_bands_band_key_report_id_pk" PRIMARY KEY("band_key","report_id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email_hash" text NOT NULL,
	"client_hash" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"disabled_at" timestamp with time zone,
	"totp_secret_enc" text,
	"totp_enabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_status_check";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "case_id" uuid;--> statement-breakpoint
-- Hand-written: reports stored before cases existed each become a case of their own (same id),
-- keeping their public status.
INSERT INTO "cases" ("id", "kind", "category", "summary", "status", "platforms", "report_count", "first_report_at", "latest_report_at", "status_changed_at", "closed_at", "search_text")
SELECT r."id", r."kind", r."category", left(r."description", 280),
  CASE r."status" WHEN 'received' THEN 'new' WHEN 'in_review' THEN 'triage'
    ELSE CASE WHEN r."outcome" IN ('debunked', 'confirmed', 'no_action', 'referred') THEN r."outcome" ELSE 'no_action' END END,
  ARRAY[r."platform"], 1, r."submitted_at", r."submitted_at", r."status_changed_at",
  CASE WHEN r."status" = 'closed' THEN r."status_changed_at" END, left(r."description_norm", 280)
FROM "reports" r;--> statement-breakpoint
UPDATE "reports" SET "case_id" = "id";--> statement-breakpoint
INSERT INTO "case_links" ("canonical_url", "case_id") SELECT DISTINCT "canonical_url", "report_id" FROM "report_links";--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "case_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_cases_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_text_bands" ADD CONSTRAINT "report_text_bands_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_links_case_idx" ON "case_links" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_ref_key" ON "cases" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("status","priority_rank" DESC NULLS LAST,"first_report_at","id");--> statement-breakpoint
CREATE INDEX "cases_latest_idx" ON "cases" USING btree ("latest_report_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "report_text_bands_report_idx" ON "report_text_bands" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email_hash","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_client_idx" ON "sign_in_attempts" USING btree ("client_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users" USING btree ("email");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_case_id_idx" ON "reports" USING btree ("case_id","submitted_at");--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "outcome";--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "status_changed_at";--> statement-breakpoint
-- Hand-written: the audit trail is append-only. The hash chain (npm run audit:verify) still
-- catches an edit made by someone able to drop this trigger.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
