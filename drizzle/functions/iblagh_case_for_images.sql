-- iblagh_case_for_images: the open case of this kind that already holds one of these pictures:
-- an exact copy (same SHA-256, whatever its quality), else the nearest PDQ hash within
-- `p_max_distance` bits (31, the reference's threshold) among hashes of quality ≥
-- `p_min_quality`. `p_media`: [{sha256, pdq (hex), quality}]. The lookup reads at most
-- 16 × 17 index keys per picture (iblagh_pdq_chunks) and at most `p_max_candidates` rows.
CREATE OR REPLACE FUNCTION iblagh_case_for_images(
  p_media jsonb, p_kind text, p_open text[], p_max_distance int, p_min_quality int,
  p_max_candidates int DEFAULT 2000, OUT case_id uuid, OUT distance int)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  SELECT (array_agg(c.id ORDER BY c.latest_report_at DESC))[1], 0 INTO case_id, distance
    FROM report_media rm JOIN reports r ON r.id = rm.report_id JOIN cases c ON c.id = r.case_id
    WHERE rm.sha256 IN (SELECT x->>'sha256' FROM jsonb_array_elements(p_media) x)
      AND c.kind = p_kind AND c.status = ANY (p_open);
  IF case_id IS NOT NULL THEN
    RETURN;
  END IF;
  SELECT c.id, near.d INTO case_id, distance
    FROM (
      SELECT m.sha256, min(bit_count(m.pdq # h.hash))::int AS d
      FROM (SELECT ('x' || (x->>'pdq'))::bit(256) AS hash FROM jsonb_array_elements(p_media) x
              WHERE x->>'pdq' IS NOT NULL AND (x->>'quality')::int >= p_min_quality) h
        CROSS JOIN LATERAL (
          SELECT DISTINCT k.sha256 FROM media_hash_chunks k
            JOIN iblagh_pdq_chunks(h.hash, true) n ON n.chunk = k.chunk AND n.value = k.value
            LIMIT p_max_candidates) cand
        JOIN media m ON m.sha256 = cand.sha256
      WHERE bit_count(m.pdq # h.hash) <= p_max_distance
      GROUP BY m.sha256
    ) near
    JOIN report_media rm ON rm.sha256 = near.sha256
    JOIN reports r ON r.id = rm.report_id
    JOIN cases c ON c.id = r.case_id
    WHERE c.kind = p_kind AND c.status = ANY (p_open)
    ORDER BY near.d, c.latest_report_at DESC
    LIMIT 1;
END
$$;
