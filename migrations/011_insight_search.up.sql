-- 011 insight search: same recipe as posts (005).
ALTER TABLE insights ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || content)) STORED;
CREATE INDEX insights_search_vector_idx ON insights USING gin (search_vector);

-- Ours: full-text matches for the current tenant that can use the GIN index under RLS
-- (see agenthq_match_posts in 005).
CREATE FUNCTION agenthq_match_insights(p_query text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.id FROM public.insights i
  WHERE i.search_vector @@ plainto_tsquery('english', p_query)
    AND i.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
REVOKE ALL ON FUNCTION agenthq_match_insights(text) FROM PUBLIC;
