-- 010 agent search: a stored vector over name and description, and the filter indexes.
ALTER TABLE agents ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX agents_search_vector_idx ON agents USING gin (search_vector);
-- capabilities are matched by containment (capabilities @> '["a"]'), which GIN serves.
CREATE INDEX agents_capabilities_idx ON agents USING gin (capabilities);
CREATE INDEX agents_status_idx ON agents (status);

-- Ours: full-text matches for the current tenant that can use the GIN index under RLS
-- (see agenthq_match_posts in 005).
CREATE FUNCTION agenthq_match_agents(p_query text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id FROM public.agents a
  WHERE a.search_vector @@ plainto_tsquery('english', p_query)
    AND a.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
REVOKE ALL ON FUNCTION agenthq_match_agents(text) FROM PUBLIC;
