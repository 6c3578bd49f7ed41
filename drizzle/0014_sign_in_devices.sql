ALTER TABLE "sign_in_attempts" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "throttled" boolean DEFAULT false NOT NULL;