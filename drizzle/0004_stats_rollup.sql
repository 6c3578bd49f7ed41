CREATE TABLE "case_outcomes" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"hours" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_outcomes_case_id_kind_pk" PRIMARY KEY("case_id","kind")
);
--> statement-breakpoint
CREATE TABLE "stats_baselines" (
	"year" smallint NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stats_baselines_year_metric_pk" PRIMARY KEY("year","metric")
);
--> statement-breakpoint
CREATE TABLE "stats_yearly" (
	"year" smallint NOT NULL,
	"metric" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_yearly_year_metric_dimension_pk" PRIMARY KEY("year","metric","dimension")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "expertise_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_baselines" ADD CONSTRAINT "stats_baselines_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_outcomes_year_idx" ON "case_outcomes" USING btree ("year");