-- iblagh_pdq_chunks: a PDQ hash as 16 chunks of 16 bits (chunk 0 = the first 16 bits), the keys
-- of multi-index hashing (media_hash_chunks). With `p_neighbours`, each chunk's value and the
-- 16 values one bit away: two hashes within 31 bits share at least one chunk within one bit
-- (16 chunks × 2 bits > 31), so these 272 keys find every hash within 31 of this one.
CREATE OR REPLACE FUNCTION iblagh_pdq_chunks(p_hash bit(256), p_neighbours boolean DEFAULT false)
RETURNS TABLE (chunk smallint, value int) LANGUAGE sql IMMUTABLE AS $$
  SELECT k::smallint, (substring(p_hash FROM k * 16 + 1 FOR 16)::int) # f
  FROM generate_series(0, 15) k,
    LATERAL (SELECT 0 AS f UNION ALL
      SELECT 1 << b FROM generate_series(0, 15) b WHERE p_neighbours) flips
$$;
