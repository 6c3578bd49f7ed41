-- iblagh_intake(p jsonb): stores a batch of reports in one call (lib/reports/intake.ts builds
-- the payload). Repeatable: this file is the function's one source, applied with CREATE OR
-- REPLACE after the versioned migrations and again whenever its text changes
-- (lib/db/sql-files.ts). History: 0007 (first form), 0010 (text claims across instances), 0011
-- (plans that do not depend on statistics), 0012 (copies of a forwarded message store no band
-- rows when the case already holds their text); BENCHMARKS.md has the measurements.
--
-- The text-carrier invariant, kept here and by splitReport (lib/cases/carriers.ts): every open
-- case holding a forwarded message has a report carrying that text's bands. A copy skips its
-- bands only when the case it joins holds a report with the same normalised text that carries
-- them (checked under the case's lock) or an earlier report of this batch with the same text
-- joined it.
CREATE OR REPLACE FUNCTION iblagh_intake(p jsonb) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  idx int := 0;
  results json[] := '{}';
  assigned uuid[] := '{}';
  hit_count int;
  claimed text;
  prior_request text;
  prior_response text;
  cid uuid;
  cand record;
  carried boolean;
  carrier uuid;
  text_ids uuid[];
  link_cases uuid[];
  opened boolean;
  cnt int;
  pri text;
  recent int;
  nxt text;
  at_ts timestamptz;
  open_statuses text[] := ARRAY(SELECT jsonb_array_elements_text(p->'open_statuses'));
  surge_high int := (p->'surge'->>'high')::int;
  surge_urgent int := (p->'surge'->>'urgent')::int;
  -- Rows read per band key: lib/cases/match.ts's PER_BAND, the one definition.
  per_band int := (p->>'per_band')::int;
  m_reports text := p->'metrics'->>'reports';
  m_opened text := p->'metrics'->>'opened';
  m_joined text := p->'metrics'->>'joined';
  ranks text[] := ARRAY['low', 'normal', 'high', 'urgent'];
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
  text_ids := ARRAY(SELECT DISTINCT (t->>'case_id')::uuid FROM jsonb_array_elements(p->'items') x, jsonb_array_elements(x->'text') t);
  IF cardinality(text_ids) > 0 THEN
    PERFORM 1 FROM cases WHERE id = ANY (text_ids) ORDER BY id FOR UPDATE;
  END IF;

  FOR it IN SELECT * FROM jsonb_array_elements(p->'items') LOOP
    idx := idx + 1;
    assigned := assigned || NULL::uuid;
    at_ts := (it->>'at')::timestamptz;

    IF jsonb_typeof(it->'rate') = 'object' THEN
      INSERT INTO rate_limits (bucket, window_start, hits)
        VALUES (it->'rate'->>'bucket', (it->'rate'->>'window_start')::timestamptz, 1)
        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
        RETURNING hits INTO hit_count;
      IF hit_count > (it->'rate'->>'limit')::int THEN
        results := results || json_build_object('status', 'rate_limited', 'retry_after', (it->'rate'->>'retry_after')::int);
        CONTINUE;
      END IF;
    END IF;

    IF it->>'key_hash' IS NOT NULL THEN
      claimed := NULL;
      INSERT INTO idempotency_keys (key_hash, request_hash) VALUES (it->>'key_hash', it->>'request_hash')
        ON CONFLICT DO NOTHING RETURNING key_hash INTO claimed;
      IF claimed IS NULL THEN
        SELECT request_hash, response_enc INTO prior_request, prior_response FROM idempotency_keys WHERE key_hash = it->>'key_hash';
        results := results || json_build_object('status', 'replay', 'request_hash', prior_request, 'response_enc', prior_response);
        CONTINUE;
      END IF;
    END IF;

    -- The newest open case of this kind that has one of the links (earlier reports included).
    cid := NULL;
    carried := false;
    carrier := NULL;
    link_cases := ARRAY(SELECT l.case_id FROM case_links l WHERE l.canonical_url = ANY (ARRAY(SELECT jsonb_array_elements_text(it->'urls'))));
    IF cardinality(link_cases) > 0 THEN
      -- Not ORDER BY … LIMIT 1, which can walk every open case in that order.
      SELECT (array_agg(c.id ORDER BY c.latest_report_at DESC))[1] INTO cid
        FROM cases c WHERE c.id = ANY (link_cases) AND c.kind = it->>'kind' AND c.status = ANY (open_statuses);
    END IF;
    -- Else the best-scored text match still open: cases found before the call, or the case of an
    -- earlier report of this batch.
    IF cid IS NULL AND (jsonb_array_length(it->'text') > 0 OR jsonb_array_length(it->'like') > 0) THEN
      FOR cand IN SELECT m.id, m.report_id, m.same FROM (
          SELECT (t->>'case_id')::uuid AS id, (t->>'score')::float8 AS score, (t->>'report_id')::uuid AS report_id, false AS same
            FROM jsonb_array_elements(it->'text') t
          UNION ALL
          SELECT assigned[(l->>'j')::int + 1], (l->>'score')::float8, NULL, coalesce((l->>'same')::boolean, false) FROM jsonb_array_elements(it->'like') l
        ) m ORDER BY m.score DESC
      LOOP
        SELECT c.id INTO cid FROM cases c WHERE c.id = cand.id AND c.kind = it->>'kind' AND c.status = ANY (open_statuses);
        IF cid IS NOT NULL THEN
          carried := cand.same;
          carrier := cand.report_id;
          EXIT;
        END IF;
      END LOOP;
    END IF;

    -- Else an open case holding this exact text, opened since the app looked (by another
    -- instance, whose lock above this call waited for): read among the newest rows of one band key.
    IF cid IS NULL AND jsonb_array_length(it->'bands') > 0 THEN
      FOR cand IN SELECT b.report_id FROM report_text_bands b WHERE b.band_key = (it->'bands'->>0)::bigint ORDER BY b.seq DESC LIMIT per_band LOOP
        SELECT c.id INTO cid FROM reports r JOIN cases c ON c.id = r.case_id
          WHERE r.id = cand.report_id AND r.description_norm = it->>'description_norm' AND c.kind = it->>'kind' AND c.status = ANY (open_statuses);
        carrier := cand.report_id;
        EXIT WHEN cid IS NOT NULL;
      END LOOP;
    END IF;

    opened := cid IS NULL;
    IF opened THEN
      INSERT INTO cases (kind, category, summary, search_text, platforms, report_count, first_report_at, latest_report_at, status_changed_at)
        VALUES (it->>'kind', it->>'category', it->>'summary', it->>'search_text', ARRAY[it->>'platform'], 1, at_ts, at_ts, at_ts)
        RETURNING id INTO cid;
      INSERT INTO case_events (case_id, type, to_status, at) VALUES (cid, 'created', 'new', at_ts);
    ELSE
      UPDATE cases SET
          report_count = report_count + 1,
          latest_report_at = greatest(latest_report_at, at_ts),
          platforms = CASE WHEN it->>'platform' = ANY (platforms) THEN platforms ELSE array_append(platforms, it->>'platform') END
        WHERE id = cid
        RETURNING report_count, priority INTO cnt, pri;
    END IF;
    assigned[idx] := cid;
    INSERT INTO case_links (canonical_url, case_id) SELECT u, cid FROM jsonb_array_elements_text(it->'urls') u ON CONFLICT DO NOTHING;

    INSERT INTO reports (id, receipt_hash, kind, category, platform, description, description_norm, seen_at, contact_enc, locale, case_id, submitted_at)
      SELECT (it->>'id')::uuid, it->>'receipt_hash', it->>'kind', it->>'category', it->>'platform', it->>'description', it->>'description_norm',
        (it->>'seen_at')::timestamptz, it->>'contact_enc', it->>'locale', cid, at_ts;
    INSERT INTO report_links (report_id, position, url, canonical_url, platform)
      SELECT (it->>'id')::uuid, x.position, x.url, x.canonical_url, x.platform
      FROM jsonb_to_recordset(it->'links') AS x(position smallint, url text, canonical_url text, platform text);
    -- The report that carries this text's bands was found by them; checked now, under the case's
    -- row lock (taken by the update above), since a split may have moved it off meanwhile.
    IF NOT carried AND carrier IS NOT NULL AND NOT opened THEN
      carried := EXISTS (SELECT 1 FROM reports r WHERE r.id = carrier AND r.case_id = cid AND r.description_norm = it->>'description_norm');
    END IF;
    IF NOT carried THEN
      INSERT INTO report_text_bands (band_key, report_id)
        SELECT b::bigint, (it->>'id')::uuid FROM jsonb_array_elements_text(it->'bands') b;
    END IF;
    IF it->>'key_hash' IS NOT NULL THEN
      UPDATE idempotency_keys SET report_id = (it->>'id')::uuid, response_enc = it->>'answer' WHERE key_hash = it->>'key_hash';
    END IF;

    -- A surge raises the priority (never lowers it); counting reads at most `urgent` entries.
    IF NOT opened AND cnt >= surge_high AND pri <> 'urgent' THEN
      SELECT count(*) INTO recent FROM (
        SELECT 1 FROM reports WHERE case_id = cid AND submitted_at > at_ts - interval '1 hour' LIMIT surge_urgent
      ) r;
      nxt := CASE WHEN recent >= surge_urgent THEN 'urgent' WHEN recent >= surge_high THEN 'high' ELSE pri END;
      IF array_position(ranks, nxt) > array_position(ranks, pri) THEN
        UPDATE cases SET priority = nxt WHERE id = cid;
        INSERT INTO case_events (case_id, type, at, data)
          VALUES (cid, 'priority', at_ts, json_build_object('from', pri, 'to', nxt, 'reason', 'surge', 'reportsLastHour', recent)::jsonb);
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
      ) x;
    results := results || json_build_object('status', 'stored', 'case_id', cid, 'opened', opened);
  END LOOP;

  INSERT INTO stats_yearly (year, metric, dimension, shard, value)
    SELECT y, m, d, (p->>'shard')::smallint, count(*) FROM unnest(c_year, c_metric, c_dim) AS x(y, m, d)
    GROUP BY y, m, d
    ORDER BY y, m COLLATE "C", d COLLATE "C"
    ON CONFLICT (year, metric, dimension, shard) DO UPDATE SET value = stats_yearly.value + excluded.value;

  RETURN array_to_json(results);
END
$$;
