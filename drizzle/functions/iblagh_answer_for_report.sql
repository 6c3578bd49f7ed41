-- iblagh_answer_for_report: the statement that already answers a report as it arrives: the
-- published, not withdrawn, denial or truth statement of a closed case (`p_answered`
-- statuses) about the same content: one of the report's links, one of its pictures (the same
-- bytes), or its forwarded text word for word; the most recently published first. NULL when
-- none. `p_item` is one item of iblagh_store_reports' payload. Each path is an index read
-- bounded by LIMIT (a text by its newest `p_per_band` band rows), so a link shared by a
-- hundred thousand reports costs no more than a new one.
CREATE OR REPLACE FUNCTION iblagh_answer_for_report(
  p_item jsonb, p_answered text[], p_types text[], p_per_band int)
RETURNS uuid LANGUAGE plpgsql STABLE AS $$
DECLARE
  cids uuid[] := '{}';
  found record;
  sid uuid;
BEGIN
  IF jsonb_array_length(p_item->'urls') > 0 THEN
    cids := cids || ARRAY(
      SELECT c.id FROM case_links cl JOIN cases c ON c.id = cl.case_id
      WHERE cl.canonical_url IN (SELECT jsonb_array_elements_text(p_item->'urls'))
        AND c.kind = p_item->>'kind' AND c.status = ANY (p_answered)
      LIMIT 20);
  END IF;
  IF jsonb_array_length(coalesce(p_item->'media', '[]')) > 0 THEN
    cids := cids || ARRAY(
      SELECT c.id FROM jsonb_array_elements(p_item->'media') x
        JOIN report_media rm ON rm.sha256 = x->>'sha256'
        JOIN reports r ON r.id = rm.report_id
        JOIN cases c ON c.id = r.case_id
      WHERE c.kind = p_item->>'kind' AND c.status = ANY (p_answered)
      LIMIT 20);
  END IF;
  IF jsonb_array_length(p_item->'bands') > 0 THEN
    found := iblagh_case_for_exact_text((p_item->'bands'->>0)::bigint, p_item->>'description_norm',
      p_item->>'kind', p_answered, p_per_band);
    IF found.case_id IS NOT NULL THEN
      cids := cids || found.case_id;
    END IF;
  END IF;
  IF cardinality(cids) = 0 THEN
    RETURN NULL;
  END IF;
  SELECT s.id INTO sid FROM statements s
    WHERE s.case_id = ANY (cids) AND s.status = 'published' AND s.withdrawn_at IS NULL
      AND s.type = ANY (p_types)
    ORDER BY s.published_at DESC
    LIMIT 1;
  RETURN sid;
END
$$;
