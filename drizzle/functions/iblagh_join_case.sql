-- iblagh_join_case: one more report on an open case (its count, latest date and platforms);
-- returns the count and priority after it, for the surge check. Takes the case's row lock.
CREATE OR REPLACE FUNCTION iblagh_join_case(
  p_case uuid, p_platform text, p_at timestamptz, OUT report_count int, OUT priority text)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases c SET
      report_count = c.report_count + 1,
      latest_report_at = greatest(c.latest_report_at, p_at),
      platforms = CASE WHEN p_platform = ANY (c.platforms) THEN c.platforms
        ELSE array_append(c.platforms, p_platform) END
    WHERE c.id = p_case
    RETURNING c.report_count, c.priority INTO report_count, priority;
END
$$;
