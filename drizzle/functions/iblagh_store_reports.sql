-- iblagh_store_reports(p jsonb): stores a batch of reports in one call, each as if it had been
-- submitted alone and in this order; returns an outcome per report. The payload is
-- `StorePayload` in lib/cases/matching/payload.ts, built by lib/reports/store.ts. Each step
-- is a function of its own file, tested alone (lib/db/functions.db.test.ts):
--   rate claim → idempotency claim → case for links → case for images → case for text
--   (scored by the app) →
--   case for the exact text → open or join → the statement that already answers it → store
--   the report → raise priority; the roll-up counters of the whole batch
--   are bumped last.
--
-- The text-carrier invariant, kept here and by keepTextCarriers (lib/cases/matching): every
-- open case holding a forwarded message has a report carrying that text's bands. A copy skips
-- its bands only when the case it joins holds a report with the same normalised text that
-- carries them (checked under the case's lock) or an earlier report of this batch with the
-- same text joined it.
CREATE OR REPLACE FUNCTION iblagh_store_reports(p jsonb) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  idx int := 0;
  results json[] := '{}';
  assigned uuid[] := '{}';
  claim record;
  found record;
  cid uuid;
  carried boolean;
  carrier uuid;
  text_ids uuid[];
  opened boolean;
  joined record;
  at_ts timestamptz;
  open_statuses text[] := ARRAY(SELECT jsonb_array_elements_text(p->'open_statuses'));
  ranks text[] := ARRAY(SELECT jsonb_array_elements_text(p->'priorities'));
  per_band int := (p->>'per_band')::int;
  pdq_max int := (p->'pdq'->>'max_distance')::int;
  pdq_min int := (p->'pdq'->>'min_quality')::int;
  by_image boolean;
  image_match record;
  surge_high int := (p->'surge'->>'high')::int;
  m_reports text := p->'metrics'->>'reports';
  m_opened text := p->'metrics'->>'opened';
  m_joined text := p->'metrics'->>'joined';
  m_with_images text := p->'metrics'->>'with_images';
  m_by_image text := p->'metrics'->>'joined_by_image';
  m_answered text := p->'metrics'->>'answered';
  answered_statuses text[] := ARRAY(SELECT jsonb_array_elements_text(p->'answered_statuses'));
  answer_types text[] := ARRAY(SELECT jsonb_array_elements_text(p->'answer_types'));
  answer_id uuid;
  c_year int[] := '{}';
  c_metric text[] := '{}';
  c_dim text[] := '{}';
BEGIN
  -- Every link of the batch, in one fixed order; and the cases text matching may join.
  PERFORM pg_advisory_xact_lock(hashtext(u))
    FROM (SELECT DISTINCT jsonb_array_elements_text(x->'urls') AS u FROM jsonb_array_elements(p->'items') x ORDER BY 1) s;
  -- Every forwarded message of the batch by its exact text, in one fixed order, in the two-key
  -- space (apart from the links'): another instance storing the same new message waits here.
  PERFORM pg_advisory_xact_lock(1, hashtext(t))
    FROM (SELECT DISTINCT (x->>'kind') || ':' || (x->>'description_norm') AS t FROM jsonb_array_elements(p->'items') x
          WHERE jsonb_array_length(x->'bands') > 0 ORDER BY 1) s;
  -- Pictures are matched by nearness, which no exact key serialises: batches carrying any
  -- picture take one lock, across instances (a batch at a time per instance already).
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p->'items') x WHERE jsonb_array_length(coalesce(x->'media', '[]')) > 0) THEN
    PERFORM pg_advisory_xact_lock(2, 0);
  END IF;
  text_ids := ARRAY(SELECT DISTINCT (t->>'case_id')::uuid FROM jsonb_array_elements(p->'items') x, jsonb_array_elements(x->'text') t);
  IF cardinality(text_ids) > 0 THEN
    PERFORM 1 FROM cases WHERE id = ANY (text_ids) ORDER BY id FOR UPDATE;
  END IF;

  FOR it IN SELECT * FROM jsonb_array_elements(p->'items') LOOP
    idx := idx + 1;
    assigned := assigned || NULL::uuid;
    at_ts := (it->>'at')::timestamptz;

    IF jsonb_typeof(it->'rate') = 'object'
        AND iblagh_claim_rate(it->'rate'->>'bucket', (it->'rate'->>'window_start')::timestamptz) > (it->'rate'->>'limit')::int THEN
      results := results || json_build_object('status', 'rate_limited', 'retry_after', (it->'rate'->>'retry_after')::int);
      CONTINUE;
    END IF;

    IF it->>'key_hash' IS NOT NULL THEN
      claim := iblagh_claim_idempotency(it->>'key_hash', it->>'request_hash');
      IF NOT claim.claimed THEN
        results := results || json_build_object('status', 'replay', 'request_hash', claim.prior_request, 'response_enc', claim.prior_response,
          'answered_by', (SELECT r.answered_by FROM idempotency_keys k JOIN reports r ON r.id = k.report_id WHERE k.key_hash = it->>'key_hash'));
        CONTINUE;
      END IF;
    END IF;

    carried := false;
    carrier := NULL;
    cid := NULL;
    IF jsonb_array_length(it->'urls') > 0 THEN
      cid := iblagh_case_for_links(it->'urls', it->>'kind', open_statuses);
    END IF;
    -- Else the open case holding the same picture, or the nearest within the PDQ threshold.
    by_image := false;
    IF cid IS NULL AND jsonb_array_length(coalesce(it->'media', '[]')) > 0 THEN
      image_match := iblagh_case_for_images(it->'media', it->>'kind', open_statuses, pdq_max, pdq_min);
      cid := image_match.case_id;
      by_image := cid IS NOT NULL;
    END IF;
    -- Else the best-scored text match still open: cases found before the call, or the case of
    -- an earlier report of this batch.
    IF cid IS NULL AND (jsonb_array_length(it->'text') > 0 OR jsonb_array_length(it->'like') > 0) THEN
      found := iblagh_case_for_text(it->'text', it->'like', assigned, it->>'kind', open_statuses);
      cid := found.case_id;
      carrier := found.carrier;
      carried := found.carried;
    END IF;
    -- Else an open case holding this exact text, opened since the app looked.
    IF cid IS NULL AND jsonb_array_length(it->'bands') > 0 THEN
      found := iblagh_case_for_exact_text((it->'bands'->>0)::bigint, it->>'description_norm', it->>'kind', open_statuses, per_band);
      cid := found.case_id;
      carrier := found.carrier;
    END IF;

    opened := cid IS NULL;
    IF opened THEN
      cid := (iblagh_open_case(it->>'kind', it->>'category', it->>'summary', it->>'search_text', it->>'platform', at_ts, at_ts)).id;
    ELSE
      joined := iblagh_join_case(cid, it->>'platform', at_ts);
      -- The report that carries this text's bands was found by them; checked now, under the
      -- case's row lock (taken by the join), since a split may have moved it off meanwhile.
      IF NOT carried AND carrier IS NOT NULL THEN
        carried := EXISTS (SELECT 1 FROM reports r WHERE r.id = carrier AND r.case_id = cid AND r.description_norm = it->>'description_norm');
      END IF;
    END IF;
    assigned[idx] := cid;
    -- Content a published statement already answered: the receipt says so. Matching joins open
    -- cases only, so a rumour that comes back after its denial opens a new case, and the copies
    -- that follow join that one: each report is looked up, not only the one that opened it.
    answer_id := NULL;
    IF cardinality(answer_types) > 0 THEN
      answer_id := iblagh_answer_for_report(it, answered_statuses, answer_types, per_band);
      IF answer_id IS NOT NULL THEN
        it := jsonb_set(it, '{answered_by}', to_jsonb(answer_id));
      END IF;
    END IF;
    PERFORM iblagh_store_report(it, cid, carried);
    -- Below the surge threshold nothing is counted: the call is skipped.
    IF NOT opened THEN
      IF joined.report_count >= surge_high THEN
        PERFORM iblagh_raise_priority(cid, at_ts, joined.report_count, joined.priority, p->'surge', ranks);
      END IF;
    END IF;

    -- This report's counters: the year total, its month, its breakdowns; opened or joined.
    SELECT c_year || array_agg((it->>'year')::int), c_metric || array_agg(m), c_dim || array_agg(d)
      INTO c_year, c_metric, c_dim
      FROM (
        SELECT m_reports AS m, d FROM jsonb_array_elements_text(it->'dims') d
        UNION ALL
        SELECT CASE WHEN opened THEN m_opened ELSE m_joined END, d
          FROM jsonb_array_elements_text(CASE WHEN opened THEN it->'opened_dims' ELSE it->'joined_dims' END) d
        UNION ALL
        -- Reports with pictures, those a picture joined to a case, and those a statement
        -- answered at once: the year and its month.
        SELECT m, d FROM jsonb_array_elements_text(it->'dims') WITH ORDINALITY AS x(d, n),
            (SELECT m_with_images AS m WHERE jsonb_array_length(coalesce(it->'media', '[]')) > 0
             UNION ALL SELECT m_by_image WHERE by_image
             UNION ALL SELECT m_answered WHERE answer_id IS NOT NULL) ms
          WHERE x.n <= 2
      ) x;
    results := results || json_build_object('status', 'stored', 'case_id', cid, 'opened', opened, 'answered_by', answer_id);
  END LOOP;

  PERFORM iblagh_bump_counters(c_year, c_metric, c_dim, array_fill(1::bigint, ARRAY[cardinality(c_year)]), (p->>'shard')::smallint);
  RETURN array_to_json(results);
END
$$;
