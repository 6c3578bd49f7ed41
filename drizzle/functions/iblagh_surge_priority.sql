-- iblagh_surge_priority: a case's priority after `p_recent` reports in the last hour: a rumour
-- going viral jumps the queue. Only ever raised, never lowered. `p_ranks` is PRIORITIES
-- (lib/cases/priority.ts), lowest first; the thresholds are SURGE_HIGH and SURGE_URGENT.
CREATE OR REPLACE FUNCTION iblagh_surge_priority(
  p_current text, p_recent int, p_high int, p_urgent int, p_ranks text[])
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  surge text := CASE WHEN p_recent >= p_urgent THEN 'urgent' WHEN p_recent >= p_high THEN 'high' END;
BEGIN
  IF surge IS NOT NULL AND array_position(p_ranks, surge) > array_position(p_ranks, p_current) THEN
    RETURN surge;
  END IF;
  RETURN p_current;
END
$$;
