CREATE TABLE "audit_head" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	CONSTRAINT "audit_head_singleton" CHECK ("audit_head"."singleton")
);
--> statement-breakpoint
-- Hand-written: the head starts at the chain's current end, and only moves forward.
INSERT INTO "audit_head" ("singleton", "last_id", "last_hash")
  SELECT true, "id", "hash" FROM "audit_events" ORDER BY "id" DESC LIMIT 1;--> statement-breakpoint
CREATE FUNCTION "audit_head_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.last_id <= OLD.last_id THEN
    RAISE EXCEPTION 'audit_head only moves forward';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_head_forward_only" BEFORE UPDATE OR DELETE ON "audit_head"
  FOR EACH ROW EXECUTE FUNCTION "audit_head_forward_only"();--> statement-breakpoint
-- TRUNCATE skips row triggers: refuse it on both tables.
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_head_no_truncate" BEFORE TRUNCATE ON "audit_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_head_forward_only"();
