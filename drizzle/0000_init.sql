CREATE TABLE "idempotency_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"report_id" uuid,
	"response_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "report_links" (
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"platform" text NOT NULL,
	CONSTRAINT "report_links_report_id_position_pk" PRIMARY KEY("report_id","position")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_hash" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"platform" text NOT NULL,
	"description" text NOT NULL,
	"description_norm" text NOT NULL,
	"seen_at" timestamp with time zone,
	"contact_enc" text,
	"locale" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_kind_check" CHECK ("reports"."kind" in ('rumor', 'violent_content')),
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('received', 'in_review', 'closed')),
	CONSTRAINT "reports_locale_check" CHECK ("reports"."locale" in ('ar', 'fr', 'en'))
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "report_links_canonical_url_idx" ON "report_links" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_receipt_hash_key" ON "reports" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "reports_submitted_at_idx" ON "reports" USING btree ("submitted_at");