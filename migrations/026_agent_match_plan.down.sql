CREATE OR REPLACE FUNCTION agenthq_match_agents(p_query text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id FROM public.agents a
  WHERE a.search_vector @@ plainto_tsquery('english', p_query)
    AND a.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
