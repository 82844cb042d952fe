CREATE OR REPLACE FUNCTION agenthq_match_posts(p_query text)
RETURNS TABLE (id text, channel_id text, created_at timestamptz, rank real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.channel_id, p.created_at, ts_rank(p.search_vector, q)
  FROM public.posts p, plainto_tsquery('english', p_query) q
  WHERE p.search_vector @@ q AND p.parent_id IS NULL
    AND p.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
DROP TABLE post_edits;
ALTER TABLE posts DROP COLUMN deleted_at;
ALTER TABLE posts DROP COLUMN edited_at;
