-- iblagh_store_report: writes one report of a batch (`p_item`, built by lib/reports/store.ts)
-- on the case it joined or opened: the report, its links, its pictures (stored beforehand by
-- iblagh_store_media), the case's links, its MinHash bands
-- unless a report of the case already carries this text (`p_carried`), and the answer a retry
-- under its idempotency key replays. `answered_by`: the statement that already answered it
-- (iblagh_answer_for_report), when one did. `notify`: the reporter asked to be told; their
-- confirmation goes to the outbox (lib/mail) with the report.
CREATE OR REPLACE FUNCTION iblagh_store_report(p_item jsonb, p_case uuid, p_carried boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rid uuid := (p_item->>'id')::uuid;
BEGIN
  INSERT INTO case_links (canonical_url, case_id)
    SELECT u, p_case FROM jsonb_array_elements_text(p_item->'urls') u ON CONFLICT DO NOTHING;
  INSERT INTO reports (id, receipt_hash, kind, category, platform, description, description_norm,
      seen_at, contact_enc, locale, case_id, submitted_at, answered_by, notify)
    VALUES (rid, p_item->>'receipt_hash', p_item->>'kind', p_item->>'category',
      p_item->>'platform', p_item->>'description', p_item->>'description_norm',
      (p_item->>'seen_at')::timestamptz, p_item->>'contact_enc', p_item->>'locale', p_case,
      (p_item->>'at')::timestamptz, (p_item->>'answered_by')::uuid,
      coalesce((p_item->>'notify')::boolean, false));
  -- "Tell me the outcome": the confirmation, in the same transaction as the report.
  IF (p_item->>'notify')::boolean THEN
    INSERT INTO outbox (report_id, kind, payload_enc) VALUES (rid, 'confirmation', p_item->>'confirmation_enc');
  END IF;
  INSERT INTO report_links (report_id, position, url, canonical_url, platform)
    SELECT rid, x.position, x.url, x.canonical_url, x.platform
    FROM jsonb_to_recordset(p_item->'links') AS x(position smallint, url text, canonical_url text, platform text);
  IF NOT p_carried THEN
    INSERT INTO report_text_bands (band_key, report_id)
      SELECT b::bigint, rid FROM jsonb_array_elements_text(p_item->'bands') b;
  END IF;
  INSERT INTO report_media (report_id, position, sha256)
    SELECT rid, (x.n - 1)::smallint, x.m->>'sha256'
    FROM jsonb_array_elements(coalesce(p_item->'media', '[]')) WITH ORDINALITY AS x(m, n);
  IF p_item->>'key_hash' IS NOT NULL THEN
    UPDATE idempotency_keys SET report_id = rid, response_enc = p_item->>'answer'
      WHERE key_hash = p_item->>'key_hash';
  END IF;
END
$$;
