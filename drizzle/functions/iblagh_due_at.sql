-- iblagh_due_at: when a case's next step is due, from case_deadlines: its first staff action,
-- then (once acted on) its decision, both counted from its first report. Null when the table
-- has no row for the kind and priority (it has one for each: seeded, then only edited).
CREATE OR REPLACE FUNCTION iblagh_due_at(
  p_kind text, p_priority text, p_first_report_at timestamptz, p_first_action_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT p_first_report_at + make_interval(mins =>
    CASE WHEN p_first_action_at IS NULL THEN d.first_action_minutes ELSE d.decision_minutes END)
  FROM case_deadlines d WHERE d.kind = p_kind AND d.priority = p_priority
$$;
