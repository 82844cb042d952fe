-- Recomputes re_metrics rows (rollup.cpp fills the {placeholders}: the touched-period CTEs, the
-- date expressions and the filters). outcomes: each closed or cancelled transaction with its
-- dates worked out once (MATERIALIZED, and OFFSET 0 on the laterals: inlined, the date parsing
-- would be repeated for every period and party row). credited: one row per party a transaction
-- counts for, the org (NULL) and each distinct agent of this org on it. counted: one row per
-- party and period. Row ids: $2 is this statement's ULID time part, completed by 16 random hex
-- digits (a subset of Crockford base32).
WITH {partial}
outcomes AS MATERIALIZED (
  SELECT t.status, t.sale_price, t.commission_amount, t.listing_agent_id, t.buyers_agent_id,
         d.day, {week} AS week, {month} AS month, d.closed_day - d.listed_day AS days_to_close
  FROM re_transactions t {bounds}
  CROSS JOIN LATERAL (SELECT t.key_dates ->> t.status AS outcome, t.key_dates ->> 'listed' AS listed,
                             t.key_dates ->> 'closed' AS closed OFFSET 0) AS k
  CROSS JOIN LATERAL (SELECT COALESCE({outcome_date}, (t.updated_at AT TIME ZONE 'UTC')::date) AS day,
                             {listed_date} AS listed_day, {closed_date} AS closed_day OFFSET 0) AS d
  WHERE t.org_id = $1 AND t.status IN ('closed', 'cancelled') {prefilter}),
credited AS (
  SELECT o.*, c.agent_id FROM outcomes o
  CROSS JOIN LATERAL (SELECT NULL::text UNION SELECT o.listing_agent_id UNION SELECT o.buyers_agent_id)
    AS c(agent_id)
  WHERE c.agent_id IS NULL OR EXISTS (SELECT 1 FROM agents a WHERE a.org_id = $1 AND a.id = c.agent_id)),
counted AS (
  SELECT c.*, p.period, p.period_start FROM credited c
  CROSS JOIN LATERAL (VALUES ('daily', c.day), ('weekly', c.week), ('monthly', c.month))
    AS p(period, period_start))
INSERT INTO re_metrics (id, org_id, agent_id, period, period_start, metrics)
SELECT $2 || upper(substr(md5(random()::text || clock_timestamp()::text), 1, 16)), $1, o.agent_id, o.period,
       o.period_start, jsonb_build_object(
         'closed_deals', count(*) FILTER (WHERE o.status = 'closed'),
         'total_units', count(*) FILTER (WHERE o.status = 'closed'),
         'total_volume', COALESCE(sum(o.sale_price) FILTER (WHERE o.status = 'closed'), 0),
         'avg_days_to_close',
           round(avg(o.days_to_close) FILTER (WHERE o.status = 'closed' AND o.days_to_close >= 0), 1),
         'commission_earned', COALESCE(sum(o.commission_amount) FILTER (WHERE o.status = 'closed'), 0),
         'cancelled_deals', count(*) FILTER (WHERE o.status = 'cancelled'),
         'conversion_rate', round((count(*) FILTER (WHERE o.status = 'closed'))::numeric / count(*), 4))
FROM counted o {only_touched}
GROUP BY o.agent_id, o.period, o.period_start
