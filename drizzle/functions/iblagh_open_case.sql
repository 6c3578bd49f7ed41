-- iblagh_open_case: opens a case from its first report, with its `created` event. The one way a
-- case comes to be: intake (a report nothing matched) and a split (lib/cases/commands/merge.ts)
-- both call it. `p_at` is when it opened; the first report may be older (a split).
CREATE OR REPLACE FUNCTION iblagh_open_case(
  p_kind text, p_category text, p_summary text, p_search_text text, p_platform text,
  p_first_report_at timestamptz, p_at timestamptz,
  p_actor uuid DEFAULT NULL, p_note text DEFAULT NULL, p_data jsonb DEFAULT NULL,
  OUT id uuid, OUT ref text)
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases (kind, category, summary, search_text, platforms, report_count,
      first_report_at, latest_report_at, status_changed_at)
    VALUES (p_kind, p_category, p_summary, p_search_text, ARRAY[p_platform], 1,
      p_first_report_at, p_first_report_at, p_at)
    RETURNING cases.id, cases.ref INTO id, ref;
  INSERT INTO case_events (case_id, type, to_status, at, actor_id, note, data)
    VALUES (id, 'created', 'new', p_at, p_actor, p_note, p_data);
END
$$;
