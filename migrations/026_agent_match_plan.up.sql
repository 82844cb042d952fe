-- 026 (ours, issue 8): agenthq_match_agents in PL/pgSQL. GET /search matches agents live on
-- every request (their presence follows the clock, so they are never cached), and a LANGUAGE
-- sql function that cannot be inlined (SECURITY DEFINER, SET search_path) has its body parsed
-- and planned again on every call; PL/pgSQL keeps the plan for the session. Same rows, same
-- rights, same search_path.
CREATE OR REPLACE FUNCTION agenthq_match_agents(p_query text) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
    SELECT a.id FROM public.agents a
    WHERE a.search_vector @@ plainto_tsquery('english', p_query)
      AND a.org_id = NULLIF(current_setting('app.org_id', true), '');
END
$$;
