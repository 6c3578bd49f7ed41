-- iblagh_cases_for_images: the cases of this kind and these statuses that hold one of these
-- pictures, best first: exact copies (same SHA-256, distance 0, whatever their quality), then
-- PDQ hashes within `p_max_distance` bits among those of quality ≥ `p_min_quality`, nearest
-- first, then the newest case. `p_media`: [{sha256, pdq (hex), quality}]. Bounded: at most
-- 16 × 17 index keys per picture (iblagh_pdq_chunks) and `p_max_candidates` hashes.
-- Intake takes the first open one (iblagh_case_for_images); the case page lists closed ones
-- answered before (lib/cases/answered.ts). PL/pgSQL: its body is checked when it runs, not when
-- its file is applied (files go in name order; iblagh_pdq_chunks comes later).
CREATE OR REPLACE FUNCTION iblagh_cases_for_images(
  p_media jsonb, p_kind text, p_statuses text[], p_max_distance int, p_min_quality int,
  p_limit int DEFAULT 5, p_max_candidates int DEFAULT 2000)
RETURNS TABLE (case_id uuid, distance int) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY WITH wanted AS (
    SELECT x->>'sha256' AS sha256,
      CASE WHEN x->>'pdq' IS NOT NULL AND (x->>'quality')::int >= p_min_quality
        THEN ('x' || (x->>'pdq'))::bit(256) END AS hash
    FROM jsonb_array_elements(p_media) x
  ), near AS (
    SELECT sha256, 0 AS d FROM wanted
    UNION ALL
    SELECT m.sha256, bit_count(m.pdq # w.hash)::int
    FROM wanted w
      CROSS JOIN LATERAL (
        SELECT DISTINCT k.sha256 FROM media_hash_chunks k
          JOIN iblagh_pdq_chunks(w.hash, true) n ON n.chunk = k.chunk AND n.value = k.value
          LIMIT p_max_candidates) cand
      JOIN media m ON m.sha256 = cand.sha256
    WHERE w.hash IS NOT NULL AND bit_count(m.pdq # w.hash) <= p_max_distance
  )
  SELECT c.id, min(near.d)::int
  FROM near
    JOIN report_media rm ON rm.sha256 = near.sha256
    JOIN reports r ON r.id = rm.report_id
    JOIN cases c ON c.id = r.case_id
  WHERE c.kind = p_kind AND c.status = ANY (p_statuses)
  GROUP BY c.id, c.latest_report_at
  ORDER BY min(near.d), c.latest_report_at DESC
  LIMIT p_limit;
END
$$;
