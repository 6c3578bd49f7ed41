-- iblagh_case_due: keeps cases.due_at whatever writes the case (intake, a surge, a moderator,
-- an escalation): recomputed by iblagh_due_at whenever the kind, the priority, the first report
-- or the first action changes. Admins' edits of case_deadlines recompute open cases the same way
-- (lib/cases/deadlines.ts).
CREATE OR REPLACE FUNCTION iblagh_case_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.due_at := coalesce(
    iblagh_due_at(NEW.kind, NEW.priority, NEW.first_report_at, NEW.first_action_at), NEW.due_at);
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER iblagh_case_due
  BEFORE INSERT OR UPDATE OF kind, priority, first_report_at, first_action_at ON cases
  FOR EACH ROW EXECUTE FUNCTION iblagh_case_due();
