-- iblagh_escalate_overdue: escalates up to `p_limit` open cases whose due time passed at `p_now`
-- and that were not escalated since that due time: one step up in `p_ranks` (lowest first;
-- an urgent case stays urgent), stamped, with an `escalated` event in the timeline. A case is
-- escalated once per deadline: raising it makes its due time earlier still, and only its next
-- deadline (the decision, once acted on) can find it again. Several instances may run it at
-- once: a row another transaction holds is skipped. Returns the cases it escalated.
CREATE OR REPLACE FUNCTION iblagh_escalate_overdue(p_now timestamptz, p_limit int, p_ranks text[])
RETURNS TABLE (id uuid, ref bigint, kind text, from_priority text, to_priority text, due_at timestamptz)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  WITH due AS (
    SELECT c.id, c.priority, c.due_at FROM cases c
    WHERE c.status IN ('new', 'triage', 'verifying', 'expertise') AND c.due_at < p_now
      AND (c.escalated_at IS NULL OR c.escalated_at < c.due_at)
    ORDER BY c.due_at LIMIT p_limit FOR UPDATE SKIP LOCKED
  ), raised AS (
    UPDATE cases c SET escalated_at = p_now,
      priority = p_ranks[least(array_position(p_ranks, d.priority) + 1, cardinality(p_ranks))]
    FROM due d WHERE c.id = d.id
    RETURNING c.id, c.ref, c.kind, d.priority AS from_priority, c.priority AS to_priority, d.due_at
  ), events AS (
    INSERT INTO case_events (case_id, type, at, data)
    SELECT r.id, 'escalated', p_now,
      jsonb_build_object('from', r.from_priority, 'to', r.to_priority, 'dueAt', r.due_at)
    FROM raised r
  )
  SELECT r.id, r.ref, r.kind, r.from_priority, r.to_priority, r.due_at FROM raised r;
END
$$;
