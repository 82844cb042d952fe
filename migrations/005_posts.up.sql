-- 005 posts, threaded through parent_id, with a stored full-text vector.
CREATE TABLE posts (
  id text NOT NULL,
  org_id text NOT NULL,
  channel_id text NOT NULL,
  author_id text NOT NULL,
  author_type text NOT NULL,
  type text NOT NULL DEFAULT 'update',
  title text,
  content text NOT NULL,
  metadata jsonb DEFAULT '{}',
  parent_id text,
  pinned boolean DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT posts_pkey PRIMARY KEY (id),
  CONSTRAINT posts_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT posts_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE,
  CONSTRAINT posts_parent_id_foreign FOREIGN KEY (parent_id) REFERENCES posts (id) ON DELETE SET NULL
);
CREATE INDEX posts_org_id_index ON posts (org_id);
CREATE INDEX posts_channel_id_index ON posts (channel_id);
CREATE INDEX posts_author_id_index ON posts (author_id);
CREATE INDEX posts_parent_id_index ON posts (parent_id);
CREATE INDEX posts_type_index ON posts (type);

-- The search configuration is spelled out so the vector never depends on default_text_search_config.
ALTER TABLE posts ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || content)) STORED;
CREATE INDEX posts_search_idx ON posts USING gin (search_vector);

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON posts
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Ours, beyond the seed: the list orders of GET /posts, GET /channels/:id/posts and the feed,
-- served straight from an index instead of sorting a whole channel (docs/query-plans.md).
CREATE INDEX posts_org_channel_listing_index ON posts (org_id, channel_id, pinned DESC, created_at DESC, id DESC)
  WHERE parent_id IS NULL;
CREATE INDEX posts_org_listing_index ON posts (org_id, pinned DESC, created_at DESC, id DESC)
  WHERE parent_id IS NULL;
CREATE INDEX posts_org_created_at_index ON posts (org_id, created_at DESC, id DESC) WHERE parent_id IS NULL;

-- Full-text matches for the current tenant. Under row-level security PostgreSQL will not use
-- the non-leakproof @@ operator to drive an index scan, so every search read the whole table;
-- this function runs as the table owner (no RLS), uses posts_search_idx, and applies the same
-- tenant rule itself. Callers join its ids back to posts, where RLS applies again.
-- It returns top-level posts only, with what ranking and channel checks need.
CREATE FUNCTION agenthq_match_posts(p_query text)
RETURNS TABLE (id text, channel_id text, created_at timestamptz, rank real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.channel_id, p.created_at, ts_rank(p.search_vector, q)
  FROM public.posts p, plainto_tsquery('english', p_query) q
  WHERE p.search_vector @@ q AND p.parent_id IS NULL
    AND p.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
REVOKE ALL ON FUNCTION agenthq_match_posts(text) FROM PUBLIC;
