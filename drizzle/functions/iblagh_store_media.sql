-- iblagh_store_media: one normalised picture, stored once by its SHA-256 (a screenshot sent by a
-- thousand citizens is one row); its PDQ chunks are indexed when its quality makes the hash
-- meaningful (`p_min_quality`, PDQ_MIN_QUALITY of lib/image/pdq.ts). Called by
-- lib/reports/store.ts in the batch's transaction, before iblagh_store_reports links it.
CREATE OR REPLACE FUNCTION iblagh_store_media(
  p_sha256 text, p_kind text, p_mime text, p_bytes bytea, p_thumb bytea, p_width int,
  p_height int, p_pdq text, p_quality int, p_min_quality int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h bit(256) := CASE WHEN p_pdq IS NULL THEN NULL ELSE ('x' || p_pdq)::bit(256) END;
  added text;
BEGIN
  INSERT INTO media (sha256, kind, mime, bytes, thumb, width, height, size, pdq, pdq_quality)
    VALUES (p_sha256, p_kind, p_mime, p_bytes, p_thumb, p_width, p_height, length(p_bytes), h, p_quality)
    ON CONFLICT (sha256) DO NOTHING
    RETURNING sha256 INTO added;
  IF added IS NOT NULL AND h IS NOT NULL AND p_quality >= p_min_quality THEN
    INSERT INTO media_hash_chunks (chunk, value, sha256, pdq)
      SELECT c.chunk, c.value, p_sha256, h FROM iblagh_pdq_chunks(h) c;
  END IF;
END
$$;
