CREATE TABLE "media" (
	"sha256" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"thumb" "bytea",
	"width" integer,
	"height" integer,
	"size" integer NOT NULL,
	"pdq" bit(256),
	"pdq_quality" smallint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_kind_check" CHECK ("media"."kind" in ('image'))
);
--> statement-breakpoint
CREATE TABLE "media_hash_chunks" (
	"chunk" smallint NOT NULL,
	"value" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "media_hash_chunks_chunk_value_sha256_pk" PRIMARY KEY("chunk","value","sha256")
);
--> statement-breakpoint
CREATE TABLE "report_media" (
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "report_media_report_id_position_pk" PRIMARY KEY("report_id","position")
);
--> statement-breakpoint
ALTER TABLE "media_hash_chunks" ADD CONSTRAINT "media_hash_chunks_sha256_media_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."media"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_media" ADD CONSTRAINT "report_media_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_media" ADD CONSTRAINT "report_media_sha256_media_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."media"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_media_sha256_idx" ON "report_media" USING btree ("sha256");