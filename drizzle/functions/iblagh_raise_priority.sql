-- iblagh_raise_priority: after a report joined a case (`p_count` reports, `p_current`
-- priority), counts its reports of the last hour, at most `urgent` of them, and raises the
-- priority by iblagh_surge_priority, with a `priority` event. `p_surge` is {high, urgent}.
CREATE OR REPLACE FUNCTION iblagh_raise_priority(
  p_case uuid, p_at timestamptz, p_count int, p_current text, p_surge jsonb, p_ranks text[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  high int := (p_surge->>'high')::int;
  urgent int := (p_surge->>'urgent')::int;
  recent int;
  nxt text;
BEGIN
  IF p_count < high OR p_current = p_ranks[cardinality(p_ranks)] THEN
    RETURN;
  END IF;
  SELECT count(*) INTO recent FROM (
    SELECT 1 FROM reports WHERE case_id = p_case AND submitted_at > p_at - interval '1 hour' LIMIT urgent
  ) r;
  nxt := iblagh_surge_priority(p_current, recent, high, urgent, p_ranks);
  IF nxt <> p_current THEN
    UPDATE cases SET priority = nxt WHERE id = p_case;
    INSERT INTO case_events (case_id, type, at, data)
      VALUES (p_case, 'priority', p_at,
        jsonb_build_object('from', p_current, 'to', nxt, 'reason', 'surge', 'reportsLastHour', recent));
  END IF;
END
$$;
