-- iblagh_case_for_text: the best-scored text candidate still open, of this kind.
-- `p_text`: open cases whose reports read like this one, scored by the app before the call
-- (lib/cases/matching/hints.ts): {case_id, report_id (the carrier of its bands), score}.
-- `p_like`: earlier reports of the same batch that read like it: {j (their index), score,
-- same}; `p_batch_cases` holds the case each earlier report of the batch went to. `carried` is
-- true when the chosen one is an earlier report with exactly this text (then this copy stores
-- no bands of its own). Arguments are plain values so that the call stays a simple expression.
CREATE OR REPLACE FUNCTION iblagh_case_for_text(
  p_text jsonb, p_like jsonb, p_batch_cases uuid[], p_kind text, p_open text[],
  OUT case_id uuid, OUT carrier uuid, OUT carried boolean)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  cand record;
BEGIN
  carried := false;
  FOR cand IN SELECT m.id, m.report_id, m.same FROM (
      SELECT (t->>'case_id')::uuid AS id, (t->>'score')::float8 AS score, (t->>'report_id')::uuid AS report_id, false AS same
        FROM jsonb_array_elements(p_text) t
      UNION ALL
      SELECT p_batch_cases[(l->>'j')::int + 1], (l->>'score')::float8, NULL, coalesce((l->>'same')::boolean, false)
        FROM jsonb_array_elements(p_like) l
    ) m ORDER BY m.score DESC
  LOOP
    SELECT c.id INTO case_id FROM cases c WHERE c.id = cand.id AND c.kind = p_kind AND c.status = ANY (p_open);
    IF case_id IS NOT NULL THEN
      carrier := cand.report_id;
      carried := cand.same;
      RETURN;
    END IF;
  END LOOP;
END
$$;
