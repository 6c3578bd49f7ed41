CREATE TABLE "case_holds" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"touched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_holder_id_staff_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;