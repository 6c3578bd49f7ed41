-- iblagh_claim_idempotency: claims an idempotency key for this request. `claimed` is false when
-- another request holds it; that request has committed (the insert waited for it), so its
-- request hash and encrypted answer are final and returned for the replay.
CREATE OR REPLACE FUNCTION iblagh_claim_idempotency(
  p_key_hash text, p_request_hash text,
  OUT claimed boolean, OUT prior_request text, OUT prior_response text)
LANGUAGE plpgsql AS $$
DECLARE
  k text;
BEGIN
  INSERT INTO idempotency_keys (key_hash, request_hash) VALUES (p_key_hash, p_request_hash)
    ON CONFLICT DO NOTHING RETURNING key_hash INTO k;
  claimed := k IS NOT NULL;
  IF NOT claimed THEN
    SELECT i.request_hash, i.response_enc INTO prior_request, prior_response
      FROM idempotency_keys i WHERE i.key_hash = p_key_hash;
  END IF;
END
$$;
