-- iblagh_case_for_links: the newest open case of this kind that has one of the links (its
-- earlier reports' links included), or null. Links identify content better than words, so
-- they are tried first. `p_urls` is the payload's JSON array of canonical links: passed as it
-- is, the call stays a simple expression for PL/pgSQL (an ARRAY(SELECT …) argument made each
-- call a query of its own; BENCHMARKS.md).
CREATE OR REPLACE FUNCTION iblagh_case_for_links(p_urls jsonb, p_kind text, p_open text[])
RETURNS uuid LANGUAGE plpgsql STABLE AS $$
DECLARE
  found uuid[];
  cid uuid;
BEGIN
  found := ARRAY(SELECT l.case_id FROM case_links l
    WHERE l.canonical_url = ANY (ARRAY(SELECT jsonb_array_elements_text(p_urls))));
  IF cardinality(found) = 0 THEN
    RETURN NULL;
  END IF;
  -- Not ORDER BY … LIMIT 1, which can walk every open case in that order.
  SELECT (array_agg(c.id ORDER BY c.latest_report_at DESC))[1] INTO cid
    FROM cases c WHERE c.id = ANY (found) AND c.kind = p_kind AND c.status = ANY (p_open);
  RETURN cid;
END
$$;
