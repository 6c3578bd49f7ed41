-- iblagh_case_for_images: for intake, the open case of this kind that already holds one of
-- these pictures, the best of iblagh_cases_for_images (an exact copy first, else the nearest
-- PDQ hash within the threshold); null when none. An exact copy in an open case is looked up
-- first, by its SHA-256 alone, and the first one found is taken (the copies join one case, so
-- there is one in practice): the screenshot a thousand citizens forward costs a few index
-- reads each, not 272 PDQ keys nor a sort of every report that sent it.
CREATE OR REPLACE FUNCTION iblagh_case_for_images(
  p_media jsonb, p_kind text, p_open text[], p_max_distance int, p_min_quality int,
  OUT case_id uuid, OUT distance int)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  SELECT c.id, 0 INTO case_id, distance
    FROM jsonb_array_elements(p_media) x
      JOIN report_media rm ON rm.sha256 = x->>'sha256'
      JOIN reports r ON r.id = rm.report_id
      JOIN cases c ON c.id = r.case_id
    WHERE c.kind = p_kind AND c.status = ANY (p_open)
    LIMIT 1;
  IF FOUND THEN
    RETURN;
  END IF;
  SELECT f.case_id, f.distance INTO case_id, distance
    FROM iblagh_cases_for_images(p_media, p_kind, p_open, p_max_distance, p_min_quality, 1) f;
END
$$;
