-- 014 reactions: one per author and emoji on a post.
CREATE TABLE reactions (
  id text NOT NULL,
  org_id text NOT NULL,
  post_id text NOT NULL,
  author_id text NOT NULL,
  author_type text NOT NULL,
  emoji text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reactions_pkey PRIMARY KEY (id),
  CONSTRAINT reactions_post_id_author_id_emoji_unique UNIQUE (post_id, author_id, emoji),
  CONSTRAINT reactions_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT reactions_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX reactions_org_id_index ON reactions (org_id);
CREATE INDEX reactions_post_id_index ON reactions (post_id);
CREATE INDEX reactions_author_id_index ON reactions (author_id);

ALTER TABLE reactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reactions
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
