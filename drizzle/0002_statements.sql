CREATE TABLE "statement_versions" (
	"statement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"appearances" jsonb NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone NOT NULL,
	"approved_by" uuid NOT NULL,
	CONSTRAINT "statement_versions_statement_id_version_pk" PRIMARY KEY("statement_id","version")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" bigint GENERATED ALWAYS AS IDENTITY (sequence name "statements_ref_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"slug" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"appearances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"pending_editors" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"amendment" text,
	"change_note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_type_check" CHECK ("statements"."type" in ('denial', 'truth', 'communique')),
	CONSTRAINT "statements_status_check" CHECK ("statements"."status" in ('draft', 'in_review', 'published', 'withdrawn')),
	CONSTRAINT "statements_amendment_check" CHECK ("statements"."amendment" is null or "statements"."amendment" in ('draft', 'in_review'))
);
--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statements_slug_key" ON "statements" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_ref_key" ON "statements" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_case_type_live_key" ON "statements" USING btree ("case_id","type") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "statements_public_idx" ON "statements" USING btree ("status","published_at" DESC NULLS LAST,"id");