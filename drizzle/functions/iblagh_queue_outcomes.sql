-- iblagh_queue_outcomes: when a case closes, one "outcome" message for each of its reports
-- whose reporter asked to be told and left an address; in the closing transaction, so a
-- closed case always has its messages queued and a rolled-back one never does. Once per
-- report (a case reopened and closed again does not write twice).
CREATE OR REPLACE FUNCTION iblagh_queue_outcomes(p_case uuid) RETURNS int
LANGUAGE sql AS $$
  WITH queued AS (
    INSERT INTO outbox (report_id, kind)
      SELECT r.id, 'outcome' FROM reports r
      WHERE r.case_id = p_case AND r.notify AND r.contact_enc IS NOT NULL
      ON CONFLICT (report_id, kind) DO NOTHING
      RETURNING 1)
  SELECT count(*)::int FROM queued;
$$;
