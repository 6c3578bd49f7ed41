-- iblagh_first_action: a case's first action is its first timeline event by a member of staff
-- (a transition, an assignment, a note, a merge…); intake and escalation events have no actor.
-- Setting it moves the case's deadline from "first action" to "decision" (iblagh_case_due).
CREATE OR REPLACE FUNCTION iblagh_first_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET first_action_at = NEW.at WHERE id = NEW.case_id AND first_action_at IS NULL;
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER iblagh_first_action
  AFTER INSERT ON case_events
  FOR EACH ROW WHEN (NEW.actor_id IS NOT NULL) EXECUTE FUNCTION iblagh_first_action();
