-- iblagh_claim_rate: one hit on a fixed-window counter, shared by every app instance; returns
-- the window's hits including this one. The only writer of rate_limits: lib/security/
-- rate-limit.ts and iblagh_store_reports call it; the caller compares with its limit.
-- PL/pgSQL rather than SQL, here and in the other small functions: PostgreSQL before 18 plans
-- a SQL function's statement at every call, PL/pgSQL keeps the plan for the session.
CREATE OR REPLACE FUNCTION iblagh_claim_rate(p_bucket text, p_window_start timestamptz)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  n int;
BEGIN
  INSERT INTO rate_limits (bucket, window_start, hits) VALUES (p_bucket, p_window_start, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits INTO n;
  RETURN n;
END
$$;
