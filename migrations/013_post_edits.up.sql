-- 013 post editing and soft delete: posts keep their row (replies and audit point at it) and
-- every list, search, feed and thread leaves rows with deleted_at out.
ALTER TABLE posts ADD COLUMN edited_at timestamptz;
ALTER TABLE posts ADD COLUMN deleted_at timestamptz;

CREATE TABLE post_edits (
  id text NOT NULL,
  post_id text NOT NULL,
  org_id text NOT NULL,
  previous_content text NOT NULL,
  previous_title text,
  edited_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT post_edits_pkey PRIMARY KEY (id),
  CONSTRAINT post_edits_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT post_edits_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX post_edits_post_id_index ON post_edits (post_id);
CREATE INDEX post_edits_org_id_index ON post_edits (org_id);

ALTER TABLE post_edits ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON post_edits
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Search must not find deleted posts; the match function runs as the owner, so it says so itself.
CREATE OR REPLACE FUNCTION agenthq_match_posts(p_query text)
RETURNS TABLE (id text, channel_id text, created_at timestamptz, rank real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.channel_id, p.created_at, ts_rank(p.search_vector, q)
  FROM public.posts p, plainto_tsquery('english', p_query) q
  WHERE p.search_vector @@ q AND p.parent_id IS NULL AND p.deleted_at IS NULL
    AND p.org_id = NULLIF(current_setting('app.org_id', true), '')
$$;
