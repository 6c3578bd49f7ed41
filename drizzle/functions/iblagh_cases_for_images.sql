-- iblagh_cases_for_images: the cases of this kind and these statuses that hold one of these
-- pictures, best first: exact copies (same SHA-256, distance 0, whatever their quality), then
-- PDQ hashes within `p_max_distance` bits among those of quality ≥ `p_min_quality`, nearest
-- first, then the newest case. `p_media`: [{sha256, pdq (hex), quality}]. Bounded: at most
-- 16 × 17 index keys per picture (iblagh_pdq_chunks), `p_max_per_key` entries each.
-- Intake takes the first open one (iblagh_case_for_images); the case page lists closed ones
-- answered before (lib/cases/answered.ts). PL/pgSQL: its body is checked when it runs, not when
-- its file is applied (files go in name order; iblagh_pdq_chunks comes later).
-- Its last parameter was renamed once, which CREATE OR REPLACE cannot do: dropped first.
DROP FUNCTION IF EXISTS iblagh_cases_for_images(jsonb, text, text[], int, int, int, int);
CREATE OR REPLACE FUNCTION iblagh_cases_for_images(
  p_media jsonb, p_kind text, p_statuses text[], p_max_distance int, p_min_quality int,
  p_limit int DEFAULT 5, p_max_per_key int DEFAULT 500)
RETURNS TABLE (case_id uuid, distance int) LANGUAGE plpgsql STABLE AS $$
DECLARE
  shas text[];
  ds int[];
BEGIN
  -- First the pictures within reach, a handful: then their reports and cases by index. (One
  -- query for both was planned from a guess of 100 rows per JSON array and joined report_media
  -- by a hash over all of it: ~0.5 s at a million pictures; BENCHMARKS.md.)
  WITH wanted AS (
    SELECT x->>'sha256' AS sha256,
      CASE WHEN x->>'pdq' IS NOT NULL AND (x->>'quality')::int >= p_min_quality
        THEN ('x' || (x->>'pdq'))::bit(256) END AS hash
    FROM jsonb_array_elements(p_media) x
  ), near AS (
    SELECT w.sha256, 0 AS d FROM wanted w
    UNION ALL
    -- Each of the 272 keys read on its own (an index range each), the distance checked from the
    -- index entry itself (its INCLUDE holds the hash); at most `p_max_per_key` entries a key.
    SELECT k.sha256, bit_count(k.pdq # w.hash)::int
    FROM wanted w
      CROSS JOIN LATERAL iblagh_pdq_chunks(w.hash, true) n
      CROSS JOIN LATERAL (
        SELECT kk.sha256, kk.pdq FROM media_hash_chunks kk
        WHERE kk.chunk = n.chunk AND kk.value = n.value
        LIMIT p_max_per_key) k
    WHERE w.hash IS NOT NULL AND bit_count(k.pdq # w.hash) <= p_max_distance
  )
  SELECT array_agg(near.sha256), array_agg(near.d) INTO shas, ds FROM near;
  RETURN QUERY
    SELECT c.id, min(x.d)::int
    FROM unnest(shas, ds) AS x(sha256, d)
      JOIN report_media rm ON rm.sha256 = x.sha256
      JOIN reports r ON r.id = rm.report_id
      JOIN cases c ON c.id = r.case_id
    WHERE c.kind = p_kind AND c.status = ANY (p_statuses)
    GROUP BY c.id, c.latest_report_at
    ORDER BY min(x.d), c.latest_report_at DESC
    LIMIT p_limit;
END
$$;
