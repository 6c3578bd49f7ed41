-- iblagh_case_for_exact_text: an open case holding this exact text, opened since the app
-- scored its candidates (by another instance, whose text lock the caller waited for). Reads
-- the newest `p_per_band` rows of one band key (PER_BAND in lib/cases/matching, sent in the
-- payload): a message forwarded a hundred thousand times stays a bounded read.
CREATE OR REPLACE FUNCTION iblagh_case_for_exact_text(
  p_band_key bigint, p_norm text, p_kind text, p_open text[], p_per_band int,
  OUT case_id uuid, OUT carrier uuid)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  rid uuid;
BEGIN
  FOR rid IN SELECT b.report_id FROM report_text_bands b
      WHERE b.band_key = p_band_key ORDER BY b.seq DESC LIMIT p_per_band LOOP
    SELECT c.id INTO case_id FROM reports r JOIN cases c ON c.id = r.case_id
      WHERE r.id = rid AND r.description_norm = p_norm AND c.kind = p_kind AND c.status = ANY (p_open);
    IF case_id IS NOT NULL THEN
      carrier := rid;
      RETURN;
    END IF;
  END LOOP;
END
$$;
