-- iblagh_case_for_images: for intake, the open case of this kind that already holds one of
-- these pictures, the best of iblagh_cases_for_images (an exact copy first, else the nearest
-- PDQ hash within the threshold); null when none.
CREATE OR REPLACE FUNCTION iblagh_case_for_images(
  p_media jsonb, p_kind text, p_open text[], p_max_distance int, p_min_quality int,
  OUT case_id uuid, OUT distance int)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  SELECT f.case_id, f.distance INTO case_id, distance
    FROM iblagh_cases_for_images(p_media, p_kind, p_open, p_max_distance, p_min_quality, 1) f;
END
$$;
