-- iblagh_pdq_hex: a stored PDQ hash as the 64 hex digits the app and the reference print.
CREATE OR REPLACE FUNCTION iblagh_pdq_hex(p_hash bit(256)) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(lpad(to_hex(substring(p_hash FROM k * 16 + 1 FOR 16)::int), 4, '0'), '' ORDER BY k)
  FROM generate_series(0, 15) k
$$;
