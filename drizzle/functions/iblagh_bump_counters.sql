-- iblagh_bump_counters: adds to the yearly roll-up, one row per (year, metric, dimension) on one
-- shard, in one fixed row order so that concurrent writers never deadlock. The only writer of
-- stats_yearly's running counts: lib/stats/rollup.ts's bump() and iblagh_store_reports call it.
-- Equal keys given more than once are summed.
CREATE OR REPLACE FUNCTION iblagh_bump_counters(
  p_years int[], p_metrics text[], p_dims text[], p_values bigint[], p_shard smallint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_yearly (year, metric, dimension, shard, value)
    SELECT y, m, d, p_shard, sum(v) FROM unnest(p_years, p_metrics, p_dims, p_values) AS x(y, m, d, v)
    GROUP BY y, m, d
    ORDER BY y, m COLLATE "C", d COLLATE "C"
    ON CONFLICT (year, metric, dimension, shard) DO UPDATE SET value = stats_yearly.value + excluded.value;
END
$$;
